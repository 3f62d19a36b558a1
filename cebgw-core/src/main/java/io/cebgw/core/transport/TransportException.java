package io.cebgw.core.transport;

/** A transport could not send or receive (peer down, disk full, broker refused); worth retrying later. */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransportException(String message) {
        super(message);
    }
}
