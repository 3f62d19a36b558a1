package io.cebgw.transport.jms;

import io.cebgw.core.transport.NetworkTransportContract;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.UUID;

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

    @Override
    protected int batchLimit() {
        return JmsTransport.BATCH;
    }
}
