package io.cebgw.transports;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A self-test's exchange of its own: a temporary folder, or temporary queues beside an AMQP transport (same broker,
 * same vhost and user); both ends talk over it, and closing it leaves nothing behind. AMQP on the machine's RabbitMQ,
 * as TransportCatalogTest.
 */
class PrivateExchangeTest {
    @Test
    void aFolderOfItsOwnCarriesAMessageAndIsRemoved() throws Exception {
        Path root;
        try (PrivateExchange exchange = PrivateExchange.beside(null)) {
            assertThat(exchange.overTransport()).isFalse();
            assertThat(exchange.describe(false)).contains("临时交换目录");
            root = Path.of(exchange.spec().get("root"));
            roundTrip(exchange);
            assertThat(root).isDirectory();
        }
        assertThat(Files.exists(root)).as("removed").isFalse();
        try (PrivateExchange stillAFolder = PrivateExchange.beside(TransportSpec.of("http", Map.of("url", "http://127.0.0.1:1/ceb")))) {
            assertThat(stillAFolder.spec().type()).isEqualTo("folder");
        }
    }

    @Test
    void besideAnAmqpTransportItUsesTheSameBrokerWithQueuesOfItsOwnAndDeletesThem() throws Exception {
        assertThatThrownBy(() -> PrivateExchange.beside(TransportSpec.of("amqp", Map.of("queues", "q"))))
                .isInstanceOf(TransportException.class).extracting(e -> ((TransportException) e).code()).isEqualTo("CEB-T001");
        TransportSpec own = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "send-queue", "ceb.own.out", "receive-queue", "ceb.own.in"));
        String queues;
        try (PrivateExchange exchange = PrivateExchange.beside(own)) {
            assertThat(exchange.overTransport()).isTrue();
            queues = exchange.spec().get("queues");
            assertThat(queues).startsWith("cebgw.selftest.");
            assertThat(exchange.spec().get("send-queue")).isNull();
            assertThat(exchange.describe(true)).contains("amqp://127.0.0.1:5672").contains(queues).contains("removed afterwards");
            roundTrip(exchange);
            assertThat(exists(queues + ".out")).isTrue();
        }
        assertThat(exists(queues + ".out")).as("deleted").isFalse();
        assertThat(exists(queues + ".in")).isFalse();
    }

    private static void roundTrip(PrivateExchange exchange) throws Exception {
        List<Transport.Envelope> received = new CopyOnWriteArrayList<>();
        Transport customs = exchange.open(End.EXCHANGE);
        Transport enterprise = exchange.open(End.ENTERPRISE);
        try {
            customs.start(received::add);
            enterprise.send(new Transport.Envelope("self-test-1", "<DxpMsg/>".getBytes(StandardCharsets.UTF_8)));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize(1);
        } finally {
            enterprise.close();
            customs.close();
        }
    }

    private static boolean exists(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://127.0.0.1:5672");
        try (Connection c = factory.newConnection(); Channel channel = c.createChannel()) {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false; // the broker closes the channel: no such queue
        }
    }
}
