package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one process costs, read from Linux's own accounting in {@code /proc}: CPU time as the sum of its
 * threads' run time ({@code /proc/<pid>/task/<tid>/schedstat}, nanoseconds; threads that end inside a
 * window are missed, so {@code /proc/<pid>/stat} utime+stime in clock ticks is kept as a check), resident
 * memory ({@code VmRSS}) and its peak ({@code VmHWM}), and for a JVM the heap after a full GC via
 * {@code jcmd}. Linux only.
 */
record ProcessMeter(long pid) {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** CPU time of every live thread of the process, in nanoseconds. */
    long cpuNanos() {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    total += Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                } catch (IOException threadEnded) {
                    // gone between listing and reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return total;
    }

    /** utime + stime of the whole process (ended threads included), in nanoseconds at 10 ms resolution. */
    long cpuNanosFromStat() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
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
            return used.find() ? Long.parseLong(used.group(1)) : -1;
        } catch (IOException e) {
            System.err.println("bench: jcmd failed for pid " + pid + ": " + e.getMessage());
            return -1;
        }
    }

    private String jcmd(String command) throws IOException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
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
