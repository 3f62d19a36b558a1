package io.cebgw.server.store;

import java.time.Instant;

/**
 * A person who signs in to the web pages.
 *
 * @param enterpriseId the enterprise an enterprise user belongs to; null for a platform administrator
 * @param role         {@link #USER} or {@link #PLATFORM}
 * @param passwordHash an encoded password ({@code {bcrypt}…}), never the password
 */
public record UserRow(String id, String username, String passwordHash, String enterpriseId, String role, String displayName, Instant createdAt) {
    public static final String USER = "USER";
    public static final String PLATFORM = "PLATFORM";

    @Override
    public String toString() {
        return "UserRow[" + username + ", " + role + "]"; // never the hash
    }
}
