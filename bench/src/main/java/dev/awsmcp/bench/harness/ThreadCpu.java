package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a JVM's threads by what they do, from {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds on
 * the CPU, precise, unlike the 10 ms ticks of {@code stat}) and the thread's name in {@code comm}. A thread
 * that ends inside a window takes its time with it, so windows compare threads that live through them: the
 * gateway's event loops, workers and the AWS SDK's Netty threads do; JIT compiler threads can be retired by
 * HotSpot when idle (then the window undercounts JIT, never overcounts).
 */
enum ThreadCpu {
    /** Threads of the application: Vert.x event loops and workers, the AWS SDK's, Reactor's, the audit writer. */
    APP,
    /** C1 and C2 compiler threads. */
    JIT,
    /**
     * Garbage collector threads (G1, Parallel, ZGC). The serial collector of the production options has none: its
     * collections run in the VM Thread, so they count as {@link #VM}.
     */
    GC,
    /**
     * The VM's own threads: VM Thread (safepoint operations, and with {@code -XX:+UseSerialGC} every collection),
     * service, signal, JFR, reference handling.
     */
    VM;

    static ThreadCpu of(String comm) {
        if (comm.contains("CompilerThre") || comm.startsWith("C1 ") || comm.startsWith("C2 ")) {
            return JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("ZGC") || comm.startsWith("GC ")
                || comm.startsWith("ParGC")) {
            return GC;
        }
        if (comm.startsWith("VM Thread") || comm.startsWith("VM Periodic") || comm.equals("Service Thread") || comm.equals("Signal Dispatch") || comm.startsWith("JFR ")
                || comm.equals("Reference Handl") || comm.equals("Finalizer") || comm.equals("Common-Cleaner")
                || comm.equals("Notification Th") || comm.startsWith("Monitor Deflati") || comm.equals("Sweeper thread")
                || comm.equals("Attach Listener")) {
            return VM;
        }
        return APP;
    }

    /** One look at a process's live threads: each thread's kind and CPU nanoseconds so far, by thread id. */
    record Snapshot(Map<Long, ThreadCpu> kinds, Map<Long, String> comms, Map<Long, Long> nanos) {
    }

    static Snapshot read(long pid) {
        Map<Long, ThreadCpu> kinds = new HashMap<>();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> comms = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    long tid = Long.parseLong(task.getFileName().toString());
                    nanos.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                    String comm = Files.readString(task.resolve("comm")).strip();
                    comms.put(tid, comm);
                    kinds.put(tid, of(comm));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading: its time is gone with it
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return new Snapshot(kinds, comms, nanos);
    }

    /**
     * CPU nanoseconds per kind between two looks: threads alive at both count their difference, threads born
     * in between count all of theirs, threads that ended in between are lost (they undercount, never overcount).
     */
    static Map<ThreadCpu, Long> between(Snapshot before, Snapshot after) {
        Map<ThreadCpu, Long> sums = new EnumMap<>(ThreadCpu.class);
        for (ThreadCpu kind : values()) {
            sums.put(kind, 0L);
        }
        after.nanos().forEach((tid, nanos) -> sums.merge(after.kinds().get(tid), nanos - before.nanos().getOrDefault(tid, 0L), Long::sum));
        return sums;
    }
}
