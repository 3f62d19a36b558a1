package io.cebgw.transport.amqp;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Queues;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.nio.charset.StandardCharsets;

/**
 * {@code type=amqp}: {@code uri} (no credentials in it), {@code user} and {@code password.env}/{@code password.file},
 * the queues ({@code queues} prefix or {@code send-queue} and {@code receive-queue}), optional
 * {@code confirm-timeout-millis}.
 */
public final class AmqpTransportFactory implements TransportFactory {
    private static final String SELF_TEST_QUEUES = "cebgw.selftest.";
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
        String user = spec.get("user");
        Queues queues = Queues.of(spec, end);
        return new AmqpTransport(uri(spec), user, user == null ? null : spec.secret("password"), queues.send(), queues.receive(),
                spec.millis("confirm-timeout-millis", 10_000));
    }

    /** The broker (host, port, vhost) and the queue this end takes messages off. */
    @Override
    public String source(TransportSpec spec, End end) throws TransportException {
        java.net.URI address = java.net.URI.create(uri(spec).strip());
        String scheme = address.getScheme() == null ? "amqp" : address.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = address.getPort() > 0 ? address.getPort() : "amqps".equals(scheme) ? 5671 : 5672;
        String path = address.getRawPath();
        // the AMQP URI spec: no path is the default vhost "/", a path is the vhost's name, URL-encoded ("/%2F" for "/")
        String vhost = path == null || path.isEmpty() ? "/" : java.net.URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
        return "amqp " + String.valueOf(address.getHost()).toLowerCase(java.util.Locale.ROOT) + ":" + port + " vhost " + vhost
                + " queue " + Queues.of(spec, end).receive();
    }

    /** Temporary queues {@code cebgw.selftest.<uuid>} on the same broker and vhost, with the same user. */
    @Override
    public java.util.Optional<TransportSpec> privateExchange(TransportSpec spec) throws TransportException {
        java.util.Map<String, String> settings = new java.util.HashMap<>(spec.settings());
        settings.remove("send-queue");
        settings.remove("receive-queue");
        settings.put("queues", SELF_TEST_QUEUES + java.util.UUID.randomUUID());
        TransportSpec own = TransportSpec.of("amqp", settings);
        validate(own);
        return java.util.Optional.of(own);
    }

    @Override
    public void removePrivateExchange(TransportSpec privateSpec) throws TransportException {
        if (!String.valueOf(privateSpec.get("queues")).startsWith(SELF_TEST_QUEUES)) {
            throw new IllegalArgumentException("not a self-test's queues: " + privateSpec.get("queues"));
        }
        try (AmqpTransport queues = (AmqpTransport) open(privateSpec, End.ENTERPRISE)) {
            queues.deleteQueues();
        } catch (java.io.IOException e) {
            throw new TransportException("cannot delete the temporary queues " + privateSpec.get("queues") + ": " + e.getMessage(), e);
        }
    }

    private static String uri(TransportSpec spec) throws TransportException {
        String uri = spec.require("uri");
        if (uri.substring(uri.indexOf("://") + 3).contains("@")) {
            throw new TransportException(TransportProblem.CREDENTIALS_IN_ADDRESS.with("uri", "user + password.env / password.file"));
        }
        return uri;
    }
}
