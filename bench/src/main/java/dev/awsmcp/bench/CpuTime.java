package dev.awsmcp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Work timed in CPU time of the measuring thread ({@link ThreadMXBean}), not wall time: on a shared machine, time spent
 * waiting for a core does not count. For the benchmarks that are not JMH (before/after comparisons, the harness's
 * calibration).
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private CpuTime() {
    }

    /** CPU microseconds per call of {@code work} on this thread, over calls for about {@code nanos} of its CPU time. */
    public static double microsPerCall(Supplier<Object> work, long nanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        int calls = 0;
        long used;
        do {
            sink = work.get();
            calls++;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < nanos);
        return used / 1e3 / calls;
    }
}
