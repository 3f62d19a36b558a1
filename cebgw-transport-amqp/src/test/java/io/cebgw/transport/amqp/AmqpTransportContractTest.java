package io.cebgw.transport.amqp;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.NetworkTransportContract;
import io.cebgw.core.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport contract against the machine's RabbitMQ (127.0.0.1:5672, guest/guest); mandatory with CI=true. */
class AmqpTransportContractTest extends NetworkTransportContract {
    private static final String URI = "amqp://guest:guest@127.0.0.1:5672";
    private final String prefix = "cebgw.test." + UUID.randomUUID();

    private AmqpTransport connect(String send, String receive) throws TransportException {
        try {
            return new AmqpTransport(URI, send, receive, Duration.ofSeconds(10));
        } catch (TransportException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("RabbitMQ at 127.0.0.1:5672 is needed (CI=true)", e);
            }
            System.err.println("NOTICE: skipping — RabbitMQ is not reachable: " + e.getMessage());
            Assumptions.abort("RabbitMQ is not reachable");
            throw e;
        }
    }

    @Override
    protected Transport enterpriseEnd() throws Exception {
        return connect(prefix + ".out", prefix + ".in");
    }

    @Override
    protected Transport exchangeEnd() throws Exception {
        return connect(prefix + ".in", prefix + ".out");
    }

    @Override
    protected Transport enterpriseEndFacing(int port, Duration timeout) throws TransportException {
        return new AmqpTransport("amqp://127.0.0.1:" + port, prefix + ".out", prefix + ".in", timeout);
    }

    @AfterEach
    void deleteQueues() throws Exception {
        try (AmqpTransport cleaner = connect(prefix + ".out", prefix + ".in")) {
            cleaner.deleteQueues();
        }
    }

    @Test
    void credentialsNeverShowInTheName() throws Exception {
        assertThat(enterprise.name()).contains("***@").doesNotContain("guest:guest");
    }

    @Override
    protected int batchLimit() {
        return AmqpTransport.BATCH;
    }
}
