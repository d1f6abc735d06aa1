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

    /**
     * Writes what the process's memory is made of to {@code file} when the JVM tracks native memory (else nothing):
     * {@code jcmd VM.native_memory summary}, the resident set by mapping (files such as the class-data archive and
     * the jar, anonymous memory together) from {@code /proc/<pid>/smaps}, then the heap's largest classes
     * ({@code jcmd GC.class_histogram}, which runs a full collection: call it after reading the RSS).
     */
    void nativeMemory(Path file) {
        try {
            String summary = jcmd("VM.native_memory summary");
            if (!summary.contains("Total:")) {
                return;
            }
            StringBuilder out = new StringBuilder(summary).append("\n# Resident set by mapping (KiB, /proc/").append(pid).append("/smaps)\n\n");
            residentByMapping().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> out.append(String.format("%10d  %s%n", e.getValue(), e.getKey())));
            out.append("\n# Heap: largest classes after a full collection (jcmd GC.class_histogram)\n\n");
            jcmd("GC.class_histogram").lines().limit(43).forEach(l -> out.append(l).append('\n'));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out);
            System.out.println("bench: native memory of pid " + pid + " written to " + file);
        } catch (IOException e) {
            // Not started with -XX:NativeMemoryTracking: nothing to write.
        }
    }

    /** Rss of {@code /proc/<pid>/smaps} summed per mapped file; anonymous mappings (heap, code cache, malloc, stacks) as "[anon]". */
    private java.util.Map<String, Long> residentByMapping() throws IOException {
        java.util.Map<String, Long> kb = new java.util.HashMap<>();
        String mapping = "[anon]";
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 5 && fields[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                mapping = fields.length >= 6 ? fields[5] : "[anon]";
            } else if (fields[0].equals("Rss:")) {
                kb.merge(mapping, Long.parseLong(fields[1]), Long::sum);
            }
        }
        return kb;
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
