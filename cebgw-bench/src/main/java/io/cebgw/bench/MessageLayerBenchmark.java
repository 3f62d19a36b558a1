package io.cebgw.bench;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

/**
 * The message layer's cost per CEB603 declaration list of 10 items on one thread: write, validate and read.
 * {@code staxScanBaseline} measures the JDK's StAX parser alone on the same bytes in the same run, so that
 * results from different machines can be compared.
 *
 * <p>Run: {@code java -jar cebgw-bench/target/cebgw-bench.jar MessageLayerBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessageLayerBenchmark {
    private final CebWriter writer = new CebWriter();
    private final CebReader reader = new CebReader();
    private final MessageValidator validator = new MessageValidator();
    private final XMLInputFactory stax = XMLInputFactory.newDefaultFactory();
    private CebMessage message;
    private byte[] xml;

    @Setup
    public void setUp() {
        message = new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, 10));
        xml = writer.write(message);
    }

    /** The acceptance figure: write + validate + read of one 10-item CEB603. */
    @Benchmark
    public ValidationReport writeValidateRead() throws Exception {
        byte[] bytes = writer.write(message);
        ReadResult read = reader.read(bytes);
        return validator.validate(read);
    }

    @Benchmark
    public byte[] write() {
        return writer.write(message);
    }

    @Benchmark
    public ReadResult read() throws Exception {
        return reader.read(xml);
    }

    @Benchmark
    public ValidationReport validate() {
        return validator.validate(message);
    }

    /** Raw baseline: the JDK's StAX parser scanning the same document, nothing else. */
    @Benchmark
    public int staxScanBaseline() throws Exception {
        XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
        int events = 0;
        while (r.hasNext()) {
            r.next();
            events++;
        }
        r.close();
        return events;
    }
}
