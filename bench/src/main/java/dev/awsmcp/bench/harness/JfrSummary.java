package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU goes, from a JFR recording of one harness run ({@code jdk.ExecutionSample}, Java
 * threads on CPU): self samples by the top frame's package and method, and inclusive samples by the
 * project's own packages (a sample counts for every {@code dev.awsmcp} package on its stack); and what allocates
 * ({@code jdk.ObjectAllocationSample}, whose weights add up to an estimate of all the bytes allocated), by the first
 * frame outside the JDK and Jackson: the code that asked for the memory, not {@code Arrays.copyOf}.
 *
 * @param samples execution samples in the recording
 * @param selfByPackage share of samples (percent) whose top frame is in each package, largest first
 * @param selfByMethod share of samples per top-frame method, largest first
 * @param inclusiveByProjectPackage share of samples with a frame of each {@code dev.awsmcp} package on the stack
 * @param allocatedMb the bytes allocated over the whole run, estimated from the allocation samples' weights, in MB (0 in
 *        reports written before this field)
 * @param allocationBySite share of the allocated bytes per allocating method (first frame outside the JDK and Jackson)
 */
record JfrSummary(long samples, Map<String, Double> selfByPackage, Map<String, Double> selfByMethod,
        Map<String, Double> inclusiveByProjectPackage, double allocatedMb, Map<String, Double> allocationBySite) {

    static JfrSummary read(Path recording, int top) throws IOException {
        Map<String, Long> byPackage = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocation.merge(allocatingSite(event), weight, Long::sum);
                    continue;
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String type = typeName(frames.get(0));
                byPackage.merge(packageOf(type), 1L, Long::sum);
                byMethod.merge(type + "." + frames.get(0).getMethod().getName(), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String pkg = packageOf(typeName(frame));
                    if (pkg.startsWith("dev.awsmcp") && seen.add(pkg)) {
                        inclusive.merge(pkg, 1L, Long::sum);
                    }
                }
            }
        }
        return new JfrSummary(samples, percent(byPackage, samples, top), percent(byMethod, samples, top), percent(inclusive, samples, top),
                Math.round(allocated / 1e5) / 10.0, percent(allocation, allocated, top));
    }

    /** The first frame that is not the JDK's or Jackson's: whose work the allocation was. */
    private static String allocatingSite(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "(no stack)";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = typeName(frame);
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("com.fasterxml.jackson.core.") && !type.startsWith("com.fasterxml.jackson.databind.")) {
                return type + "." + frame.getMethod().getName();
            }
        }
        return "(JDK or Jackson only)";
    }

    /** The frame's class, with a lambda's hidden-class suffix ({@code $$Lambda$12/0x...}) cut off. */
    private static String typeName(RecordedFrame frame) {
        String name = frame.getMethod().getType().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda);
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "(default)" : type.substring(0, dot);
    }

    private static Map<String, Double> percent(Map<String, Long> counts, long total, int top) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.put(e.getKey(), Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0));
        return out;
    }
}
