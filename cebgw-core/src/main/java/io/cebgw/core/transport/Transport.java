package io.cebgw.core.transport;

/**
 * One way of exchanging DXP envelopes with a peer (the data-exchange platform, a vendor client, or — in the
 * sandbox — the enterprise). Every implementation passes the same contract test. Messages are whole envelope
 * documents (DxpMsg, DxpMsgSv, DxpRep), never parsed or changed by the transport.
 */
public interface Transport extends AutoCloseable {
    /** A short name for logs and reports, e.g. {@code folder:/var/cebgw/exchange}. */
    String name();

    /** Hands one envelope to the peer; returns once the transport holds it durably (a crash after this loses nothing). */
    void send(Envelope envelope) throws TransportException;

    /**
     * Starts delivering what the peer sends to {@code handler}, one message at a time. A message counts as taken
     * only when the handler returns normally; if it throws, the message is kept for another attempt or set aside.
     */
    void start(Handler handler) throws TransportException;

    /** Stops receiving and releases resources; messages not yet taken stay with the transport. */
    @Override
    void close();

    /** Receives inbound messages. */
    @FunctionalInterface
    interface Handler {
        void accept(Envelope envelope) throws Exception;
    }

    /**
     * A handler that can take several messages that arrived together in one unit of work (one database transaction):
     * when {@link #acceptAll} returns, all of them were taken; when it throws, none was, and the transport offers them
     * again one at a time through {@link #accept}, so that one bad message cannot hold back the others. Transports
     * that see several messages waiting at once (the folder transport) use it; others call {@link #accept}.
     */
    interface BatchHandler extends Handler {
        void acceptAll(java.util.List<Envelope> envelopes) throws Exception;
    }

    /**
     * A message as the transport carries it.
     *
     * @param id       an identifier unique per message (the CopMsgId when known), used for names and logs
     * @param bytes    the envelope document, exactly as sent
     * @param sequence the sender's own increasing number for this message (the outbox row), or -1. With it, sending
     *                 the same message again (a retry after a crash) is recognised by transports that can, and not
     *                 delivered twice; without it, every send is a new message.
     */
    record Envelope(String id, byte[] bytes, long sequence) {
        public Envelope {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a message needs an id");
            }
        }

        public Envelope(String id, byte[] bytes) {
            this(id, bytes, -1);
        }

        /** Whether this is an outbox message, recognisable when it is sent again. */
        public boolean sequenced() {
            return sequence >= 0;
        }

        /**
         * The name the message travels under: {@code S<sequence>-<id>} for outbox messages, so every copy of a resend
         * carries the same name; the id otherwise.
         */
        public String wireId() {
            return sequenced() ? "S" + sequence + "-" + id : id;
        }

        /** The id inside a wire name ({@code S12-ABC} → {@code ABC}; any other name is the id itself). */
        public static String idOf(String wireId) {
            return wireId.matches("S\\d+-.+") ? wireId.substring(wireId.indexOf('-') + 1) : wireId;
        }
    }
}
