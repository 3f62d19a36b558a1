package io.cebgw.transport.jms;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.net.ServerSocket;
import java.util.Map;

/**
 * An ActiveMQ Artemis broker inside this JVM, reachable in-VM ({@code vm://0}) and over TCP on a free local port: the
 * broker of {@code cebgw sandbox selftest --transport jms} without a configuration, and of the tests. Needs the
 * (optional) Artemis server and client on the class path.
 */
public final class EmbeddedArtemis implements AutoCloseable {
    /** The Artemis Jakarta connection factory class, for configuration by name. */
    public static final String FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port;

    public EmbeddedArtemis() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName()));
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                Map.of("host", "127.0.0.1", "port", port)));
        broker.setConfiguration(config);
        broker.start();
    }

    /** {@code vm://0}: this JVM only, no port to race for. */
    public String inVmUrl() {
        return "vm://0";
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String tcpUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
