package io.cebgw.bench;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.sign.CebSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.security.Signature;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The whole sign step of a 10-item CEB603, from the model ({@code signMessage}) and from bytes ({@code signBytes}), against the raw JCA {@code Signature.sign()} of the same key over the same number of
 * bytes, in the same run. Goal: sign at ≥ 85 % of raw.
 *
 * <p>Run: {@code java -jar cebgw-bench/target/cebgw-bench.jar SigningBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {
    @Param({"SM2_SM3", "RSA_SHA1"})
    public SignatureSuite suite;

    private CebMessage message;
    private byte[] unsigned;
    private CebSigner signer;
    private Signature raw;

    @Setup
    public void setUp() throws Exception {
        message = new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, 10));
        unsigned = new CebWriter().write(message);
        GeneratedKey key = KeyPairs.selfSigned(suite, "CN=bench,C=CN", Duration.ofDays(30));
        signer = new CebSigner(key.signingKey());
        raw = suite == SignatureSuite.SM2_SM3 ? Signature.getInstance(suite.jcaSignature(), CryptoProvider.bc())
                : Signature.getInstance(suite.jcaSignature());
        raw.initSign(key.keyPair().getPrivate());
    }

    /** The acceptance figure: a message from the model to signed bytes (canonical write, digest, SignedInfo, signature). */
    @Benchmark
    public byte[] signMessage() throws Exception {
        return signer.sign(message);
    }

    /** Signing arbitrary bytes (a file, an ERP's XML): hardened parse, two C14N passes, signature, canonical output. */
    @Benchmark
    public byte[] signBytes() throws Exception {
        return signer.sign(unsigned);
    }

    /** Raw baseline: the provider's Signature.sign() over as many bytes as the document has. */
    @Benchmark
    public byte[] rawSignature() throws Exception {
        raw.update(unsigned);
        return raw.sign();
    }
}
