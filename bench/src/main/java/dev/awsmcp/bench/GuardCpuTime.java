package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cross-check of {@link InjectionDetectorBenchmark} for a shared, loaded machine: the same work on
 * the same payloads, timed in CPU time of the measuring thread ({@link ThreadMXBean}) instead of wall
 * time, so time lost waiting for a core does not count. Not a JMH benchmark: one thread, a fixed warm-up,
 * then the median of 7 rounds.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.awsmcp.bench.GuardCpuTime [warm-up seconds, default 10] [payload filter]</pre>
 */
public final class GuardCpuTime {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 7;
    private static volatile Object sink;

    private GuardCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        double warmUpSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        InjectionDetector detector = new PatternInjectionDetector();
        ResultGuard guard = new ResultGuard(new SecretRedactor(true), detector);
        ResultGuard guardWithoutDetector = new ResultGuard(new SecretRedactor(true), t -> List.of());
        System.out.printf("%-20s %-13s %12s %10s %14s%n", "payload", "work", "CPU us/op", "MB/s", "wall us/op");
        for (String payload : List.of("log-batch-64k", "dynamodb-page-64k", "s3-runbook-16k", "document-1m")) {
            if (args.length > 1 && !payload.contains(args[1])) {
                continue;
            }
            String text = Payloads.named(payload);
            String resultJson = Payloads.namedResultJson(payload, text);
            JsonNode result = MAPPER.readTree(resultJson);
            GuardContext context = new GuardContext(GuardMode.FLAG, 4 * resultJson.length() + 65536, payload,
                    "bench__" + payload, List.of("bench"));
            report(payload, "detector", text.length(), warmUpSeconds, () -> detector.scan(text));
            report(payload, "resultGuard", text.length(), warmUpSeconds, () -> guard.apply(result, context));
            report(payload, "guardNoDetector", text.length(), warmUpSeconds, () -> guardWithoutDetector.apply(result, context));
            report(payload, "jsonParse", text.length(), warmUpSeconds, () -> {
                try {
                    return MAPPER.readTree(resultJson);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void report(String payload, String work, int chars, double warmUpSeconds, Supplier<Object> op) {
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int perRound = 1;
        while (System.nanoTime() < warmUpEnd) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink = op.get();
            }
            if (THREADS.getCurrentThreadCpuTime() - start < 200_000_000L) {
                perRound *= 2;
            }
        }
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink = op.get();
            }
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / perRound;
            wall[r] = (System.nanoTime() - wallStart) / 1e3 / perRound;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        double us = cpu[ROUNDS / 2];
        System.out.printf("%-20s %-13s %12.1f %10.1f %14.1f   (CPU min %.1f, max %.1f)%n", payload, work, us, chars / us,
                wall[ROUNDS / 2], cpu[0], cpu[ROUNDS - 1]);
    }
}
