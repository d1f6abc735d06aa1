package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsmcp.gateway.guard.Finding;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
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
 * Detector and whole-guard throughput on realistic payloads, with baselines measured in the same run on
 * the same payload: a plain {@link String#indexOf} scan for one trigger word (the cheapest possible full
 * pass), a Jackson parse of the payload as one JSON string value, and a Jackson parse of the payload
 * shaped as the tool result the guard sees (log events, the DynamoDB page, an S3 object with its body).
 * {@link #resultGuard} is the overhead per call: the {@link ResultGuard} as the gateway runs it (secret
 * redaction, injection detection in flag mode, size limit, envelope) over that parsed result, with a
 * budget larger than the payload so nothing is cut. Average time per call; MB/s = payload size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class InjectionDetectorBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Payload kind: a 64 KiB log batch, a 64 KiB DynamoDB page, a 16 KiB S3 runbook, a 1 MiB document. */
    @Param({"log-batch-64k", "dynamodb-page-64k", "s3-runbook-16k", "document-1m"})
    public String payload;

    private String text;
    private String json;
    private String resultJson;
    private JsonNode result;
    private final InjectionDetector detector = new PatternInjectionDetector();
    private final ResultGuard guard = new ResultGuard(new SecretRedactor(true), detector);
    private final ResultGuard guardWithoutDetector = new ResultGuard(new SecretRedactor(true), t -> List.of());
    private GuardContext context;

    @Setup
    public void setUp() {
        text = Payloads.named(payload);
        try {
            // Every payload is also measured as a JSON string value, the way a tool result carries it.
            json = MAPPER.writeValueAsString(List.of(text));
            resultJson = Payloads.namedResultJson(payload, text);
            result = MAPPER.readTree(resultJson);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context = new GuardContext(GuardMode.FLAG, 4 * resultJson.length() + 65536, payload, "bench__" + payload,
                List.of("bench"));
    }

    /** The detector over the payload. */
    @Benchmark
    public List<Finding> detector() {
        return detector.scan(text);
    }

    /** The whole result guard over the payload as a parsed tool result: the overhead per call. */
    @Benchmark
    public GuardedResult resultGuard() {
        return guard.apply(result, context);
    }

    /** The guard's floor: everything but the injection detector (a detector that finds nothing). */
    @Benchmark
    public GuardedResult resultGuardWithoutDetector() {
        return guardWithoutDetector.apply(result, context);
    }

    /** Baseline: one full indexOf pass for a trigger word. */
    @Benchmark
    public int baselineIndexOf() {
        int count = 0;
        for (int i = text.indexOf("ignore"); i >= 0; i = text.indexOf("ignore", i + 1)) {
            count++;
        }
        return count;
    }

    /** Baseline: parsing the payload as the JSON a tool result carries. */
    @Benchmark
    public JsonNode baselineJsonParse() throws Exception {
        return MAPPER.readTree(json);
    }

    /** Baseline: parsing the payload shaped as the tool result the guard sees. */
    @Benchmark
    public JsonNode baselineResultParse() throws Exception {
        return MAPPER.readTree(resultJson);
    }
}
