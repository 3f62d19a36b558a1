package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Enterprises and their API keys (stored as SHA-256 hashes only). */
public final class EnterpriseStore {
    /** How long a known API key is remembered without asking the database. */
    public static final java.time.Duration KEY_MEMORY = java.time.Duration.ofSeconds(10);
    private final JdbcClient jdbc;
    private final java.util.Map<String, KnownKey> knownKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private record KnownKey(String enterpriseId, Instant until) {
    }

    public EnterpriseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EnterpriseRow e) {
        jdbc.sql("insert into enterprise (id, name, customs_code, credit_code, dxp_id, roles, signing_profile, transport_profile, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.name(), e.customsCode(), e.creditCode(), e.dxpId(), e.roles(), e.signingProfile(),
                        e.transportProfile(), Timestamp.from(e.createdAt()))
                .update();
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

    public void addApiKey(String enterpriseId, String apiKey, String label) {
        jdbc.sql("insert into api_key (key_hash, enterprise_id, label, created_at) values (?, ?, ?, ?)")
                .params(hash(apiKey), enterpriseId, label, Timestamp.from(Instant.now())).update();
    }

    /**
     * The enterprise an API key belongs to. Known keys are remembered for {@link #KEY_MEMORY} (a key deleted from the
     * database stops working within that time); unknown keys are always looked up, so a new key works at once and
     * guessing fills no memory.
     */
    public Optional<String> enterpriseOfKey(String apiKey) {
        String hash = hash(apiKey);
        Instant now = Instant.now();
        KnownKey known = knownKeys.get(hash);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.enterpriseId());
        }
        Optional<String> enterprise = jdbc.sql("select enterprise_id from api_key where key_hash = ?").param(hash).query(String.class).optional();
        if (enterprise.isPresent()) {
            if (knownKeys.size() >= 10_000) {
                knownKeys.clear();
            }
            knownKeys.put(hash, new KnownKey(enterprise.get(), now.plus(KEY_MEMORY)));
        } else {
            knownKeys.remove(hash);
        }
        return enterprise;
    }


    static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnterpriseRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EnterpriseRow(rs.getString("id"), rs.getString("name"), rs.getString("customs_code"), rs.getString("credit_code"),
                rs.getString("dxp_id"), rs.getString("roles"), rs.getString("signing_profile"), rs.getString("transport_profile"),
                rs.getTimestamp("created_at").toInstant());
    }
}
