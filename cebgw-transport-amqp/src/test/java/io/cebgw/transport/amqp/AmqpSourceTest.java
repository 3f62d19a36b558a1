package io.cebgw.transport.amqp;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an AMQP end receives from: broker, vhost and queue, the same however the settings spell them (so that the
 * gateway lets one transport consume each queue); another queue, vhost or end is another source.
 */
class AmqpSourceTest {
    private final AmqpTransportFactory factory = new AmqpTransportFactory();

    @Test
    void oneSourceWhateverTheSpelling() throws Exception {
        String source = factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://MQ.example", "queues", "ceb.x")), End.ENTERPRISE);
        assertThat(source).isEqualTo("amqp mq.example:5672 vhost / queue ceb.x.in");
        assertThat(factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example:5672/%2F", "send-queue", "ceb.x.out",
                "receive-queue", "ceb.x.in", "user", "u", "password.env", "P")), End.ENTERPRISE)).isEqualTo(source);
        assertThat(factory.source(TransportSpec.of("amqp", Map.of("uri", "amqps://mq.example/cebgw", "queues", "ceb.x")), End.ENTERPRISE))
                .isEqualTo("amqp mq.example:5671 vhost cebgw queue ceb.x.in");
    }

    @Test
    void anotherVhostQueueOrEndIsAnotherSource() throws Exception {
        String source = factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example", "queues", "ceb.x")), End.ENTERPRISE);
        assertThat(factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example/", "queues", "ceb.x")), End.ENTERPRISE))
                .as("the empty vhost is not /").isNotEqualTo(source);
        assertThat(factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example", "queues", "ceb.y")), End.ENTERPRISE)).isNotEqualTo(source);
        assertThat(factory.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example", "queues", "ceb.x")), End.EXCHANGE))
                .isEqualTo("amqp mq.example:5672 vhost / queue ceb.x.out");
    }
}
