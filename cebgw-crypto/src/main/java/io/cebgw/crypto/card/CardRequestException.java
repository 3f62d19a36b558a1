package io.cebgw.crypto.card;

/** The card client did not answer, answered with an error, or could not be reached. */
public final class CardRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean connection;

    CardRequestException(String message, boolean connection, Throwable cause) {
        super(message, cause);
        this.connection = connection;
    }

    /** True when the connection failed (worth a reconnect), false when the card refused the request. */
    public boolean connection() {
        return connection;
    }
}
