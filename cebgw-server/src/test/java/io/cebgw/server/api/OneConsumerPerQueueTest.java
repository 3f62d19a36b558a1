package io.cebgw.server.api;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.server.flow.EnterpriseTransports;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transports.TransportCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One consumer per receipt queue, whatever mix of default and per-enterprise transports is configured: an enterprise
 * profile that names the default transport's queues another way only sends; a profile with queues of its own consumes
 * them (counted by the broker itself).
 */
class OneConsumerPerQueueTest extends GatewayTestBase {
    @Autowired
    EnterpriseStore store;

    @Test
    void aProfileOnTheDefaultsQueuesOnlySendsAndOneOnItsOwnConsumesThem() throws Exception {
        RabbitMq.require();
        String shared = "cebgw.one." + UUID.randomUUID();
        String own = "cebgw.own." + UUID.randomUUID();
        TransportSpec defaults = TransportSpec.of("amqp", Map.of("uri", RabbitMq.URI, "queues", shared));
        String sameQueuesOtherwiseWritten = "type=amqp\nuri=" + RabbitMq.URI + "/%2f\nsend-queue=" + shared + ".out\nreceive-queue=" + shared + ".in\n";
        String a = enterprises.register("同队列", "3301964ABC", "DXPENT0000087701", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "one-a"),
                sameQueuesOtherwiseWritten).enterprise().id();
        String b = enterprises.register("自有队列", "3301964ABC", "DXPENT0000087702", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "one-b"),
                "type=amqp\nuri=" + RabbitMq.URI + "\nqueues=" + own + "\n").enterprise().id();
        try (EnterpriseTransports transports = new EnterpriseTransports(store, defaults)) {
            transports.transportFor(a); // opened before receiving starts
            transports.start(envelope -> { });
            transports.transportFor(b); // opened after
            assertThat(consumers(shared + ".in")).as("the default and the profile on the same queue: one consumer").isEqualTo(1);
            assertThat(consumers(own + ".in")).isEqualTo(1);
            assertThat(transports.transportFor(a)).as("the profile still sends on its own connection").isNotSameAs(transports.defaultTransport());
        } finally {
            for (String q : new String[] {shared, own}) {
                try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(TransportSpec.of("amqp", Map.of("uri", RabbitMq.URI, "queues", q)), End.ENTERPRISE)) {
                    cleaner.deleteQueues();
                }
            }
        }
    }

    private static int consumers(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RabbitMq.URI);
        try (Connection c = factory.newConnection(); Channel channel = c.createChannel()) {
            return channel.queueDeclarePassive(queue).getConsumerCount();
        }
    }
}
