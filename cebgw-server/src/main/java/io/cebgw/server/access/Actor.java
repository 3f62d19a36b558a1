package io.cebgw.server.access;

/**
 * Who a request acts as, for the audit trail: a web user, an API key, the admin key, or the gateway itself; with the
 * address the request came from. Set for the length of a request ({@link #as}), read where something is recorded.
 *
 * @param kind USER, API_KEY, ADMIN or SYSTEM
 * @param name the user name, the key's name and id, or "admin-key"
 */
public record Actor(String kind, String name, String address) {
    public static final Actor SYSTEM = new Actor("SYSTEM", "gateway", null);
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    /** The actor of the request on this thread; the gateway itself outside one (background work). */
    public static Actor current() {
        Actor a = CURRENT.get();
        return a == null ? SYSTEM : a;
    }

    /** Acts as {@code actor} until the scope is closed. */
    public static Scope as(Actor actor) {
        Actor before = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** The end of an {@link #as}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
