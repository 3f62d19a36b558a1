package io.cebgw.transport.as2;

import io.cebgw.core.transport.LocalPorts;
import io.cebgw.core.transport.NetworkTransportContract;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/** The transport contract over AS2 (as2-lib both ends: signed and encrypted messages, signed MDNs). */
class As2TransportContractTest extends NetworkTransportContract {
    private static final GeneratedKey ENTERPRISE = KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=DXPENT0000012345,C=CN", Duration.ofDays(2));
    private static final GeneratedKey EXCHANGE = KeyPairs.selfSigned(SignatureSuite.RSA_SHA1, "CN=DXPEDCCEB0000003,C=CN", Duration.ofDays(2));
    private final int enterprisePort = LocalPorts.free();
    private final int exchangePort = LocalPorts.free();


    private static As2Party self(String id, GeneratedKey key) {
        return new As2Party(id, key.certificate(), key.keyPair().getPrivate());
    }

    @Override
    protected Transport enterpriseEnd() throws Exception {
        return new As2Transport(self("DXPENT0000012345", ENTERPRISE), As2Party.partner("DXPEDCCEB0000003", EXCHANGE.certificate()),
                URI.create("http://127.0.0.1:" + exchangePort + "/as2"), new InetSocketAddress("127.0.0.1", enterprisePort), Duration.ofSeconds(20));
    }

    @Override
    protected Transport exchangeEnd() throws Exception {
        return new As2Transport(self("DXPEDCCEB0000003", EXCHANGE), As2Party.partner("DXPENT0000012345", ENTERPRISE.certificate()),
                URI.create("http://127.0.0.1:" + enterprisePort + "/as2"), new InetSocketAddress("127.0.0.1", exchangePort), Duration.ofSeconds(20));
    }

    @Override
    protected Transport enterpriseEndFacing(int port, Duration timeout) throws TransportException {
        return new As2Transport(self("DXPENT0000012345", ENTERPRISE), As2Party.partner("DXPEDCCEB0000003", EXCHANGE.certificate()),
                URI.create("http://127.0.0.1:" + port + "/as2"), new InetSocketAddress("127.0.0.1", enterprisePort), timeout);
    }
}
