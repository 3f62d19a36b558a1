package io.cebgw.transports;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transport.folder.FolderTransport;
import io.cebgw.transport.http.HttpGatewayTransport;
import io.cebgw.transport.http.HttpTransport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the transport a {@link TransportSpec} describes, at either {@link End}. Queue-based transports name their two
 * queues from the enterprise's point of view ({@code send-queue}: declarations, {@code receive-queue}: receipts); the
 * exchange end swaps them. The settings of each type are listed in {@code docs/transports.md}.
 */
public final class TransportCatalog {
    /** The types this catalogue opens. */
    public static final List<String> TYPES = List.of("folder", "amqp", "jms", "http", "as2");

    private TransportCatalog() {
    }

    public static Transport open(TransportSpec spec, End end) throws TransportException {
        return switch (spec.type()) {
            case "folder" -> folder(spec, end);
            case "amqp" -> amqp(spec, end);
            case "jms" -> JmsFactory.open(spec, end);
            case "http" -> http(spec, end);
            case "as2" -> As2Ends.open(spec, end);
            default -> throw unknown(spec);
        };
    }

    /**
     * Checks a configuration without connecting: a known type, the settings it requires, no credentials inline, a
     * sensible retry policy where it sets one. What
     * only the peer can tell (reachable, queues allowed) shows when the transport is opened.
     */
    public static void check(TransportSpec spec) throws TransportException {
        switch (spec.type()) {
            case "folder" -> spec.require("root");
            case "amqp" -> {
                amqpUri(spec);
                Queues.of(spec, End.ENTERPRISE);
            }
            case "jms" -> {
                spec.require("factory");
                Queues.of(spec, End.ENTERPRISE);
            }
            case "http" -> httpUri(spec);
            case "as2" -> As2Ends.check(spec);
            default -> throw unknown(spec);
        }
        io.cebgw.core.transport.RetryPolicy.of(spec, io.cebgw.core.transport.RetryPolicy.DEFAULT);
    }

    private static TransportException unknown(TransportSpec spec) {
        return new TransportException(TransportProblem.UNKNOWN_TYPE.with(spec.type(), String.join(", ", TYPES)));
    }

    private static Transport folder(TransportSpec spec, End end) throws TransportException {
        return new FolderTransport(Path.of(spec.require("root")), end == End.ENTERPRISE ? FolderTransport.Side.ENTERPRISE : FolderTransport.Side.EXCHANGE,
                spec.millis("poll-millis", 200), spec.number("max-bytes", 64L << 20));
    }

    private static Transport amqp(TransportSpec spec, End end) throws TransportException {
        String uri = amqpUri(spec);
        String user = spec.get("user");
        if (user != null) {
            String password = spec.secret("password");
            uri = uri.replaceFirst("://", "://" + encode(user) + (password == null ? "" : ":" + encode(password)) + "@");
        }
        Queues queues = Queues.of(spec, end);
        return new AmqpTransport(uri, queues.send(), queues.receive(), spec.millis("confirm-timeout-millis", 10_000));
    }

    /**
     * The enterprise end posts to and polls {@code url}; the exchange end (the sandbox playing the regional gateway)
     * listens on its host and port, or on {@code bind}.
     */
    private static Transport http(TransportSpec spec, End end) throws TransportException {
        URI url = httpUri(spec);
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

    private static URI httpUri(TransportSpec spec) throws TransportException {
        String text = spec.require("url");
        try {
            URI url = new URI(text);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) address");
            }
            if (url.getUserInfo() != null) {
                throw new TransportException(TransportProblem.CREDENTIALS_IN_ADDRESS.with("url", "token.env / token.file"));
            }
            return url;
        } catch (URISyntaxException e) {
            throw new TransportException(TransportProblem.BAD_VALUE.with("url", new Localized("有效的 http(s) 地址", "a valid http(s) address"), text));
        }
    }

    private static String amqpUri(TransportSpec spec) throws TransportException {
        String uri = spec.require("uri");
        if (uri.substring(uri.indexOf("://") + 3).contains("@")) {
            throw new TransportException(TransportProblem.CREDENTIALS_IN_ADDRESS.with("uri", "user + password.env / password.file"));
        }
        return uri;
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The two queue names of this end. */
    record Queues(String send, String receive) {
        static Queues of(TransportSpec spec, End end) throws TransportException {
            String prefix = spec.get("queues");
            String declarations = spec.getOrDefault("send-queue", prefix == null ? null : prefix + ".out");
            String receipts = spec.getOrDefault("receive-queue", prefix == null ? null : prefix + ".in");
            if (declarations == null || receipts == null) {
                throw new TransportException(TransportProblem.MISSING_SETTING.with(spec.type(), "send-queue + receive-queue, or queues"));
            }
            return end == End.ENTERPRISE ? new Queues(declarations, receipts) : new Queues(receipts, declarations);
        }
    }
}
