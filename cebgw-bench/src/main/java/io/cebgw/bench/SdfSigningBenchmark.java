package io.cebgw.bench;

import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.sdf.SdfSigningKey;
import io.cebgw.crypto.sign.CebSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Signing a 10-item CEB603 through an encryption machine's SDF library against that device's raw
 * {@code SDF_InternalSign_ECC} of a 32-byte digest, in the same run, on one thread.
 *
 * <p>Run in the device's folder (SoftSDF reads its keys from the working directory), with the key source in
 * {@code -Dcebgw.sdf=sdf.properties} (docs/performance.md):
 * {@code cd DEVICE && java -Dcebgw.sdf=sdf.properties -cp cebgw-bench.jar org.openjdk.jmh.Main SdfSigningBenchmark -jvmArgsAppend -Dcebgw.sdf=…}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SdfSigningBenchmark {
    private CebMessage message;
    private SdfSigningKey key;
    private CebSigner signer;
    private final byte[] digest = new byte[32];

    @Setup
    public void setUp() throws Exception {
        String configured = System.getProperty("cebgw.sdf");
        if (configured == null) {
            throw new IllegalStateException("-Dcebgw.sdf=<sdf key source .properties> is needed (docs/performance.md)");
        }
        message = new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, 10));
        key = (SdfSigningKey) new KeySources().open(KeySourceSpec.load(Path.of(configured)));
        signer = new CebSigner(key);
        digest[0] = 1;
    }

    @TearDown
    public void tearDown() {
        key.close();
    }

    /** The acceptance figure: a CEB603 from the model to signed bytes, the signature made in the device. */
    @Benchmark
    public byte[] signMessage() throws Exception {
        return signer.sign(message);
    }

    /** Raw baseline: the device's SDF_InternalSign_ECC of one digest. */
    @Benchmark
    public byte[] rawInternalSign() throws Exception {
        return key.signDigest(digest);
    }
}
