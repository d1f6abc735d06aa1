package dev.awsmcp.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a server's CPU goes per call, thread kind by thread kind ({@link ThreadCpu}: application, JIT, GC,
 * VM), from a cold start: one client calls a mixed workload (every operation in turn) in rounds, and each
 * round's CPU per call is recorded by kind. The warm-up is a fixed number of calls, so that what follows it (the
 * steady phase, the latency cells) starts from the same point in every run: two runs of one jar whose warm-up ended
 * by a rule (the JIT's share under 10%) stopped after 6,250 and 13,750 calls, and the one left with more compiling
 * looked 1.1 to 1.5x dearer in the cells (docs/performance.md). When the JIT's share of a round's CPU first stayed
 * below {@link #WARM_JIT_SHARE} for two rounds in a row is a figure of its own, as are the shares at the 5,000th call
 * and the cold first round. Then each operation runs alone ({@code steadyCalls}
 * calls) for its steady-state cost. Run right after the server starts, before any other load, so the cold
 * figures are cold.
 */
final class CpuPhase {

    static final double WARM_JIT_SHARE = 0.10;
    static final int ROUND_CALLS = 250;

    private CpuPhase() {
    }

    /** Runs the phase on {@code target} and returns its figures as the results file keeps them. */
    static Map<String, Object> run(Target target, List<Operation> mixed, int maxWarmupCalls, int steadyCalls) throws Exception {
        long pid = target.meter().pid();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        try (Target.Client client = target.connect()) {
            long calls = 0;
            int calm = 0;
            Long warmAt = null;
            while (calls < maxWarmupCalls) {
                ThreadCpu.Snapshot before = ThreadCpu.read(pid);
                for (int i = 0; i < ROUND_CALLS; i++) {
                    check(client.call(mixed.get(i % mixed.size())));
                }
                calls += ROUND_CALLS;
                Map<String, Object> round = perCall(ThreadCpu.between(before, ThreadCpu.read(pid)), ROUND_CALLS);
                round.put("calls_so_far", calls);
                rounds.add(round);
                calm = (double) round.get("jit_share") < WARM_JIT_SHARE ? calm + 1 : 0;
                if (calm == 2 && warmAt == null) {
                    warmAt = calls;
                }
            }
            out.put("mixed_workload", mixed.stream().map(o -> o.label).toList());
            out.put("round_calls", ROUND_CALLS);
            out.put("warm_after_calls", warmAt);
            out.put("warmup_calls", calls);
            out.put("warm_rule", "JIT share of the round's CPU below %.0f%% in two rounds in a row (the warm-up went on to %d calls)"
                    .formatted(WARM_JIT_SHARE * 100, calls));
            out.put("rounds", rounds);
            System.out.printf("bench: cpu warm-up of %d calls: %s; first round app %.0f us/call, JIT %.0f us/call%n", calls,
                    warmAt == null ? "JIT never below 10% in two rounds in a row" : "JIT share below 10% after " + warmAt + " calls",
                    rounds.get(0).get("app_us"), rounds.get(0).get("jit_us"));
            Map<String, Object> steady = new LinkedHashMap<>();
            for (Operation operation : mixed) {
                ThreadCpu.Snapshot before = ThreadCpu.read(pid);
                long system0 = target.meter().systemCpuNanos();
                long t0 = System.nanoTime();
                for (int i = 0; i < steadyCalls; i++) {
                    check(client.call(operation));
                }
                double wallUs = (System.nanoTime() - t0) / 1e3 / steadyCalls;
                Map<String, Object> figures = perCall(ThreadCpu.between(before, ThreadCpu.read(pid)), steadyCalls);
                figures.put("wall_us", wallUs);
                figures.put("kernel_us", (target.meter().systemCpuNanos() - system0) / 1e3 / steadyCalls);
                steady.put(operation.name(), figures);
                System.out.printf("bench: cpu steady %-38s app %6.0f us  jit %6.0f us  gc %5.0f us  vm %4.0f us  wall %6.0f us/call  (kernel %4.0f us of all)%n",
                        operation.label, figures.get("app_us"), figures.get("jit_us"), figures.get("gc_us"), figures.get("vm_us"), wallUs,
                        figures.get("kernel_us"));
            }
            out.put("steady_calls", steadyCalls);
            out.put("steady", steady);
        }
        return out;
    }

    /**
     * The direct AWS SDK's own CPU per call, the floor under every tool call: the harness's SDK client threads
     * (Netty event loops, async response threads) plus the calling thread, over {@code calls} calls after as
     * many warm-up calls. DynamoDB Local runs in the harness JVM too; its threads are not counted.
     */
    static Map<String, Object> directFloor(Target direct, List<Operation> operations, int calls) throws Exception {
        long pid = ProcessHandle.current().pid();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Object> out = new LinkedHashMap<>();
        try (Target.Client client = direct.connect()) {
            for (Operation operation : operations) {
                if (direct.unsupported(operation) != null) {
                    continue;
                }
                for (int i = 0; i < calls; i++) {
                    check(client.call(operation));
                }
                Map<Long, Long> before = sdkThreads(pid);
                long caller0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    check(client.call(operation));
                }
                long caller = mx.getCurrentThreadCpuTime() - caller0;
                long sdk = sdkThreads(pid).entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
                double us = (caller + sdk) / 1e3 / calls;
                out.put(operation.name(), us);
                System.out.printf("bench: cpu direct SDK %-38s %6.0f us/call (SDK threads and the caller)%n", operation.label, us);
            }
        }
        return out;
    }

    private static Map<Long, Long> sdkThreads(long pid) {
        ThreadCpu.Snapshot all = ThreadCpu.read(pid);
        Map<Long, Long> sdk = new java.util.HashMap<>();
        all.nanos().forEach((tid, nanos) -> {
            String comm = all.comms().get(tid);
            if (comm.startsWith("aws-java-sdk") || comm.startsWith("sdk-async")) {
                sdk.put(tid, nanos);
            }
        });
        return sdk;
    }

    private static void check(Target.Outcome outcome) {
        if (outcome.error()) {
            throw new IllegalStateException("call failed in the CPU phase: " + outcome.message());
        }
    }

    private static Map<String, Object> perCall(Map<ThreadCpu, Long> delta, int calls) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        for (ThreadCpu kind : ThreadCpu.values()) {
            figures.put(kind.name().toLowerCase() + "_us", delta.get(kind) / 1e3 / calls);
        }
        figures.put("jit_share", total == 0 ? 0.0 : (double) delta.get(ThreadCpu.JIT) / total);
        return figures;
    }
}
