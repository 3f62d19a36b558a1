package io.cebgw.transport.as2;

import io.cebgw.core.transport.LocalPorts;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AS2 checks both ways: a sender whose signature the receiver cannot verify, or a receiver that is not who it should be, gets nothing through. */
class As2SecurityTest {
    private static final GeneratedKey ENTERPRISE = KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=ent,C=CN", Duration.ofDays(2));
    private static final GeneratedKey EXCHANGE = KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=exc,C=CN", Duration.ofDays(2));
    private static final GeneratedKey IMPOSTOR = KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=ent,C=CN", Duration.ofDays(2));


    private static As2Transport end(String id, GeneratedKey own, String partnerId, GeneratedKey partnerKey, int partnerPort, int listenPort)
            throws TransportException {
        return new As2Transport(new As2Party(id, own.certificate(), own.keyPair().getPrivate()), As2Party.partner(partnerId, partnerKey.certificate()),
                URI.create("http://127.0.0.1:" + partnerPort + "/as2"), new InetSocketAddress("127.0.0.1", listenPort), Duration.ofSeconds(20));
    }

    @Test
    void aSenderSigningWithAnotherKeyIsRefusedAndNothingIsHandedOver() throws Exception {
        int exchangePort = LocalPorts.free();
        int enterprisePort = LocalPorts.free();
        List<String> received = new CopyOnWriteArrayList<>();
        try (Transport exchange = end("DXPEDCCEB0000003", EXCHANGE, "DXPENT0000012345", ENTERPRISE, enterprisePort, exchangePort);
             Transport impostor = end("DXPENT0000012345", IMPOSTOR, "DXPEDCCEB0000003", EXCHANGE, exchangePort, enterprisePort)) {
            exchange.start(e -> received.add(e.id()));
            assertThatThrownBy(() -> impostor.send(new Transport.Envelope("FORGED", "<x/>".getBytes(StandardCharsets.UTF_8), 1)))
                    .isInstanceOf(TransportException.class);
            Transport.Envelope genuine = new Transport.Envelope("GENUINE", "<y/>".getBytes(StandardCharsets.UTF_8), 2);
            try (Transport enterprise = end("DXPENT0000012345", ENTERPRISE, "DXPEDCCEB0000003", EXCHANGE, exchangePort, LocalPorts.free())) {
                enterprise.send(genuine);
            }
        }
        assertThat(received).containsExactly("GENUINE");
    }

    @Test
    void aPartnerThatCannotSignAsExpectedIsNotTrusted() throws Exception {
        int exchangePort = LocalPorts.free();
        // the exchange end holds a key other than the one whose certificate the enterprise trusts
        try (Transport wrongExchange = end("DXPEDCCEB0000003", IMPOSTOR, "DXPENT0000012345", ENTERPRISE, LocalPorts.free(), exchangePort);
             Transport enterprise = end("DXPENT0000012345", ENTERPRISE, "DXPEDCCEB0000003", EXCHANGE, exchangePort, LocalPorts.free())) {
            List<String> received = new CopyOnWriteArrayList<>();
            wrongExchange.start(e -> received.add(e.id()));
            assertThatThrownBy(() -> enterprise.send(new Transport.Envelope("SECRET", "<z/>".getBytes(StandardCharsets.UTF_8), 3)))
                    .isInstanceOf(TransportException.class);
            assertThat(received).as("it cannot decrypt what was meant for the real exchange").isEmpty();
        }
    }
}
