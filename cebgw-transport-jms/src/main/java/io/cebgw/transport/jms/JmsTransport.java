package io.cebgw.transport.jms;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A standard Jakarta JMS 3 transport: any provider's {@link ConnectionFactory} plugs in by configuration (Artemis in
 * tests; IBM MQ with its own Jakarta JMS client, see docs/transports.md). Envelopes are persistent BytesMessages on
 * the send queue (a persistent send returns once the broker has it); the receive queue is consumed in a transacted
 * session, committed after the handler returned and rolled back (redelivered) when it failed; a {@link BatchHandler}
 * gets what is waiting (up to {@value #BATCH}) in one call and one transaction, and a refused batch comes again one
 * message at a time. A message re-sent with the same sequence is dropped by the receiving end.
 */
public final class JmsTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(JmsTransport.class);
    private static final String ID = "cebgwId";
    private static final String MESSAGE_ID = "cebgwMessageId";

    private final String description;
    private final String receiveQueue;
    private final Connection connection;
    private final Session sendSession;
    private final MessageProducer producer;
    private Session receiveSession;
    private MessageConsumer consumer;
    private final HandledIds handled = new HandledIds();
    /** Messages handed to a batch handler in one call (one transaction) at most. */
    static final int BATCH = 100;
    private Thread receiver;
    private volatile boolean closed;

    public JmsTransport(ConnectionFactory factory, String sendQueue, String receiveQueue, String description) throws TransportException {
        this(factory, null, null, sendQueue, receiveQueue, description);
    }

    /** With credentials (the user and password the provider asks for; {@code user} null: the factory's own). */
    public JmsTransport(ConnectionFactory factory, String user, String password, String sendQueue, String receiveQueue, String description)
            throws TransportException {
        this.description = description;
        this.receiveQueue = receiveQueue;
        try {
            connection = user == null ? factory.createConnection() : factory.createConnection(user, password);
            sendSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = sendSession.createProducer(sendSession.createQueue(sendQueue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            connection.start();
        } catch (JMSException e) {
            throw failure(e, sendQueue, "cannot connect to the JMS provider (" + description + ")");
        }
    }

    @Override
    public String name() {
        return "jms:" + description;
    }

    @Override
    public synchronized void send(Transport.Envelope envelope) throws TransportException {
        try {
            BytesMessage message = sendSession.createBytesMessage();
            message.writeBytes(envelope.bytes());
            message.setStringProperty(ID, envelope.id());
            message.setStringProperty(MESSAGE_ID, envelope.sequenced() ? envelope.wireId() : envelope.id() + "#" + System.nanoTime());
            producer.send(message);
        } catch (JMSException e) {
            throw failure(e, description, "the JMS provider did not take " + envelope.id());
        }
    }

    @Override
    public synchronized void start(Handler handler) throws TransportException {
        try {
            receiveSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer = receiveSession.createConsumer(receiveSession.createQueue(receiveQueue));
        } catch (JMSException e) {
            throw new TransportException("cannot consume from " + receiveQueue + ": " + e.getMessage(), e);
        }
        receiver = new Thread(() -> receive(handler), "jms-receiver-" + receiveQueue);
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * The receiver thread, the only one that uses the receiving session: takes what is waiting — up to {@link #BATCH}
     * messages for a batch handler, in one transaction — and commits once the handler returned. A refused batch is
     * rolled back and its messages, delivered again, are then taken one at a time.
     */
    private void receive(Handler handler) {
        int oneByOne = 0; // after a refused batch: how many of the messages coming again to take alone
        while (!closed) {
            try {
                Message first = consumer.receive(200);
                if (first == null) {
                    continue;
                }
                List<Message> batch = new ArrayList<>();
                batch.add(first);
                if (oneByOne > 0) {
                    oneByOne--;
                } else if (handler instanceof BatchHandler) {
                    for (Message next; batch.size() < BATCH && (next = consumer.receiveNoWait()) != null; ) {
                        batch.add(next);
                    }
                }
                if (!take(batch, handler)) {
                    oneByOne = batch.size();
                }
            } catch (JMSException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("jms: cannot take messages from {} (they come again): {}", receiveQueue, e);
                    rollback();
                }
            }
        }
    }

    /** Hands the messages over and commits; false when a batch of several was refused (rolled back). */
    private boolean take(List<Message> batch, Handler handler) throws JMSException {
        List<Transport.Envelope> fresh = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Message message : batch) {
            String messageId = message.getStringProperty(MESSAGE_ID);
            if (messageId != null && (handled.seen(messageId) || !inBatch.add(messageId))) {
                continue; // a re-sent copy, already handled or already in this batch: committed with the rest
            }
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            String id = message.getStringProperty(ID);
            fresh.add(new Transport.Envelope(id == null ? message.getJMSMessageID() : id, body));
            messageIds.add(messageId);
        }
        try {
            if (fresh.size() > 1) {
                ((BatchHandler) handler).acceptAll(fresh); // several only ever for a batch handler
            } else if (fresh.size() == 1) {
                handler.accept(fresh.get(0));
            }
        } catch (Exception e) {
            receiveSession.rollback();
            if (fresh.size() > 1) {
                LOG.info("jms: a batch of {} was refused, taking each alone: {}", fresh.size(), e);
                return false;
            }
            LOG.warn("jms: handler failed for {} (redelivered): {}", fresh.get(0).id(), e);
            return true;
        }
        messageIds.forEach(handled::remember);
        receiveSession.commit();
        return true;
    }

    private void rollback() {
        try {
            receiveSession.rollback();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("jms rollback: {}", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.debug("jms close: {}", e);
        }
    }

    /**
     * A refusal no retry mends (the provider refused the user or password, the queue does not exist) or a passing
     * failure (provider down, connection lost).
     */
    private TransportException failure(JMSException e, String queue, String what) {
        if (e instanceof jakarta.jms.JMSSecurityException) {
            return new TransportException(TransportProblem.CREDENTIALS_REFUSED.with("JMS " + description, e.getMessage()), e);
        }
        if (e instanceof jakarta.jms.InvalidDestinationException) {
            return new TransportException(TransportProblem.DESTINATION_UNKNOWN.with("JMS " + description, queue, e.getMessage()), e);
        }
        return new TransportException(what + ": " + e.getMessage(), e);
    }
}
