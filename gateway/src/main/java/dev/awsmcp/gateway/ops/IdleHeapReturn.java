package dev.awsmcp.gateway.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap a burst made the JVM commit back to the operating system once the burst is over
 * ({@code server.idleHeapReturn}, default 15 s): what G1's periodic collection does, for the serial collector that
 * deploy/config/jvm.options chooses.
 *
 * <p>The serial collector changes the heap's size only at a full collection, and keeps up to 70% of it free there
 * ({@code -XX:MaxHeapFreeRatio=70}, which the heavy calls need while they run: docs/performance.md "Heap sizing"). So
 * after 64 clients the process kept 117 MiB of heap for 34 MiB live until the next burst. When no collection has run
 * for the quiet period and the committed heap grew by more than {@link #MIN_GROWTH} since it was last given back (the
 * first quiet period after the start always gives back), this runs one full collection with the free ratios lowered
 * to 10 / 30% for its duration, then sets them back: the old generation is cut to about 1.4 times what is live (the
 * young generation follows it, at half its size), and a new burst grows it again at its first full collection. The
 * collection pauses the process for tens of milliseconds, once per burst, at a moment nothing collected for the whole
 * quiet period. It never runs on an event loop (a thread of its own), and not at all when the JVM ignores explicit
 * collections ({@code -XX:+DisableExplicitGC}) or the ratios cannot be set.
 */
public final class IdleHeapReturn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleHeapReturn.class);

    /** Growth of the committed heap since it was last given back below which a return is not worth a collection. */
    static final long MIN_GROWTH = 16L << 20;
    private static final String MIN_FREE = "MinHeapFreeRatio";
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    private static final String RETURN_MIN_FREE = "10";
    private static final String RETURN_MAX_FREE = "30";

    private final Duration quiet;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final HotSpotDiagnosticMXBean hotspot;
    private final ScheduledExecutorService timer;
    private long collections;
    private long quietSinceNanos;
    private long givenBackTo;
    private volatile int returns;

    private IdleHeapReturn(Duration quiet, HotSpotDiagnosticMXBean hotspot) {
        this.quiet = quiet;
        this.hotspot = hotspot;
        this.collections = collections();
        this.quietSinceNanos = System.nanoTime();
        this.givenBackTo = 0; // the first quiet period gives back what the start committed too
        this.timer = quiet.isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "idle-heap-return");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Not watching: {@code server.idleHeapReturn: 0}, or before a server started. */
    public static IdleHeapReturn off() {
        return new IdleHeapReturn(Duration.ZERO, null);
    }

    /** Starts watching for a quiet period of {@code quiet}; {@link Duration#ZERO} turns it off. */
    public static IdleHeapReturn start(Duration quiet) {
        if (quiet.isZero()) {
            return off();
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null || Boolean.parseBoolean(hotspot.getVMOption("DisableExplicitGC").getValue())) {
            LOG.info("server.idleHeapReturn is off: the JVM runs with -XX:+DisableExplicitGC, so the heap a burst committed stays committed");
            return off();
        }
        IdleHeapReturn watcher = new IdleHeapReturn(quiet, hotspot);
        long period = Math.max(1000, quiet.toMillis() / 3);
        watcher.timer.scheduleWithFixedDelay(watcher::check, period, period, TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** One look: a collection since the last look starts a new quiet period; a long enough one gives the heap back. */
    void check() {
        try {
            long now = System.nanoTime();
            long seen = collections();
            long committed = memory.getHeapMemoryUsage().getCommitted();
            givenBackTo = Math.min(givenBackTo, committed);
            if (seen != collections) {
                collections = seen;
                quietSinceNanos = now;
                return;
            }
            if (now - quietSinceNanos < quiet.toNanos() || committed - givenBackTo < MIN_GROWTH) {
                return;
            }
            giveBack(committed);
            collections = collections();
            quietSinceNanos = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warn("server.idleHeapReturn stops: the heap could not be given back ({}); it stays as the load leaves it", e.toString());
            timer.shutdown();
        }
    }

    /** How many times the heap was given back (for tests). */
    int returns() {
        return returns;
    }

    /** Whether it watches at all (off with {@code 0} or {@code -XX:+DisableExplicitGC}). */
    boolean watching() {
        return timer != null;
    }

    private void giveBack(long committed) {
        String minFree = hotspot.getVMOption(MIN_FREE).getValue();
        String maxFree = hotspot.getVMOption(MAX_FREE).getValue();
        long started = System.nanoTime();
        try {
            // Lower the minimum first and raise it last, so that minimum <= maximum holds at every step.
            hotspot.setVMOption(MIN_FREE, lower(minFree, RETURN_MIN_FREE));
            hotspot.setVMOption(MAX_FREE, lower(maxFree, RETURN_MAX_FREE));
            System.gc();
        } finally {
            hotspot.setVMOption(MAX_FREE, maxFree);
            hotspot.setVMOption(MIN_FREE, minFree);
        }
        java.lang.management.MemoryUsage heap = memory.getHeapMemoryUsage();
        long after = heap.getCommitted();
        long used = heap.getUsed();
        givenBackTo = after;
        returns++;
        LOG.info("gave back {} MiB of heap after {} s without a collection: committed {} -> {} MiB for {} MiB in use, in {} ms",
                (committed - after) >> 20, quiet.toSeconds(), committed >> 20, after >> 20, used >> 20,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static String lower(String current, String target) {
        return Integer.parseInt(current) < Integer.parseInt(target) ? current : target;
    }

    private long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
