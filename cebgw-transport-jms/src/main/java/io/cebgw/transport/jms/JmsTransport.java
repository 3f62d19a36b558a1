package io.cebgw.transport.jms;

import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.logging.Logger;

/**
 * A standard Jakarta JMS 3 transport: any provider's {@link ConnectionFactory} plugs in by configuration (Artemis in
 * tests; IBM MQ with its own Jakarta JMS client, see docs/transports.md). Envelopes are persistent BytesMessages on
 * the send queue (a persistent send returns once the broker has it); the receive queue is consumed in a transacted
 * session, committed after the handler returned and rolled back (redelivered) when it failed. A message re-sent with
 * the same sequence is dropped by the receiving end.
 */
public final class JmsTransport implements Transport {
    private static final Logger LOG = Logger.getLogger(JmsTransport.class.getName());
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
            throw new TransportException("cannot connect to the JMS provider (" + description + "): " + e.getMessage(), e);
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
            throw new TransportException("the JMS provider did not take " + envelope.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start(Handler handler) throws TransportException {
        try {
            receiveSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer = receiveSession.createConsumer(receiveSession.createQueue(receiveQueue));
            consumer.setMessageListener(message -> {
                try {
                    String messageId = message.getStringProperty(MESSAGE_ID);
                    if (messageId != null && handled.seen(messageId)) {
                        receiveSession.commit(); // a re-sent copy: already handled
                        return;
                    }
                    BytesMessage bytes = (BytesMessage) message;
                    byte[] body = new byte[(int) bytes.getBodyLength()];
                    bytes.readBytes(body);
                    String id = message.getStringProperty(ID);
                    try {
                        handler.accept(new Transport.Envelope(id == null ? message.getJMSMessageID() : id, body));
                        handled.remember(messageId);
                        receiveSession.commit();
                    } catch (Exception e) {
                        LOG.warning("jms: handler failed for " + id + " (redelivered): " + e);
                        receiveSession.rollback();
                    }
                } catch (JMSException | RuntimeException e) {
                    LOG.warning("jms: cannot take a message: " + e);
                }
            });
        } catch (JMSException e) {
            throw new TransportException("cannot consume from " + receiveQueue + ": " + e.getMessage(), e);
        }
    }


    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.fine("jms close: " + e);
        }
    }
}
