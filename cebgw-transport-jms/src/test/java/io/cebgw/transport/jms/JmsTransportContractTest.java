package io.cebgw.transport.jms;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportContract;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** The transport contract over JMS, against an embedded ActiveMQ Artemis broker. */
class JmsTransportContractTest extends TransportContract {
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
}
