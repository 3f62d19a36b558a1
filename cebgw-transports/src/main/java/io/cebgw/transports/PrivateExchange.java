package io.cebgw.transports;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An exchange of its own for a self-test, both ends in this process: on an AMQP transport, temporary queues on the same
 * broker with the same address, user, password and vhost (so the run proves that connection without touching the
 * queues customs reads); otherwise a temporary folder. {@link #close()} removes the queues or the folder.
 */
public final class PrivateExchange implements AutoCloseable {
    private final TransportSpec spec;
    private final boolean overTransport;

    private PrivateExchange(TransportSpec spec, boolean overTransport) {
        this.spec = spec;
        this.overTransport = overTransport;
    }

    /** Beside a transport's connection where it has one to share (AMQP), else on a temporary folder; {@code transport} may be null. */
    public static PrivateExchange beside(TransportSpec transport) throws TransportException {
        java.util.Optional<TransportSpec> own = transport == null ? java.util.Optional.empty() : TransportCatalog.privateExchange(transport);
        return own.isPresent() ? new PrivateExchange(own.get(), true) : folder();
    }

    /** On a new temporary folder. */
    public static PrivateExchange folder() throws TransportException {
        try {
            return new PrivateExchange(TransportSpec.of("folder", Map.of("root", Files.createTempDirectory("cebgw-selftest").toString(),
                    "poll-millis", "20")), false);
        } catch (IOException e) {
            throw new TransportException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    public TransportSpec spec() {
        return spec;
    }

    /** Whether the run goes over the given transport's own connection (not a stand-in folder). */
    public boolean overTransport() {
        return overTransport;
    }

    /** Where the run goes, for its report (never a secret: the spec's text hides them). */
    public String describe(boolean english) {
        if (overTransport) {
            return (english ? "the transport the enterprise uses, " : "企业所用的传输 ") + spec.type() + " " + spec.get("uri")
                    + (english ? ", temporary queues " : "，临时队列 ") + spec.get("queues") + (english ? ".* (removed afterwards)" : ".*（运行后删除）");
        }
        return english ? "a temporary exchange folder (removed afterwards)" : "临时交换目录（运行后删除）";
    }

    public Transport open(End end) throws TransportException {
        return TransportCatalog.open(spec, end);
    }

    /** Removes the temporary queues or folder. */
    @Override
    public void close() throws TransportException {
        if (overTransport) {
            TransportCatalog.removePrivateExchange(spec);
            return;
        }
        try (Stream<Path> files = Files.walk(Path.of(spec.get("root")))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new TransportException("cannot remove the self-test's folder " + spec.get("root") + ": " + e.getMessage(), e);
        }
    }
}
