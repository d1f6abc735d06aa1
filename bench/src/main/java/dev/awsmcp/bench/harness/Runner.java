package dev.awsmcp.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Drives a target: for each operation and each load (number of concurrent clients, one thread each), a
 * warm-up, then a fixed number of measured calls shared by the clients. Every call's latency goes into an
 * HdrHistogram (nanoseconds, 3 significant digits); the target's server process CPU time is read right
 * before and after the measured calls. Loops are bounded by count and by {@code maxCellTime}.
 */
final class Runner {

    /** Latency figures of one cell in microseconds. */
    record Latency(double p50, double p90, double p99, double max, double mean) {
        static Latency of(Histogram h) {
            return new Latency(h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3, h.getMean() / 1e3);
        }
    }

    /**
     * The figures of one (target, operation, clients) cell.
     *
     * @param skipped why the cell did not run, or {@code null}
     * @param cpuUsPerCall server CPU per measured call (µs; utime+stime over the measured phase), null without a
     *     server process
     * @param cpuMs server CPU over the whole measured phase (ms), to judge the 10 ms tick resolution
     * @param cpuUsPerCallNet {@code cpuUsPerCall} less the server's idle CPU over the same time (timers,
     *     policy polling, GC housekeeping), measured before the first client connected
     * @param resultBytes JSON size of one result (MCP targets), -1 otherwise
     * @param textBytes text content bytes of one result (MCP targets), -1 otherwise
     * @param sample the start of one result's text
     * @param threadsUsPerCall the server's CPU per call by thread kind ({@link ThreadCpu}: app, jit, gc, vm; µs), null
     *     without a server process or in results written before 2026-12-07
     */
    record Cell(String target, Operation operation, int clients, String skipped, long calls, long errors, String firstError,
            double seconds, double callsPerSecond, Latency latency, Double cpuUsPerCall, Double cpuMs, Double cpuUsPerCallNet,
            long resultBytes, long textBytes, String sample, Map<String, Double> threadsUsPerCall) {
        static Cell skipped(String target, Operation operation, int clients, String why) {
            return new Cell(target, operation, clients, why, 0, 0, null, 0, 0, null, null, null, null, -1, -1, null, null);
        }
    }

    /**
     * Memory of a server holding many open sessions.
     *
     * @param sessions sessions opened (initialized) and held
     * @param rssBeforeKb resident memory before opening them
     * @param rssKb resident memory while they are open
     * @param heapAfterGcKb JVM heap in use after a full GC while they are open (-1: not a JVM)
     * @param errors sessions that failed to open
     */
    /**
     * Memory with {@code sessions} open: RSS before opening them, right after, and after they stayed open {@code settleSeconds}
     * without calls (≤ 0: not measured), then the heap after a full collection.
     */
    record Sessions(String target, int sessions, long rssBeforeKb, long rssKb, long rssSettledKb, int settleSeconds, long heapAfterGcKb,
            int errors, String firstError) {
    }

    private final int warmup;
    private final int calls;
    private final Duration maxCellTime;
    private double idleCpuNanosPerSecond;

    Runner(int warmup, int calls, Duration maxCellTime) {
        this.warmup = warmup;
        this.calls = calls;
        this.maxCellTime = maxCellTime;
    }

    List<Cell> run(Target target, List<Operation> operations, List<Integer> loads) throws Exception {
        idleCpuNanosPerSecond = idleCpu(target.meter());
        List<Cell> cells = new ArrayList<>();
        List<Target.Client> clients = new ArrayList<>();
        try {
            for (Operation operation : operations) {
                String unsupported = target.unsupported(operation);
                for (int load : loads) {
                    if (unsupported != null) {
                        cells.add(Cell.skipped(target.name(), operation, load, unsupported));
                    } else if (load > target.maxClients()) {
                        cells.add(Cell.skipped(target.name(), operation, load, "serves one client per process (stdio)"));
                    } else {
                        while (clients.size() < load) {
                            clients.add(target.connect());
                        }
                        Cell cell = measure(target, operation, clients.subList(0, load));
                        cells.add(cell);
                        System.out.printf("bench: %-30s %-38s c=%-3d %s%n", target.name(), operation.label, load, summary(cell));
                    }
                }
            }
        } finally {
            clients.forEach(Target.Client::close);
        }
        return cells;
    }

    private static String summary(Cell cell) {
        return "p50 %.0f us  p99 %.0f us  %.0f calls/s  errors %d%s".formatted(cell.latency().p50(), cell.latency().p99(),
                cell.callsPerSecond(), cell.errors(), cell.cpuUsPerCall() == null ? "" : "  cpu %.0f us/call".formatted(cell.cpuUsPerCall()));
    }

    /** One cell: the warm-up, then the measured calls of {@code operation} shared by {@code clients}. */
    Cell measure(Target target, Operation operation, List<Target.Client> clients) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            phase(threads, clients, operation, warmup, null);
            ProcessMeter meter = target.meter();
            long cpu0 = meter == null ? 0 : meter.cpuNanos();
            ThreadCpu.Snapshot threads0 = meter == null ? null : ThreadCpu.read(meter.pid());
            long start = System.nanoTime();
            Histogram latencies = new Histogram(Duration.ofMinutes(2).toNanos(), 3);
            Phase result = phase(threads, clients, operation, calls, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> byThread = null;
            if (meter != null) {
                byThread = new LinkedHashMap<>();
                for (Map.Entry<ThreadCpu, Long> kind : ThreadCpu.between(threads0, ThreadCpu.read(meter.pid())).entrySet()) {
                    byThread.put(kind.getKey().name().toLowerCase(Locale.ROOT), kind.getValue() / 1e3 / Math.max(1, result.calls));
                }
            }
            Double cpuMs = meter == null ? null : (meter.cpuNanos() - cpu0) / 1e6;
            Double cpu = cpuMs == null ? null : cpuMs * 1e3 / result.calls;
            Double net = cpuMs == null ? null : (cpuMs * 1e6 - idleCpuNanosPerSecond * seconds) / 1e3 / result.calls;
            return new Cell(target.name(), operation, clients.size(), null, result.calls, result.errors, result.firstError.get(), seconds,
                    result.calls / seconds, Latency.of(latencies), cpu, cpuMs, net, result.last.get() == null ? -1 : result.last.get().resultBytes(),
                    result.last.get() == null ? -1 : result.last.get().textBytes(), result.last.get() == null ? null : result.last.get().sample(),
                    byThread);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The server's CPU use while nobody calls it, in nanoseconds per second (0 without a server process). */
    static double idleCpu(ProcessMeter meter) throws InterruptedException {
        if (meter == null) {
            return 0;
        }
        long cpu0 = meter.cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        return (meter.cpuNanos() - cpu0) * 1e9 / (System.nanoTime() - t0);
    }

    double idleCpuPercent() {
        return idleCpuNanosPerSecond / 1e7;
    }

    private static final class Phase {
        long calls;
        long errors;
        final AtomicReference<String> firstError = new AtomicReference<>();
        final AtomicReference<Target.Outcome> last = new AtomicReference<>();
    }

    private Phase phase(ExecutorService threads, List<Target.Client> clients, Operation operation, int total, Histogram into)
            throws Exception {
        AtomicLong remaining = new AtomicLong(total);
        long deadline = System.nanoTime() + maxCellTime.toNanos();
        Phase phase = new Phase();
        List<Future<long[]>> futures = new ArrayList<>();
        for (Target.Client client : clients) {
            futures.add(threads.submit(() -> {
                Histogram mine = into == null ? null : new Histogram(Duration.ofMinutes(2).toNanos(), 3);
                long done = 0;
                long errors = 0;
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    Target.Outcome outcome;
                    try {
                        outcome = client.call(operation);
                    } catch (Exception e) {
                        outcome = Target.Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long nanos = System.nanoTime() - t0;
                    if (mine != null) {
                        mine.recordValue(Math.min(nanos, mine.getHighestTrackableValue()));
                    }
                    done++;
                    if (outcome.error()) {
                        errors++;
                        phase.firstError.compareAndSet(null, outcome.message());
                    } else {
                        phase.last.set(outcome);
                    }
                }
                if (mine != null) {
                    synchronized (into) {
                        into.add(mine);
                    }
                }
                return new long[] {done, errors};
            }));
        }
        for (Future<long[]> future : futures) {
            long[] counts = future.get();
            phase.calls += counts[0];
            phase.errors += counts[1];
        }
        return phase;
    }

    /**
     * Opens {@code count} sessions on {@code target}, measures the server's memory while they are open (right away and, when
     * {@code settleSeconds} > 0, again after that long without calls), closes them. For a JVM started with
     * -XX:NativeMemoryTracking, also writes what its memory is made of at the end ({@link ProcessMeter#nativeMemory}) to
     * {@code nmtFile} (null: nowhere).
     */
    static Sessions sessions(Target target, int count, boolean jvm, int settleSeconds, java.nio.file.Path nmtFile) throws InterruptedException {
        ProcessMeter meter = target.meter();
        long before = meter.rssKb();
        List<Target.Client> open = new ArrayList<>();
        int errors = 0;
        String firstError = null;
        try {
            for (int i = 0; i < count; i++) {
                try {
                    open.add(target.connect());
                } catch (Exception e) {
                    errors++;
                    firstError = firstError == null ? e.getClass().getSimpleName() + ": " + e.getMessage() : firstError;
                }
            }
            long rss = meter.rssKb();
            long settled = -1;
            if (settleSeconds > 0) {
                Thread.sleep(settleSeconds * 1000L);
                settled = meter.rssKb();
            }
            if (jvm && nmtFile != null) {
                meter.nativeMemory(nmtFile);
            }
            long heap = jvm ? meter.heapAfterGcKb() : -1;
            return new Sessions(target.name(), open.size(), before, rss, settled, settleSeconds, heap, errors, firstError);
        } finally {
            open.forEach(Target.Client::close);
        }
    }
}
