package dev.awsmcp.gateway.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/** Caught/total counts per evaluation row, printed as a markdown table. */
final class EvaluationTally {

    private final Map<String, int[]> rows = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();

    void count(String row, boolean flagged) {
        int[] counts = rows.computeIfAbsent(row, r -> new int[2]);
        counts[0] += flagged ? 1 : 0;
        counts[1]++;
    }

    void target(String row, String target) {
        targets.put(row, target);
    }

    double rate(String row) {
        int[] counts = rows.get(row);
        return counts == null || counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
    }

    int total(String row) {
        int[] counts = rows.get(row);
        return counts == null ? 0 : counts[1];
    }

    String markdown(String title) {
        StringBuilder out = new StringBuilder("| ").append(title)
                .append(" | flagged / samples | rate | target |\n|---|---:|---:|---|\n");
        rows.forEach((row, counts) -> out.append(String.format("| %s | %d / %d | %.1f%% | %s |%n", row, counts[0],
                counts[1], 100.0 * counts[0] / counts[1], targets.getOrDefault(row, ""))));
        return out.toString();
    }
}
