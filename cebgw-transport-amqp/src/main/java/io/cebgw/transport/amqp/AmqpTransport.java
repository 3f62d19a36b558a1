package io.cebgw.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The AMQP transport (RabbitMQ, the data sub-centers' middleware): each envelope a persistent message on the send
 * queue, confirmed by the broker before {@link #send} returns; receipts consumed from the receive queue with manual
 * acks after the handler returned (a failing handler's message is requeued). Connections recover by themselves.
 * A message re-sent with the same sequence (a retry after a crash) carries the same message id and is dropped by the
 * receiving end, which remembers the ids it has handled.
 */
public final class AmqpTransport implements Transport {
    private static final Logger LOG = Logger.getLogger(AmqpTransport.class.getName());

    private final String uri;
    private final String sendQueue;
    private final String receiveQueue;
    private final Duration confirmTimeout;
    private final Connection connection;
    private final Channel publisher;
    private Channel consumer;
    private final HandledIds handled = new HandledIds();

    /**
     * @param uri          e.g. {@code amqp://guest:guest@127.0.0.1:5672} (credentials from configuration, never logged)
     * @param sendQueue    where this end puts its messages (declared durable)
     * @param receiveQueue where this end takes its messages from (declared durable)
     */
    public AmqpTransport(String uri, String sendQueue, String receiveQueue, Duration confirmTimeout) throws TransportException {
        this.uri = uri;
        this.sendQueue = sendQueue;
        this.receiveQueue = receiveQueue;
        this.confirmTimeout = confirmTimeout;
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            factory.setAutomaticRecoveryEnabled(true);
            factory.setNetworkRecoveryInterval(1000);
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, confirmTimeout.toMillis());
            factory.setConnectionTimeout(timeoutMillis);
            factory.setHandshakeTimeout(timeoutMillis);
            factory.setChannelRpcTimeout(timeoutMillis);
            connection = factory.newConnection("cebgw");
            publisher = connection.createChannel();
            publisher.confirmSelect();
            publisher.queueDeclare(sendQueue, true, false, false, null);
            publisher.queueDeclare(receiveQueue, true, false, false, null);
        } catch (IOException | TimeoutException | URISyntaxException | GeneralSecurityException e) {
            throw new TransportException("cannot connect to the AMQP broker " + redacted(uri) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "amqp:" + redacted(uri) + "/" + sendQueue;
    }

    @Override
    public synchronized void send(Transport.Envelope envelope) throws TransportException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/xml")
                .messageId(envelope.sequenced() ? envelope.wireId() : envelope.id() + "#" + System.nanoTime())
                .headers(Map.of("cebgw-id", envelope.id()))
                .build();
        try {
            publisher.basicPublish("", sendQueue, true, properties, envelope.bytes());
            publisher.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new TransportException("the broker did not confirm " + envelope.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while sending " + envelope.id(), e);
        }
    }

    @Override
    public synchronized void start(Handler handler) throws TransportException {
        try {
            consumer = connection.createChannel();
            consumer.basicQos(1);
            consumer.basicConsume(receiveQueue, false, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, com.rabbitmq.client.Envelope delivery, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    String messageId = properties.getMessageId();
                    Object header = properties.getHeaders() == null ? null : properties.getHeaders().get("cebgw-id");
                    String id = header == null ? String.valueOf(messageId) : header.toString();
                    if (messageId != null && handled.seen(messageId)) {
                        getChannel().basicAck(delivery.getDeliveryTag(), false); // a re-sent copy: already handled
                        return;
                    }
                    try {
                        handler.accept(new Transport.Envelope(id, body));
                        handled.remember(messageId);
                        getChannel().basicAck(delivery.getDeliveryTag(), false);
                    } catch (Exception e) {
                        LOG.warning("amqp: handler failed for " + id + " (requeued): " + e);
                        getChannel().basicNack(delivery.getDeliveryTag(), false, true);
                    }
                }
            });
        } catch (IOException e) {
            throw new TransportException("cannot consume from " + receiveQueue + ": " + e.getMessage(), e);
        }
    }


    /** Deletes both queues (tests, and tearing down a sandbox exchange). */
    public void deleteQueues() throws IOException {
        publisher.queueDelete(sendQueue);
        publisher.queueDelete(receiveQueue);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close(2000);
        } catch (IOException | RuntimeException e) {
            LOG.fine("amqp close: " + e);
        }
    }

    static String redacted(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
