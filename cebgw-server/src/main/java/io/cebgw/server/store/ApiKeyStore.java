package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys, stored as SHA-256 hashes only: each with a name, scopes (read, declare, admin), an optional expiry, a
 * revocation time and its last use. A key is valid while neither revoked nor expired; a valid key is remembered for
 * {@link #MEMORY} (so a revocation takes effect within that time), an unknown one never.
 */
public final class ApiKeyStore {
    public static final Duration MEMORY = Duration.ofSeconds(10);
    public static final Set<String> ALL_SCOPES = Set.of("read", "declare", "admin");
    /** The last use is written at most this often per key. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A key as listed: never its value. */
    public record KeyRow(String id, String enterpriseId, String name, Set<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt,
                         Instant lastUsedAt) {
        public boolean validAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private record Known(KeyRow key, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a key's hash; returns the key as listed. */
    public KeyRow add(String enterpriseId, String apiKey, String name, Set<String> scopes, Instant expiresAt, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into api_key (key_hash, enterprise_id, label, created_at, id, scopes, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(hash(apiKey), enterpriseId, name, Timestamp.from(now), id, String.join(",", new TreeSet<>(scopes)),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new KeyRow(id, enterpriseId, name, Set.copyOf(scopes), now, expiresAt, null, null);
    }

    /** The key, when it exists and is neither revoked nor expired at {@code now}. */
    public Optional<KeyRow> valid(String apiKey, Instant now) {
        String hash = hash(apiKey);
        Known k = known.get(hash);
        if (k == null || !k.until().isAfter(now)) {
            Optional<KeyRow> row = jdbc.sql("select * from api_key where key_hash = ?").param(hash).query(ApiKeyStore::row).optional();
            if (row.isEmpty() || !row.get().validAt(now)) {
                known.remove(hash);
                return Optional.empty();
            }
            if (known.size() >= 10_000) {
                known.clear();
            }
            k = new Known(row.get(), now.plus(MEMORY));
            known.put(hash, k);
        }
        return k.key().validAt(now) ? Optional.of(k.key()) : Optional.empty();
    }

    public List<KeyRow> list(String enterpriseId) {
        return jdbc.sql("select * from api_key where enterprise_id = ? order by created_at, id").param(enterpriseId).query(ApiKeyStore::row).list();
    }

    public Optional<KeyRow> byId(String enterpriseId, String id) {
        return jdbc.sql("select * from api_key where enterprise_id = ? and id = ?").params(enterpriseId, id).query(ApiKeyStore::row).optional();
    }

    /** Revoked at once (here; within {@link #MEMORY} on other nodes). */
    public boolean revoke(String enterpriseId, String id, Instant now) {
        known.clear();
        return jdbc.sql("update api_key set revoked_at = ? where enterprise_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(now), enterpriseId, id).update() == 1;
    }

    /** Valid until {@code at} (a rotated key's overlap), unless it expires sooner already. */
    public void expireBy(String enterpriseId, String id, Instant at) {
        known.clear();
        jdbc.sql("update api_key set expires_at = ? where enterprise_id = ? and id = ? and (expires_at is null or expires_at > ?)")
                .params(Timestamp.from(at), enterpriseId, id, Timestamp.from(at)).update();
    }

    /** Records a use (at most once a minute per key). */
    public void touch(String id, Instant now) {
        Instant last = touched.get(id);
        if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
            touched.put(id, now);
            jdbc.sql("update api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), id).update();
        }
    }

    static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyRow row(ResultSet rs, int n) throws SQLException {
        return new KeyRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("label"),
                Set.copyOf(Arrays.stream(rs.getString("scopes").split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
