package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one process costs, read from Linux's own accounting in {@code /proc}: CPU time as utime + stime of
 * {@code /proc/<pid>/stat} (every thread, those that ended included; clock ticks of 10 ms, so a window
 * needs a few hundred milliseconds of CPU to be precise to a few percent; per-thread run times would be
 * finer but lose the threads that a pool retires inside the window), resident memory ({@code VmRSS}) and
 * its peak ({@code VmHWM}), and for a JVM the heap after a full GC via {@code jcmd}. Linux only.
 */
record ProcessMeter(long pid) {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    /** The heap's own lines of GC.heap_info: G1's one, Serial's and Parallel's two generations (names of Java 17 and 25; not Metaspace). */
    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^\\s*(?:garbage-first heap|def new generation|tenured generation|DefNew|Tenured|PSYoungGen|ParOldGen)\\s.*?used (\\d+)K");

    /** utime + stime of the whole process (threads that ended included), in nanoseconds at 10 ms resolution. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /** stime of the whole process: CPU spent in the kernel on its behalf (system calls, network stack), in nanoseconds at 10 ms resolution. */
    long systemCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]) * TICK_NANOS;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    long rssKb() {
        return status("VmRSS:");
    }

    long peakRssKb() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field)).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in KiB; -1 if unknown. */
    long heapAfterGcKb() {
        try {
            jcmd("GC.run");
            Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
            long total = -1;
            while (used.find()) {
                total = Math.max(total, 0) + Long.parseLong(used.group(1));
            }
            return total;
        } catch (IOException e) {
            System.err.println("bench: jcmd failed for pid " + pid + ": " + e.getMessage());
            return -1;
        }
    }

    /** Writes {@code jcmd VM.native_memory summary} to {@code file} when the JVM tracks native memory; else nothing. */
    void nativeMemory(Path file) {
        try {
            String summary = jcmd("VM.native_memory summary");
            Files.writeString(file, summary);
        } catch (IOException e) {
            // Not started with -XX:NativeMemoryTracking: nothing to write.
        }
    }

    private String jcmd(String command) throws IOException {
        Process process = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of("jcmd", Long.toString(pid)),
                java.util.Arrays.stream(command.split(" "))).toList()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("jcmd " + command + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
