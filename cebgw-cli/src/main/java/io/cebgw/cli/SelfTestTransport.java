package io.cebgw.cli;

import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transports.End;
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
                throw new TransportException("CEB-T008", "--transport " + type + " 与配置文件中的 type=" + spec.type() + " 不一致",
                        "--transport " + type + " does not match type=" + spec.type() + " in the configuration file");
            }
            TransportCatalog.check(spec);
            return new SelfTestTransport(spec, false);
        }
        TransportSpec spec = switch (type) {
            case "folder" -> TransportSpec.of("folder", Map.of("root", temporaryFolder().toString(), "poll-millis", "20"));
            case "amqp" -> TransportSpec.of("amqp", Map.of("uri", amqpUri, "queues", "cebgw.selftest." + UUID.randomUUID()));
            case "http" -> TransportSpec.of("http", Map.of("url", "http://127.0.0.1:" + freePort() + "/ceb", "dxpid", dxpId, "poll-millis", "50"));
            case "jms" -> throw new TransportException("CEB-T001", "jms 自测需要 --transport-config（factory、url、队列），见 docs/transports.md",
                    "a jms self-test needs --transport-config (factory, url, queues); see docs/transports.md");
            default -> throw new TransportException("CEB-T005", "未知的传输方式 " + type + "（可用 folder、amqp、jms、http）",
                    "unknown transport " + type + " (available: folder, amqp, jms, http)");
        };
        TransportCatalog.check(spec);
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
