package io.cebgw.transport.jms;

import io.cebgw.core.transport.NetworkTransportContract;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport contract over JMS, against an embedded ActiveMQ Artemis broker. */
class JmsTransportContractTest extends NetworkTransportContract {
    private static EmbeddedArtemis broker;
    private final String prefix = "cebgw.test." + UUID.randomUUID();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedArtemis();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static ActiveMQConnectionFactory factory() {
        return new ActiveMQConnectionFactory("vm://0");
    }

    @Override
    protected Transport enterpriseEnd() throws Exception {
        return new JmsTransport(factory(), prefix + ".out", prefix + ".in", "artemis vm://0");
    }

    @Override
    protected Transport exchangeEnd() throws Exception {
        return new JmsTransport(factory(), prefix + ".in", prefix + ".out", "artemis vm://0");
    }

    @Override
    protected Transport enterpriseEndFacing(int port, Duration timeout) throws TransportException {
        long millis = timeout.toMillis();
        return new JmsTransport(new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?callTimeout=" + millis + "&connectionTimeout=" + millis
                + "&initialConnectAttempts=1&reconnectAttempts=0"), prefix + ".out", prefix + ".in", "silent peer");
    }

    @Test
    void messagesWaitingTogetherReachABatchHandlerInOneCall() throws Exception {
        for (int i = 0; i < 20; i++) {
            deliver(new Transport.Envelope("T" + i, "<ok/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), 300 + i));
        }
        BatchRecorder recorder = new BatchRecorder(0);
        exchange.start(recorder);
        await(() -> recorder.taken.size() >= 20, Duration.ofSeconds(30));
        assertThat(recorder.taken).hasSize(20);
        assertThat(recorder.batchSizes).as("batches taken in one call").isNotEmpty()
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(JmsTransport.BATCH));
        assertThat(recorder.batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(1);
    }
}
