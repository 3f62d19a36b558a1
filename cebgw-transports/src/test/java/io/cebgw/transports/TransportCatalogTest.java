package io.cebgw.transports;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.LocalPorts;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transport.jms.EmbeddedArtemis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured transports open at both ends and talk to each other; configuration mistakes get their own codes. */
class TransportCatalogTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInTransportIsAPluginFoundByItsType() throws Exception {
        assertThat(TransportCatalog.TYPES).containsExactly("amqp", "as2", "folder", "http", "jms");
        // a sound configuration passes the offline validation, retry settings included
        TransportCatalog.validate(TransportSpec.of("folder", Map.of("root", "/var/cebgw/exchange", "retry.max-attempts", "3")));
        TransportCatalog.validate(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example:5672", "user", "u", "password.env", "MQ_PW",
                "queues", "ceb.DXPENT0000012345")));
        assertCode(() -> {
            TransportCatalog.validate(TransportSpec.of("folder", Map.of("root", "/x", "retry.max-attempts", "0")));
            return null;
        }, "CEB-T002");
    }

    /** One source however it is written (the gateway lets one transport per source consume); another queue or vhost is another source. */
    @Test
    void theSourceOfAnEndIsTheSameWhateverTheSpelling() throws Exception {
        // AMQP's spellings: AmqpSourceTest
        assertThat(TransportCatalog.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example", "queues", "ceb.x")), End.ENTERPRISE))
                .isNotEqualTo(TransportCatalog.source(TransportSpec.of("amqp", Map.of("uri", "amqp://mq.example", "queues", "ceb.x")), End.EXCHANGE));
        Path root = dir.resolve("exchange");
        assertThat(TransportCatalog.source(TransportSpec.of("folder", Map.of("root", root.toString(), "poll-millis", "20")), End.ENTERPRISE))
                .isEqualTo(TransportCatalog.source(TransportSpec.of("folder", Map.of("root", root.resolve("..").resolve("exchange").toString())), End.ENTERPRISE));
        assertThat(TransportCatalog.source(TransportSpec.of("jms", Map.of("factory", "org.x.Factory", "url", "tcp://a:61616", "queues", "q")), End.ENTERPRISE))
                .isEqualTo(TransportCatalog.source(TransportSpec.of("jms", Map.of("factory", "org.x.Factory", "url", "tcp://a:61616", "send-queue", "q.out",
                        "receive-queue", "q.in")), End.ENTERPRISE));
    }

    /** The check connects and logs in without sending: a refused password is named, a right one passes, nothing is sent. */
    @Test
    void checkLogsInWithoutSending() throws Exception {
        String prefix = "cebgw.check." + UUID.randomUUID();
        Path wrong = dir.resolve("wrong.pw");
        java.nio.file.Files.writeString(wrong, "not-guest\n");
        assertCode(() -> {
            TransportCatalog.check(TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "user", "guest", "password.file", wrong.toString(),
                    "queues", prefix)));
            return null;
        }, "CEB-T020");
        Path right = dir.resolve("right.pw");
        java.nio.file.Files.writeString(right, "guest\n");
        TransportSpec spec = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "user", "guest", "password.file", right.toString(),
                "queues", prefix));
        TransportCatalog.check(spec);
        try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(spec, End.ENTERPRISE)) {
            List<Transport.Envelope> received = new CopyOnWriteArrayList<>();
            Transport exchange = TransportCatalog.open(spec, End.EXCHANGE);
            exchange.start(received::add);
            Thread.sleep(300);
            exchange.close();
            assertThat(received).as("the check sent nothing").isEmpty();
            cleaner.deleteQueues();
        }
        TransportCatalog.check(TransportSpec.of("folder", Map.of("root", dir.resolve("exchange").toString())));
        assertThat(dir.resolve("exchange")).isDirectory();
    }

    @Test
    void folderFromProperties() throws Exception {
        TransportSpec spec = TransportSpec.parse("type=folder\nroot=" + dir.toString().replace("\\", "/") + "\npoll-millis=20\n", "test");
        assertExchangeWorks(spec);
    }

    @Test
    void amqpWithAQueuePrefix() throws Exception {
        String prefix = "cebgw.catalog." + UUID.randomUUID();
        TransportSpec spec = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "queues", prefix));
        try {
            assertExchangeWorks(spec);
        } finally {
            try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(spec, End.ENTERPRISE)) {
                cleaner.deleteQueues();
            }
        }
    }

    @Test
    void jmsFromAFactoryClassName() throws Exception {
        try (EmbeddedArtemis broker = new EmbeddedArtemis()) {
            TransportSpec spec = TransportSpec.of("jms", Map.of("factory", EmbeddedArtemis.FACTORY, "url", broker.tcpUrl(),
                    "send-queue", "CEB.OUT", "receive-queue", "CEB.IN", "factory.callTimeout", "5000"));
            assertExchangeWorks(spec);
        }
    }

    @Test
    void httpWithAToken() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path token = dir.resolve("token");
        java.nio.file.Files.writeString(token, "s3cret\n");
        assertExchangeWorks(TransportSpec.of("http", Map.of("url", "http://127.0.0.1:" + port + "/ceb", "dxpid", "DXPENT0000012345",
                "token.file", token.toString(), "poll-millis", "20")));
    }

    @Test
    void as2WithBothKeyStores() throws Exception {
        Path password = dir.resolve("ks.pw");
        java.nio.file.Files.writeString(password, "ks-secret\n");
        io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(io.cebgw.crypto.SignatureSuite.RSA_SHA1, "CN=ent,C=CN",
                java.time.Duration.ofDays(2)), dir.resolve("ent.p12"), "ks-secret".toCharArray(), "ent");
        io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(io.cebgw.crypto.SignatureSuite.RSA_SHA1, "CN=exc,C=CN",
                java.time.Duration.ofDays(2)), dir.resolve("exc.p12"), "ks-secret".toCharArray(), "exc");
        assertExchangeWorks(TransportSpec.of("as2", Map.of("as2-id", "DXPENT0000012345", "partner-as2-id", "DXPEDCCEB0000003",
                "url", "http://127.0.0.1:" + LocalPorts.free() + "/as2", "receive-url", "http://127.0.0.1:" + LocalPorts.free() + "/as2", "bind", "127.0.0.1",
                "keystore", dir.resolve("ent.p12").toString(), "keystore-password.file", password.toString(),
                "exchange.keystore", dir.resolve("exc.p12").toString(), "exchange.keystore-password.file", password.toString())));
        assertCode(() -> TransportCatalog.open(TransportSpec.of("as2", Map.of("as2-id", "A", "partner-as2-id", "B", "url", "http://127.0.0.1:1/as2",
                "receive-url", "http://127.0.0.1:2/as2", "keystore", dir.resolve("ent.p12").toString(), "keystore-password.file",
                dir.resolve("nope").toString())), End.ENTERPRISE), "CEB-T013");
        java.nio.file.Files.writeString(dir.resolve("wrong.pw"), "wrong\n");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("as2", Map.of("as2-id", "A", "partner-as2-id", "B", "url", "http://127.0.0.1:1/as2",
                "receive-url", "http://127.0.0.1:2/as2", "keystore", dir.resolve("ent.p12").toString(), "keystore-password.file",
                dir.resolve("wrong.pw").toString(), "partner-certificate", dir.resolve("ent.p12").toString())), End.ENTERPRISE), "CEB-T009");
    }


    private static void assertExchangeWorks(TransportSpec spec) throws Exception {
        List<String> atExchange = new CopyOnWriteArrayList<>();
        List<String> atEnterprise = new CopyOnWriteArrayList<>();
        try (Transport enterprise = TransportCatalog.open(spec, End.ENTERPRISE); Transport exchange = TransportCatalog.open(spec, End.EXCHANGE)) {
            exchange.start(e -> atExchange.add(new String(e.bytes(), StandardCharsets.UTF_8)));
            enterprise.start(e -> atEnterprise.add(new String(e.bytes(), StandardCharsets.UTF_8)));
            enterprise.send(new Transport.Envelope("D1", "<declaration/>".getBytes(StandardCharsets.UTF_8), 1));
            exchange.send(new Transport.Envelope("R1", "<receipt/>".getBytes(StandardCharsets.UTF_8)));
            long end = System.nanoTime() + 20_000_000_000L;
            while ((atExchange.isEmpty() || atEnterprise.isEmpty()) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        }
        assertThat(atExchange).containsExactly("<declaration/>");
        assertThat(atEnterprise).containsExactly("<receipt/>");
    }

    @Test
    void mistakesHaveCodes() {
        assertCode(() -> TransportCatalog.open(TransportSpec.of("carrier-pigeon", Map.of()), End.ENTERPRISE), "CEB-T005");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("folder", Map.of()), End.ENTERPRISE), "CEB-T001");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("amqp", Map.of("uri", "amqp://u:secret@mq:5672", "queues", "q")), End.ENTERPRISE), "CEB-T004");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("amqp", Map.of("uri", "amqp://mq:5672")), End.ENTERPRISE), "CEB-T001");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("jms", Map.of("factory", "com.ibm.mq.jakarta.jms.MQConnectionFactory", "queues", "q")),
                End.ENTERPRISE), "CEB-T006");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("jms", Map.of("factory", EmbeddedArtemis.FACTORY, "factory.noSuchThing", "1",
                "queues", "q")), End.ENTERPRISE), "CEB-T018");
        assertCode(() -> TransportCatalog.open(TransportSpec.of("amqp", Map.of("uri", "amqp://mq", "queues", "q", "user", "u",
                "password.env", "CEBGW_NO_SUCH_VARIABLE_" + UUID.randomUUID().toString().replace("-", ""))), End.ENTERPRISE), "CEB-T003");
        assertCode(() -> TransportSpec.parse("root=/tmp\n", "profile of E1"), "CEB-T011");
        assertCode(() -> { TransportCatalog.validate(TransportSpec.of("amqp", Map.of("uri", "amqp://u:pw@mq", "queues", "q"))); return null; }, "CEB-T004");
        assertCode(() -> { TransportCatalog.validate(TransportSpec.of("jms", Map.of("factory", "x.Y"))); return null; }, "CEB-T001");
        assertCode(() -> { TransportCatalog.validate(TransportSpec.of("smtp", Map.of())); return null; }, "CEB-T005");
        assertCode(() -> { TransportCatalog.validate(TransportSpec.of("http", Map.of("url", "ftp://x"))); return null; }, "CEB-T002");
        assertCode(() -> { TransportCatalog.validate(TransportSpec.of("http", Map.of("url", "https://u:p@eport.example"))); return null; }, "CEB-T004");
        assertCode(() -> TransportSpec.parse("type=amqp\npassword=guest\n", "profile of E1"), "CEB-T012");
        assertCode(() -> TransportSpec.parse("type=amqp\npassword.env=A\npassword.file=/b\n", "p").secret("password"), "CEB-T014");
        // a way of giving the password that does not exist is named, not tried as "no password" against the broker
        assertCode(() -> TransportSpec.parse("type=amqp\nuser=u\npassword.variable=MQ_PW\n", "p").secret("password"), "CEB-T029");
        assertCode(() -> TransportSpec.parse("type=folder\npoll-millis=soon\nroot=/tmp\n", "p").millis("poll-millis", 1), "CEB-T002");
    }

    @Test
    void messagesAreInBothLanguagesAndShowNoSecret() {
        TransportException e = catchTransport(() -> TransportCatalog.open(TransportSpec.of("amqp", Map.of("uri", "amqp://u:secret@mq:5672", "queues", "q")),
                End.ENTERPRISE));
        assertThat(e.describe(Locale.SIMPLIFIED_CHINESE)).startsWith("CEB-T004 ").contains("不得").doesNotContain("secret");
        assertThat(e.describe(Locale.ENGLISH)).startsWith("CEB-T004 ").contains("must not").doesNotContain("secret");
        assertThat(e.transientFailure()).isFalse();
    }

    @Test
    void specTextRoundTrips() throws Exception {
        TransportSpec spec = TransportSpec.of("amqp", Map.of("uri", "amqp://mq:5672/%2F", "queues", "ceb.E1", "user", "e1", "password.env", "E1_MQ"));
        assertThat(TransportSpec.parse(spec.text(), "stored")).isEqualTo(spec);
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static TransportException catchTransport(Action action) {
        try {
            action.run();
        } catch (TransportException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a TransportException, got " + e, e);
        }
        throw new AssertionError("expected a TransportException");
    }

    private static void assertCode(Action action, String code) {
        assertThat(catchTransport(action).code()).as("code").isEqualTo(code);
    }
}
