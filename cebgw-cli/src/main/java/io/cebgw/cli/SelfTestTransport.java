package io.cebgw.cli;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.transport.jms.EmbeddedArtemis;
import io.cebgw.transports.PrivateExchange;
import io.cebgw.transports.TransportCatalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The transport a self-test runs over: the one a configuration file describes, or a private one of the chosen type
 * (a temporary folder, temporary AMQP queues, an embedded JMS broker, an HTTP gateway on a free local port, AS2 ends
 * with generated keys); {@link #cleanUp} removes whatever the run made up.
 *
 * @param spec      what both ends open
 * @param made      what the run made up and removes afterwards (a private exchange, a key folder, a broker), or null
 */
record SelfTestTransport(TransportSpec spec, AutoCloseable made) {
    static SelfTestTransport choose(String type, Path config, String amqpUri, String dxpId) throws TransportException {
        if (config != null) {
            TransportSpec spec = TransportSpec.load(config);
            if (!spec.type().equals(type) && !"folder".equals(type)) {
                throw new TransportException(TransportProblem.TYPE_MISMATCH.with(type, spec.type()));
            }
            TransportCatalog.validate(spec);
            return new SelfTestTransport(spec, null);
        }
        return switch (type) {
            case "folder" -> exchange(PrivateExchange.folder());
            case "amqp" -> exchange(PrivateExchange.beside(TransportSpec.of("amqp", Map.of("uri", amqpUri, "queues", "cebgw.selftest"))));
            case "http" -> new SelfTestTransport(validated(TransportSpec.of("http", Map.of("url", "http://127.0.0.1:" + freePort() + "/ceb", "dxpid", dxpId,
                    "poll-millis", "50"))), null);
            case "as2" -> as2(dxpId);
            case "jms" -> jms();
            default -> throw new TransportException(TransportProblem.UNKNOWN_TYPE.with(type, "folder, amqp, jms, http, as2"));
        };
    }

    private static SelfTestTransport exchange(PrivateExchange exchange) {
        return new SelfTestTransport(exchange.spec(), exchange);
    }

    private static TransportSpec validated(TransportSpec spec) throws TransportException {
        TransportCatalog.validate(spec);
        return spec;
    }

    /** An Artemis broker in this process, reached in-VM; it goes when the run ends. */
    private static SelfTestTransport jms() throws TransportException {
        try {
            EmbeddedArtemis broker = new EmbeddedArtemis();
            return new SelfTestTransport(validated(TransportSpec.of("jms", Map.of("factory", EmbeddedArtemis.FACTORY, "url", broker.inVmUrl(),
                    "queues", "cebgw.selftest"))), broker);
        } catch (TransportException e) {
            throw e;
        } catch (Exception e) {
            throw new TransportException("cannot start the embedded JMS broker: " + e.getMessage(), e);
        }
    }

    /** Opens the sandbox's end first (an HTTP gateway must listen before the enterprise posts), then the enterprise's. */
    SelfTest.Ends open() throws TransportException {
        return SelfTest.Ends.open(end -> TransportCatalog.open(spec, end));
    }

    /** Removes the temporary queues, folders or broker the run made up. */
    void cleanUp(CebgwCommand root) {
        if (made == null) {
            return;
        }
        try {
            made.close();
        } catch (Exception e) {
            root.err.println("cebgw: " + root.language().pick("未能清理自测的临时资源：", "could not remove the self-test's temporary resources: ") + e.getMessage());
        }
    }

    /** Two AS2 ends on free local ports, each with a generated RSA key (the enterprise's and the data center's). */
    private static SelfTestTransport as2(String dxpId) throws TransportException {
        PrivateExchange keys = PrivateExchange.folder(); // a folder of its own for the keys, removed with it
        Path dir = Path.of(keys.spec().get("root"));
        try {
            Path password = dir.resolve("keystore.pw");
            String secret = UUID.randomUUID().toString();
            Files.writeString(password, secret + "\n");
            for (String end : new String[] {"enterprise", "exchange"}) {
                io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(io.cebgw.crypto.SignatureSuite.RSA_SHA1,
                        "CN=" + end + " AS2 self-test,C=CN", java.time.Duration.ofDays(1)), dir.resolve(end + ".p12"), secret.toCharArray(), end);
            }
            return new SelfTestTransport(validated(TransportSpec.of("as2", Map.of("as2-id", dxpId, "partner-as2-id", io.cebgw.core.envelope.DxpMsg.EXPORT_RECEIVER,
                    "url", "http://127.0.0.1:" + freePort() + "/as2", "receive-url", "http://127.0.0.1:" + freePort() + "/as2", "bind", "127.0.0.1",
                    "keystore", dir.resolve("enterprise.p12").toString(), "keystore-password.file", password.toString(),
                    "exchange.keystore", dir.resolve("exchange.p12").toString(), "exchange.keystore-password.file", password.toString()))),
                    keys);
        } catch (IOException e) {
            throw new TransportException("cannot prepare the AS2 self-test keys: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws TransportException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TransportException("no free local port: " + e.getMessage(), e);
        }
    }
}
