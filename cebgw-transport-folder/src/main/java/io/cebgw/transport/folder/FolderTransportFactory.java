package io.cebgw.transport.folder;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.nio.file.Path;

/** {@code type=folder}: {@code root}, optional {@code poll-millis} and {@code max-bytes}. */
public final class FolderTransportFactory implements TransportFactory {
    @Override
    public String type() {
        return "folder";
    }

    @Override
    public void validate(TransportSpec spec) throws TransportException {
        spec.require("root");
        spec.millis("poll-millis", 200);
        spec.number("max-bytes", 64L << 20);
    }

    @Override
    public Transport open(TransportSpec spec, End end) throws TransportException {
        return new FolderTransport(Path.of(spec.require("root")), end == End.ENTERPRISE ? FolderTransport.Side.ENTERPRISE
                : FolderTransport.Side.EXCHANGE, spec.millis("poll-millis", 200), spec.number("max-bytes", 64L << 20));
    }

    /** The folder this end reads, whatever the spelling of the root. */
    @Override
    public String source(TransportSpec spec, End end) throws TransportException {
        return "folder " + Path.of(spec.require("root")).toAbsolutePath().normalize() + " " + end;
    }
}
