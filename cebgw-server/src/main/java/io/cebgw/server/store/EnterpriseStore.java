package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Enterprises and their API keys (stored as SHA-256 hashes only). */
public final class EnterpriseStore {
    /** How long a known API key is remembered without asking the database. */
    public static final java.time.Duration KEY_MEMORY = ApiKeyStore.MEMORY;
    private final JdbcClient jdbc;
    private final ApiKeyStore keys;


    public EnterpriseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.keys = new ApiKeyStore(jdbc);
    }

    public void insert(EnterpriseRow e) {
        jdbc.sql("insert into enterprise (id, name, customs_code, credit_code, dxp_id, roles, signing_profile, transport_profile, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.name(), e.customsCode(), e.creditCode(), e.dxpId(), e.roles(), e.signingProfile(),
                        e.transportProfile(), Timestamp.from(e.createdAt()))
                .update();
    }

    /** Changes everything but the id, the DXPID and the creation time. */
    public boolean update(EnterpriseRow e) {
        return jdbc.sql("update enterprise set name = ?, customs_code = ?, credit_code = ?, roles = ?, signing_profile = ?, transport_profile = ?"
                        + " where id = ?")
                .params(e.name(), e.customsCode(), e.creditCode(), e.roles(), e.signingProfile(), e.transportProfile(), e.id()).update() == 1;
    }

    public Optional<EnterpriseRow> byId(String id) {
        return jdbc.sql("select * from enterprise where id = ?").param(id).query(EnterpriseStore::row).optional();
    }

    public Optional<EnterpriseRow> byDxpId(String dxpId) {
        return jdbc.sql("select * from enterprise where dxp_id = ?").param(dxpId).query(EnterpriseStore::row).optional();
    }

    public List<EnterpriseRow> all() {
        return jdbc.sql("select * from enterprise order by created_at, id").query(EnterpriseStore::row).list();
    }

    /** Records the outcome of the enterprise's latest sandbox self-test (onboarding step 4). */
    public void recordSelfTest(String id, boolean passed, Instant at) {
        jdbc.sql("update enterprise set onboarding = ? where id = ?").params("selftest=" + (passed ? "passed" : "failed") + " " + at, id).update();
    }

    public boolean selfTestPassed(String id) {
        return jdbc.sql("select onboarding from enterprise where id = ?").param(id).query(String.class).optional()
                .filter(s -> s != null && s.startsWith("selftest=passed")).isPresent();
    }

    /** When each enterprise's self-test last passed (enterprises whose last run failed, or that never ran one, are absent). */
    public Map<String, Instant> selfTestsPassed() {
        Map<String, Instant> passed = new HashMap<>();
        jdbc.sql("select id, onboarding from enterprise where onboarding like 'selftest=passed %'").query((rs, n) -> {
            try {
                passed.put(rs.getString("id"), Instant.parse(rs.getString("onboarding").substring("selftest=passed ".length()).strip()));
            } catch (java.time.format.DateTimeParseException e) {
                // an unreadable record counts as no passed run
            }
            return null;
        }).list();
        return passed;
    }

    /** The enterprises' own alert settings (properties text) by enterprise id; those without any are absent. */
    public Map<String, String> alertProfiles() {
        Map<String, String> profiles = new HashMap<>();
        jdbc.sql("select id, alert_profile from enterprise where alert_profile is not null")
                .query((rs, n) -> profiles.put(rs.getString("id"), rs.getString("alert_profile"))).list();
        return profiles;
    }

    public Optional<String> alertProfile(String id) {
        return jdbc.sql("select alert_profile from enterprise where id = ?").param(id).query(String.class).optional();
    }

    /** Replaces the enterprise's alert settings (null: none). */
    public void setAlertProfile(String id, String profile) {
        jdbc.sql("update enterprise set alert_profile = ? where id = ?").params(profile, id).update();
    }

    /** Adds a key with every scope and no expiry (the first key of a registration). */
    public void addApiKey(String enterpriseId, String apiKey, String label) {
        keys.add(enterpriseId, apiKey, label, ApiKeyStore.ALL_SCOPES, null, Instant.now());
    }

    /** The enterprise of a valid key (see {@link ApiKeyStore#valid}). */
    public Optional<String> enterpriseOfKey(String apiKey) {
        return keys.valid(apiKey, Instant.now()).map(ApiKeyStore.KeyRow::enterpriseId);
    }

    public ApiKeyStore keys() {
        return keys;
    }

    private static EnterpriseRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EnterpriseRow(rs.getString("id"), rs.getString("name"), rs.getString("customs_code"), rs.getString("credit_code"),
                rs.getString("dxp_id"), rs.getString("roles"), rs.getString("signing_profile"), rs.getString("transport_profile"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** An enterprise this one may declare for (see V9__acts_for.sql); {@code kind} AGENT, PLATFORM, LOGISTICS or PARTNER. */
    public record ActsFor(String code, String name, String kind, Instant createdAt) {
    }

    public List<ActsFor> actsFor(String enterpriseId) {
        return jdbc.sql("select * from enterprise_acts_for where enterprise_id = ? order by code").param(enterpriseId)
                .query((rs, n) -> new ActsFor(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    /** Adds or replaces one. */
    public void putActsFor(String enterpriseId, ActsFor a) {
        jdbc.sql("delete from enterprise_acts_for where enterprise_id = ? and code = ?").params(enterpriseId, a.code()).update();
        jdbc.sql("insert into enterprise_acts_for (enterprise_id, code, name, kind, created_at) values (?, ?, ?, ?, ?)")
                .params(enterpriseId, a.code(), a.name(), a.kind(), Timestamp.from(a.createdAt())).update();
    }

    public boolean removeActsFor(String enterpriseId, String code) {
        return jdbc.sql("delete from enterprise_acts_for where enterprise_id = ? and code = ?").params(enterpriseId, code).update() == 1;
    }
}
