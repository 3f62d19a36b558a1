package io.cebgw.transport.folder;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

class FolderTransportContractTest extends TransportContract {
    @TempDir
    Path dir;

    @Override
    protected Transport enterpriseEnd() throws Exception {
        return new FolderTransport(dir, FolderTransport.Side.ENTERPRISE, Duration.ofMillis(10), 64L << 20);
    }

    @Override
    protected Transport exchangeEnd() throws Exception {
        return new FolderTransport(dir, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 64L << 20);
    }

    @Override
    protected int batchLimit() {
        return FolderTransport.BATCH;
    }
}
