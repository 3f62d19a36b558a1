package io.cebgw.transport.http;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code type=http}: the enterprise end posts to and polls {@code url}; the exchange end (the sandbox playing the
 * regional gateway) listens on its host and port, or on {@code bind}.
 */
public final class HttpTransportFactory implements TransportFactory {
    @Override
    public String type() {
        return "http";
    }

    @Override
    public void validate(TransportSpec spec) throws TransportException {
        spec.httpAddress("url", "token.env / token.file");
        spec.millis("timeout-millis", 10_000);
        spec.millis("poll-millis", 1000);
    }

    @Override
    public Transport open(TransportSpec spec, End end) throws TransportException {
        URI url = spec.httpAddress("url", "token.env / token.file");
        String token = spec.secret("token");
        if (end == End.ENTERPRISE) {
            String cursor = spec.get("cursor-file");
            return new HttpTransport(url, spec.get("dxpid"), token, spec.millis("timeout-millis", 10_000), spec.millis("poll-millis", 1000),
                    cursor == null ? null : Path.of(cursor));
        }
        String bind = spec.getOrDefault("bind", url.getHost());
        int port = url.getPort() < 0 ? ("https".equals(url.getScheme()) ? 443 : 80) : url.getPort();
        return new HttpGatewayTransport(new InetSocketAddress(bind, port), url.getPath(), token, spec.number("max-bytes", 64L << 20));
    }
}
