package dev.awsmcp.bench;

import dev.awsmcp.gateway.guard.Finding;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The detector on adversarial input ({@link Payloads#adversarial}) at two sizes: linear matching means
 * the time per MiB stays about the same when the input grows fourfold. Average time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AdversarialInputBenchmark {

    /** What the input is made of, see {@link Payloads#adversarial}. */
    @Param({"ignore", "markdown", "roles", "brackets", "base64"})
    public String kind;

    /** Input size in KiB. */
    @Param({"256", "1024"})
    public int kib;

    private String text;
    private final InjectionDetector detector = new PatternInjectionDetector();

    @Setup
    public void setUp() {
        text = Payloads.adversarial(kind, kib * 1024);
    }

    /** The detector over the adversarial input. */
    @Benchmark
    public List<Finding> detector() {
        return detector.scan(text);
    }
}
