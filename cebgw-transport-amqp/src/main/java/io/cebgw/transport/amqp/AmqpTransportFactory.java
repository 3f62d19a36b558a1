package io.cebgw.transport.amqp;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Queues;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code type=amqp}: {@code uri} (no credentials in it), {@code user} and {@code password.env}/{@code password.file},
 * the queues ({@code queues} prefix or {@code send-queue} and {@code receive-queue}), optional
 * {@code confirm-timeout-millis}.
 */
public final class AmqpTransportFactory implements TransportFactory {
    @Override
    public String type() {
        return "amqp";
    }

    @Override
    public void validate(TransportSpec spec) throws TransportException {
        uri(spec);
        Queues.of(spec, End.ENTERPRISE);
        spec.millis("confirm-timeout-millis", 10_000);
    }

    @Override
    public Transport open(TransportSpec spec, End end) throws TransportException {
        String uri = uri(spec);
        String user = spec.get("user");
        if (user != null) {
            String password = spec.secret("password");
            uri = uri.replaceFirst("://", "://" + encode(user) + (password == null ? "" : ":" + encode(password)) + "@");
        }
        Queues queues = Queues.of(spec, end);
        return new AmqpTransport(uri, queues.send(), queues.receive(), spec.millis("confirm-timeout-millis", 10_000));
    }

    private static String uri(TransportSpec spec) throws TransportException {
        String uri = spec.require("uri");
        if (uri.substring(uri.indexOf("://") + 3).contains("@")) {
            throw new TransportException(TransportProblem.CREDENTIALS_IN_ADDRESS.with("uri", "user + password.env / password.file"));
        }
        return uri;
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
