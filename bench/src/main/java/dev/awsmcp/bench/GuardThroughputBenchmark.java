package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the whole result guard, as the gateway runs it on a tool's answer ({@code ResultGuarding}:
 * secret redaction, injection detection in flag mode, sanitizing, size limit, untrusted-data envelope; the
 * semantic detector off) on three realistic results of about 256 KiB ({@link ResultPayloads}): a CloudWatch
 * Logs {@code filter_log_events} page, an S3 markdown runbook and a DynamoDB query page. One thread.
 *
 * <ul>
 * <li>{@link #resultGuard}: a budget above the result's size, so every byte goes through every step;
 * <li>{@link #resultGuardDefaultLimit}: the default 64 KiB budget ({@code limits.maxResultBytes}), so the result is
 *     also cut to size, as a gateway with default limits answers such a page;
 * <li>{@link #baselineWrite}: writing the result as JSON once, which the envelope needs anyway: the floor.
 * </ul>
 *
 * Run through {@link #main} to get MB/s (10^6 bytes of the result's JSON per second) next to JMH's µs/op:
 * <pre>java -cp bench/target/benchmarks.jar dev.awsmcp.bench.GuardThroughputBenchmark [JMH options, e.g. -prof gc]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GuardThroughputBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Size of each result, bytes of JSON. */
    static final int BYTES = 256 * 1024;

    /** The result, see {@link ResultPayloads}. */
    @Param({ResultPayloads.LOGS, ResultPayloads.MARKDOWN, ResultPayloads.DYNAMODB})
    public String payload;

    private final ResultGuard guard = new ResultGuard(new SecretRedactor(true), new PatternInjectionDetector());
    private ObjectNode result;
    private GuardContext fits;
    private GuardContext defaultLimit;

    @Setup
    public void setUp() {
        result = ResultPayloads.of(payload, BYTES);
        int size = ResultPayloads.size(result);
        fits = new GuardContext(GuardMode.FLAG, 2 * size, "bench", "bench__" + payload, List.of("bench"));
        defaultLimit = new GuardContext(GuardMode.FLAG, GuardContext.DEFAULT_MAX_RESULT_BYTES, "bench", "bench__" + payload,
                List.of("bench"));
        GuardedResult guarded = guard.apply(result, fits);
        // The payloads are benign: a finding here means a payload or a rule changed, and the figures would mean something else.
        System.out.printf("%n%s: %d bytes, %d findings%s%n", payload, size, guarded.findings().size(),
                guarded.findings().isEmpty() ? "" : " " + guarded.findings().subList(0, Math.min(3, guarded.findings().size())));
    }

    /** The whole guard, nothing cut. */
    @Benchmark
    public GuardedResult resultGuard() {
        return guard.apply(result, fits);
    }

    /** The whole guard with the default 64 KiB budget: the result is also cut to size. */
    @Benchmark
    public GuardedResult resultGuardDefaultLimit() {
        return guard.apply(result, defaultLimit);
    }

    /** Floor: the result written as JSON once (the envelope's text). */
    @Benchmark
    public byte[] baselineWrite() throws Exception {
        return MAPPER.writeValueAsBytes(result);
    }

    /** Runs the benchmark (extra arguments are JMH options) and prints MB/s per payload and method. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        Runner runner = new Runner(new OptionsBuilder().parent(options).include(GuardThroughputBenchmark.class.getName() + "\\.").build());
        if (options.shouldList()) {
            runner.list();
            return;
        }
        Collection<RunResult> results = runner.run();
        Map<String, Integer> sizes = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (RunResult run : results) {
            String kind = run.getParams().getParam("payload");
            int size = sizes.computeIfAbsent(kind, k -> ResultPayloads.size(ResultPayloads.of(k, BYTES)));
            String method = run.getParams().getBenchmark().substring(run.getParams().getBenchmark().lastIndexOf('.') + 1);
            double micros = run.getPrimaryResult().getScore();
            double error = run.getPrimaryResult().getScoreError();
            lines.add(String.format("%-18s %-24s %8d %10.1f ± %-7.1f %8.1f", kind, method, size, micros,
                    Double.isNaN(error) ? 0 : error, size / micros));
        }
        System.out.printf("%n%-18s %-24s %8s %20s %8s%n", "payload", "benchmark", "bytes", "us/op", "MB/s");
        lines.forEach(System.out::println);
    }
}
