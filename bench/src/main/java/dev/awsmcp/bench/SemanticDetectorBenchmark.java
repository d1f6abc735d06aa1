package dev.awsmcp.bench;

import dev.awsmcp.gateway.guard.semantic.ClassificationHead;
import dev.awsmcp.gateway.guard.semantic.SemanticDetector;
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
 * The result guard's semantic detector on one text: windows, all-MiniLM-L6-v2 embeddings (ONNX Runtime, one
 * thread, as the gateway's default pool runs it) and the head. Average time per text; divide by the size for the
 * cost per KiB ({@code payload}: a 4 KiB slice of the log batch, the 16 KiB runbook, a 4 KiB DynamoDB page slice).
 * The model is loaded in the setup, outside the measurement (about a second, once per process).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SemanticDetectorBenchmark {

    @Param({"log-batch-4k", "s3-runbook-16k", "dynamodb-page-4k"})
    public String payload;

    private String text;
    private final SemanticDetector detector = new SemanticDetector(ClassificationHead.standard(), 1);

    @Setup
    public void setUp() {
        text = switch (payload) {
            case "log-batch-4k" -> Payloads.logBatch(4 * 1024);
            case "dynamodb-page-4k" -> Payloads.dynamoDbPage(4 * 1024);
            default -> Payloads.named(payload);
        };
        detector.load();
    }

    /** One text through the detector. */
    @Benchmark
    public SemanticDetector.Score score() {
        return detector.score(text);
    }
}
