package io.cebgw.server.store;

import java.time.Instant;

/**
 * A person who signs in to the web pages.
 *
 * @param enterpriseId the enterprise an enterprise user belongs to; null for a platform administrator
 * @param role         {@link #USER} (the enterprise's administrator), {@link #DECLARANT}, {@link #VIEWER} or {@link #PLATFORM}
 * @param passwordHash an encoded password ({@code {bcrypt}…}), never the password
 */
public record UserRow(String id, String username, String passwordHash, String enterpriseId, String role, String displayName, Instant createdAt) {
    /** An enterprise's administrator: everything of its enterprise, webhooks and relationships included. */
    public static final String USER = "USER";
    /** Enters, imports, declares and resends documents; does not manage webhooks or the enterprise. */
    public static final String DECLARANT = "DECLARANT";
    /** Reads only. */
    public static final String VIEWER = "VIEWER";
    /** A platform administrator: everything of the enterprises it manages. */
    public static final String PLATFORM = "PLATFORM";

    @Override
    public String toString() {
        return "UserRow[" + username + ", " + role + "]"; // never the hash
    }
}
