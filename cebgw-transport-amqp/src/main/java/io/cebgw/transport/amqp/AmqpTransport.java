package io.cebgw.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AMQP transport (RabbitMQ, the data sub-centers' middleware): each envelope a persistent message on the send
 * queue, confirmed by the broker before {@link #send} returns; receipts consumed from the receive queue with manual
 * acks after the handler returned (a failing handler's message is requeued). A {@link BatchHandler} gets what has
 * arrived together in one call (the broker prefetches up to {@value #BATCH}); a refused batch is offered again one
 * message at a time. Connections recover by themselves.
 * A message re-sent with the same sequence (a retry after a crash) carries the same message id and is dropped by the
 * receiving end, which remembers the ids it has handled.
 */
public final class AmqpTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpTransport.class);

    private final String uri;
    private final String sendQueue;
    private final String receiveQueue;
    private final Duration confirmTimeout;
    private final Connection connection;
    private final Channel publisher;
    /** Receipts handed to a batch handler in one call at most (and the broker's prefetch for it). */
    static final int BATCH = 100;

    private Channel consumer;
    private final HandledIds handled = new HandledIds();
    private final BlockingQueue<Delivery> arrivals = new LinkedBlockingQueue<>();
    private Thread receiver;
    private volatile boolean closed;

    /**
     * @param uri          e.g. {@code amqp://guest:guest@127.0.0.1:5672} (credentials from configuration, never logged)
     * @param sendQueue    where this end puts its messages (declared durable)
     * @param receiveQueue where this end takes its messages from (declared durable)
     */
    public AmqpTransport(String uri, String sendQueue, String receiveQueue, Duration confirmTimeout) throws TransportException {
        this(uri, null, null, sendQueue, receiveQueue, confirmTimeout);
    }

    /**
     * With the user and password given apart from the address: as they are, any characters (the client decodes
     * credentials inside a URI as ASCII, which garbles a Chinese password).
     */
    public AmqpTransport(String uri, String user, String password, String sendQueue, String receiveQueue, Duration confirmTimeout)
            throws TransportException {
        this.uri = uri;
        this.sendQueue = sendQueue;
        this.receiveQueue = receiveQueue;
        this.confirmTimeout = confirmTimeout;
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            if (user != null) {
                factory.setUsername(user);
                factory.setPassword(password == null ? "" : password);
            }
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
            throw AmqpFailure.of(e, redacted(uri), sendQueue, "connecting");
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
            throw AmqpFailure.of(e, redacted(uri), sendQueue, envelope.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while sending " + envelope.id(), e);
        }
    }

    @Override
    public synchronized void start(Handler handler) throws TransportException {
        try {
            consumer = connection.createChannel();
            consumer.basicQos(handler instanceof BatchHandler ? BATCH : 1);
            consumer.basicConsume(receiveQueue, false, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, com.rabbitmq.client.Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
                    Object header = properties.getHeaders() == null ? null : properties.getHeaders().get("cebgw-id");
                    String messageId = properties.getMessageId();
                    String id = header == null ? String.valueOf(messageId) : header.toString();
                    arrivals.add(new Delivery(delivery.getDeliveryTag(), id, messageId, body));
                }
            });
        } catch (IOException e) {
            throw new TransportException("cannot consume from " + receiveQueue + ": " + e.getMessage(), e);
        }
        receiver = new Thread(() -> receive(handler), "amqp-receiver-" + receiveQueue);
        receiver.setDaemon(true);
        receiver.start();
    }

    /** What the broker delivered, waiting for the receiver thread. */
    private record Delivery(long tag, String id, String messageId, byte[] body) {
    }

    /**
     * The receiver thread: hands over what has arrived — everything waiting, up to {@link #BATCH}, to a batch handler
     * in one call — and acks each message once its handler returned. The only thread that uses the consumer channel
     * after {@link #start}.
     */
    private void receive(Handler handler) {
        while (!closed) {
            try {
                Delivery first = arrivals.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Delivery> batch = new ArrayList<>();
                batch.add(first);
                arrivals.drainTo(batch, BATCH - 1);
                take(batch, handler);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("amqp: receiving from {} failed (unacknowledged messages come again): {}", receiveQueue, e);
            }
        }
    }

    private void take(List<Delivery> batch, Handler handler) throws IOException {
        List<Delivery> fresh = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Delivery d : batch) {
            if (d.messageId() != null && (handled.seen(d.messageId()) || !inBatch.add(d.messageId()))) {
                consumer.basicAck(d.tag(), false); // a re-sent copy: already handled, or already in this batch
            } else {
                fresh.add(d);
            }
        }
        if (fresh.size() > 1 && handler instanceof BatchHandler all) {
            try {
                all.acceptAll(fresh.stream().map(d -> new Transport.Envelope(d.id(), d.body())).toList());
                for (Delivery d : fresh) {
                    handled.remember(d.messageId());
                    consumer.basicAck(d.tag(), false);
                }
                return;
            } catch (Exception e) {
                LOG.info("amqp: a batch of {} was refused, offering each alone: {}", fresh.size(), e);
            }
        }
        for (Delivery d : fresh) {
            takeOne(d, handler);
        }
    }

    private void takeOne(Delivery d, Handler handler) throws IOException {
        try {
            handler.accept(new Transport.Envelope(d.id(), d.body()));
        } catch (Exception e) {
            LOG.warn("amqp: handler failed for {} (requeued): {}", d.id(), e);
            consumer.basicNack(d.tag(), false, true);
            return;
        }
        handled.remember(d.messageId());
        consumer.basicAck(d.tag(), false);
    }

    /** Deletes both queues (tests, and tearing down a sandbox exchange). */
    public void deleteQueues() throws IOException {
        publisher.queueDelete(sendQueue);
        publisher.queueDelete(receiveQueue);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (receiver != null) {
            receiver.interrupt();
        }
        try {
            connection.close(2000);
        } catch (IOException | RuntimeException e) {
            LOG.debug("amqp close: {}", e);
        }
    }

    static String redacted(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
