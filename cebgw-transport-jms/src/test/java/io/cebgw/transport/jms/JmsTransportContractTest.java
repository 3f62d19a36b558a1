package io.cebgw.transport.jms;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportContract;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** The transport contract over JMS, against an embedded ActiveMQ Artemis broker. */
class JmsTransportContractTest extends TransportContract {
    private static EmbeddedActiveMQ broker;
    private final String prefix = "cebgw.test." + UUID.randomUUID();

    @BeforeAll
    static void startBroker() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName()));
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
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
