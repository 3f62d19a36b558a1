package io.cebgw.transport.http;

import io.cebgw.core.transport.LocalPorts;
import io.cebgw.core.transport.NetworkTransportContract;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/** The transport contract over the regional HTTP style: the gateway end as the sandbox plays it, the enterprise end polling. */
class HttpTransportContractTest extends NetworkTransportContract {
    private final int port = LocalPorts.free();


    @Override
    protected Transport enterpriseEnd() throws Exception {
        return new HttpTransport(URI.create("http://127.0.0.1:" + port), "DXPENT0000012345", "t0ken", Duration.ofSeconds(10),
                Duration.ofMillis(20), null);
    }

    @Override
    protected Transport exchangeEnd() throws Exception {
        return new HttpGatewayTransport(new InetSocketAddress("127.0.0.1", port), "t0ken", 64L << 20);
    }

    @Override
    protected Transport enterpriseEndFacing(int silentPort, Duration timeout) throws TransportException {
        return new HttpTransport(URI.create("http://127.0.0.1:" + silentPort), "DXPENT0000012345", null, timeout, Duration.ofSeconds(1), null);
    }
}
