package io.cebgw.server.document;

import io.cebgw.server.store.UserRow;
import io.cebgw.server.store.UserStore;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Creates web users: an enterprise's own users, or platform administrators who manage several enterprises. A password
 * is generated and shown once; only its hash is kept.
 */
public final class WebUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public WebUsers(UserStore users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A new user and its generated password (returned once, never stored). */
    public record Created(UserRow user, String password) {
        @Override
        public String toString() {
            return "Created[" + user + "]"; // never the password
        }
    }

    /** An administrator of one enterprise. */
    public Created forEnterprise(String enterpriseId, String username, String displayName) {
        return create(username, displayName, enterpriseId, UserRow.USER, List.of());
    }

    /** A user of one enterprise in a role: {@link UserRow#USER} (its administrator), {@link UserRow#DECLARANT} or {@link UserRow#VIEWER}. */
    public Created forEnterprise(String enterpriseId, String username, String displayName, String role) {
        if (!List.of(UserRow.USER, UserRow.DECLARANT, UserRow.VIEWER).contains(role)) {
            throw new IllegalArgumentException("an enterprise user is USER, DECLARANT or VIEWER");
        }
        return create(username, displayName, enterpriseId, role, List.of());
    }

    /** A platform administrator acting for the given enterprises. */
    public Created platformAdministrator(String username, String displayName, List<String> enterpriseIds) {
        return create(username, displayName, null, UserRow.PLATFORM, enterpriseIds);
    }

    private Created create(String username, String displayName, String enterpriseId, String role, List<String> managed) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new IllegalArgumentException("a user name is 3 to 64 letters, digits or . _ @ -");
        }
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UserRow row = new UserRow(UUID.randomUUID().toString(), username, encoder.encode(password), enterpriseId, role, displayName, clock.instant());
        users.insert(row);
        managed.forEach(e -> users.manage(row.id(), e));
        return new Created(row, password);
    }
}
