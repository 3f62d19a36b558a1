package io.cebgw.server.api;

import io.cebgw.core.transport.LocalPorts;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.Sandbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: a 9710 shipment through the gateway and the sandbox over AS2 — every declaration signed and encrypted to
 * the data center, every receipt likewise to the gateway, each acknowledged by a signed MDN — to its final status.
 */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class As2ShipmentIT extends GatewayTestBase {
    @Autowired
    Sandbox sandbox;


    private static Path keyStore(String name, Path password) {
        try {
            Path file = DIR.resolve("as2-" + name + ".p12");
            KeyPairs.writePkcs12(KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=" + name + ",C=CN", Duration.ofDays(2)), file,
                    Files.readString(password).strip().toCharArray(), name);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void overAs2(DynamicPropertyRegistry r) throws IOException {
        Path password = DIR.resolve("as2.pw");
        Files.writeString(password, "as2-keystore-pw\n");
        r.add("cebgw.transport.type", () -> "as2");
        r.add("cebgw.transport.as2-id", () -> "DXPENT0000055555");
        r.add("cebgw.transport.partner-as2-id", () -> "DXPEDCCEB0000003");
        int exchange = LocalPorts.free();
        int enterprise = LocalPorts.free();
        r.add("cebgw.transport.url", () -> "http://127.0.0.1:" + exchange + "/as2");
        r.add("cebgw.transport.receive-url", () -> "http://127.0.0.1:" + enterprise + "/as2");
        r.add("cebgw.transport.bind", () -> "127.0.0.1");
        r.add("cebgw.transport.keystore", () -> keyStore("enterprise", password).toString());
        r.add("cebgw.transport.keystore-password.file", password::toString);
        r.add("cebgw.transport.exchange.keystore", () -> keyStore("exchange", password).toString());
        r.add("cebgw.transport.exchange.keystore-password.file", password::toString);
    }

    @Test
    void a9710ShipmentReachesItsFinalStatusOverAs2() throws Exception {
        shipmentCompletes(sandbox, "DXPENT0000055555", "AS2");
        assertThat(sandbox.transportName()).startsWith("as2:DXPEDCCEB0000003");
    }
}
