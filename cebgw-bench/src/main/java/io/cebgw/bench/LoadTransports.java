package io.cebgw.bench;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The gateway's default transport for a load run, as {@code --cebgw.transport.*} settings (and a broker when one is needed). */
final class LoadTransports {
    private LoadTransports() {
    }

    /** Adds the settings of {@code transport}; returns what to close after the run (a JMS broker, or nothing). */
    static AutoCloseable configure(String transport, List<String> settings) throws Exception {
        switch (transport) {
            case "folder" -> {
                return () -> { };
            }
            case "amqp" -> {
                settings.addAll(List.of("--cebgw.transport.type=amqp", "--cebgw.transport.uri=amqp://127.0.0.1:5672",
                        "--cebgw.transport.queues=cebgw.load." + UUID.randomUUID()));
                return () -> { };
            }
            case "http" -> {
                settings.addAll(List.of("--cebgw.transport.type=http", "--cebgw.transport.url=http://127.0.0.1:" + freePort() + "/ceb",
                        "--cebgw.transport.dxpid=DXPENT0000077777", "--cebgw.transport.poll-millis=10"));
                return () -> { };
            }
            case "jms" -> {
                int port = freePort();
                ConfigurationImpl config = new ConfigurationImpl();
                config.setPersistenceEnabled(false);
                config.setSecurityEnabled(false);
                config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), Map.of("host", "127.0.0.1", "port", port)));
                EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
                broker.setConfiguration(config);
                broker.start();
                settings.addAll(List.of("--cebgw.transport.type=jms", "--cebgw.transport.factory=org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory",
                        "--cebgw.transport.url=tcp://127.0.0.1:" + port, "--cebgw.transport.queues=CEB.LOAD"));
                return broker::stop;
            }
            case "as2" -> {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cebgw-load-as2");
                java.nio.file.Path password = dir.resolve("pw");
                java.nio.file.Files.writeString(password, "load-as2\n");
                for (String end : new String[] {"enterprise", "exchange"}) {
                    io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(io.cebgw.crypto.SignatureSuite.RSA_SHA1,
                            "CN=" + end + ",C=CN", java.time.Duration.ofDays(1)), dir.resolve(end + ".p12"), "load-as2".toCharArray(), end);
                }
                settings.addAll(List.of("--cebgw.transport.type=as2", "--cebgw.transport.as2-id=DXPENT0000077777",
                        "--cebgw.transport.partner-as2-id=DXPEDCCEB0000003", "--cebgw.transport.bind=127.0.0.1",
                        "--cebgw.transport.url=http://127.0.0.1:" + freePort() + "/as2", "--cebgw.transport.receive-url=http://127.0.0.1:" + freePort() + "/as2",
                        "--cebgw.transport.keystore=" + dir.resolve("enterprise.p12"), "--cebgw.transport.keystore-password.file=" + password,
                        "--cebgw.transport.exchange.keystore=" + dir.resolve("exchange.p12"), "--cebgw.transport.exchange.keystore-password.file=" + password));
                return () -> { };
            }
            default -> throw new IllegalArgumentException("transport: folder, amqp, jms, http or as2, not " + transport);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
