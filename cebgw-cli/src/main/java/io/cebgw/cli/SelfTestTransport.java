package io.cebgw.cli;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transports.TransportCatalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The transport a self-test runs over: the one a configuration file describes, or a private one of the chosen type
 * (a temporary folder, temporary AMQP queues deleted afterwards, an HTTP gateway on a free local port).
 *
 * @param spec      what both ends open
 * @param temporary whether the run made it up (and cleans it up)
 */
record SelfTestTransport(TransportSpec spec, boolean temporary) {
    static SelfTestTransport choose(String type, Path config, String amqpUri, String dxpId) throws TransportException {
        if (config != null) {
            TransportSpec spec = TransportSpec.load(config);
            if (!spec.type().equals(type) && !"folder".equals(type)) {
                throw new TransportException(TransportProblem.TYPE_MISMATCH.with(type, spec.type()));
            }
            TransportCatalog.validate(spec);
            return new SelfTestTransport(spec, false);
        }
        TransportSpec spec = switch (type) {
            case "folder" -> TransportSpec.of("folder", Map.of("root", temporaryFolder().toString(), "poll-millis", "20"));
            case "amqp" -> TransportSpec.of("amqp", Map.of("uri", amqpUri, "queues", "cebgw.selftest." + UUID.randomUUID()));
            case "http" -> TransportSpec.of("http", Map.of("url", "http://127.0.0.1:" + freePort() + "/ceb", "dxpid", dxpId, "poll-millis", "50"));
            case "as2" -> as2(dxpId);
            case "jms" -> throw new TransportException(TransportProblem.MISSING_SETTING.with("jms", "--transport-config (factory, url, queues; docs/transports.md)"));
            default -> throw new TransportException(TransportProblem.UNKNOWN_TYPE.with(type, "folder, amqp, jms, http, as2"));
        };
        TransportCatalog.validate(spec);
        return new SelfTestTransport(spec, true);
    }

    /** Opens the sandbox's end first (an HTTP gateway must listen before the enterprise posts), then the enterprise's. */
    SelfTest.Ends open() throws TransportException {
        var exchange = TransportCatalog.open(spec, End.EXCHANGE);
        try {
            return new SelfTest.Ends(exchange, TransportCatalog.open(spec, End.ENTERPRISE));
        } catch (TransportException e) {
            exchange.close();
            throw e;
        }
    }

    /** Deletes temporary AMQP queues (folders are kept for inspection). */
    void cleanUp(CebgwCommand root) {
        if (temporary && "amqp".equals(spec.type())) {
            try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(spec, End.ENTERPRISE)) {
                cleaner.deleteQueues();
            } catch (TransportException | IOException | RuntimeException e) {
                root.err.println("cebgw: " + root.language().pick("未能删除临时队列 ", "could not delete the temporary queues ") + spec.get("queues"));
            }
        }
    }

    void describeAfterwards(CebgwCommand root) {
        if ("folder".equals(spec.type())) {
            root.err.println(root.language().pick("交换目录（报文和回执留存于此）：", "exchange folder (messages and receipts kept there): ") + spec.get("root"));
        }
    }

    /** Two AS2 ends on free local ports, each with a generated RSA key (the enterprise's and the data center's). */
    private static TransportSpec as2(String dxpId) throws TransportException {
        Path dir = temporaryFolder();
        try {
            Path password = dir.resolve("keystore.pw");
            String secret = UUID.randomUUID().toString();
            Files.writeString(password, secret + "\n");
            for (String end : new String[] {"enterprise", "exchange"}) {
                io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(io.cebgw.crypto.SignatureSuite.RSA_SHA1,
                        "CN=" + end + " AS2 self-test,C=CN", java.time.Duration.ofDays(1)), dir.resolve(end + ".p12"), secret.toCharArray(), end);
            }
            return TransportSpec.of("as2", Map.of("as2-id", dxpId, "partner-as2-id", io.cebgw.core.envelope.DxpMsg.EXPORT_RECEIVER,
                    "url", "http://127.0.0.1:" + freePort() + "/as2", "receive-url", "http://127.0.0.1:" + freePort() + "/as2", "bind", "127.0.0.1",
                    "keystore", dir.resolve("enterprise.p12").toString(), "keystore-password.file", password.toString(),
                    "exchange.keystore", dir.resolve("exchange.p12").toString(), "exchange.keystore-password.file", password.toString()));
        } catch (IOException e) {
            throw new TransportException("cannot prepare the AS2 self-test keys: " + e.getMessage(), e);
        }
    }

    private static Path temporaryFolder() throws TransportException {
        try {
            return Files.createTempDirectory("cebgw-selftest");
        } catch (IOException e) {
            throw new TransportException("cannot create a temporary folder: " + e.getMessage(), e);
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
