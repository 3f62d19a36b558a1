package io.cebgw.transport.amqp;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an AMQP end receives from: broker, vhost and queue, the same however the settings spell them (so that the
 * gateway lets one transport consume each queue); another queue, vhost or end is another source. And the self-test's
 * private exchange beside a configuration: the same connection, queues of its own, and only those removed.
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

    @Test
    void aPrivateExchangeKeepsTheConnectionAndRemovesOnlyItsOwnQueues() throws Exception {
        TransportSpec own = factory.privateExchange(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example/cebgw", "user", "u",
                "password.env", "P", "send-queue", "ceb.x.out", "receive-queue", "ceb.x.in"))).orElseThrow();
        assertThat(own.get("uri")).isEqualTo("amqp://mq.example/cebgw");
        assertThat(own.get("user")).isEqualTo("u");
        assertThat(own.get("password.env")).isEqualTo("P");
        assertThat(own.get("send-queue")).isNull();
        assertThat(own.get("queues")).startsWith("cebgw.selftest.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.removePrivateExchange(TransportSpec.of("amqp",
                Map.of("uri", "amqp://mq.example", "queues", "ceb.x")))).as("never queues it did not make").isInstanceOf(IllegalArgumentException.class);

        TransportSpec local = factory.privateExchange(TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "queues", "ceb.local"))).orElseThrow();
        factory.open(local, End.EXCHANGE).close(); // declares the queues
        factory.removePrivateExchange(local);
        com.rabbitmq.client.ConnectionFactory broker = new com.rabbitmq.client.ConnectionFactory();
        broker.setUri("amqp://127.0.0.1:5672");
        try (com.rabbitmq.client.Connection c = broker.newConnection()) {
            com.rabbitmq.client.Channel channel = c.createChannel(); // the broker closes it on the missing queue
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> channel.queueDeclarePassive(local.get("queues") + ".in"))
                    .as("deleted").isInstanceOf(java.io.IOException.class);
        }
    }

    /** A password with Chinese characters logs in (the client decodes credentials written into a URI as ASCII). */
    @Test
    void aChinesePasswordLogsIn() throws Exception {
        String user = "cebgw-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "口令-" + java.util.UUID.randomUUID();
        if (!rabbitmqctl("add_user", user, password)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("rabbitmqctl is needed to make a test user (CI=true)");
            }
            System.err.println("NOTICE: skipping — rabbitmqctl cannot add a user here");
            org.junit.jupiter.api.Assumptions.abort("rabbitmqctl is not usable");
        }
        try {
            rabbitmqctl("set_permissions", "-p", "/", user, ".*", ".*", ".*");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("amqp", ".pw");
            java.nio.file.Files.writeString(file, password + "\n");
            TransportSpec spec = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "user", user, "password.file", file.toString(),
                    "queues", "cebgw.selftest.pw-" + user));
            factory.check(spec);
            factory.removePrivateExchange(spec);
        } finally {
            rabbitmqctl("delete_user", user);
        }
    }

    private static boolean rabbitmqctl(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("rabbitmqctl"));
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
