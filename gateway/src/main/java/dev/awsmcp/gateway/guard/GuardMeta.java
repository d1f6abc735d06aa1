package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guard's part of a result's {@code _meta}: {@code untrusted} (boundary and source),
 * {@code findings} (at most {@value #MAX_FINDINGS}, with {@code findingsOmitted} beyond),
 * {@code findingCounts} per family, and {@code guard} (mode, sizes, truncation).
 */
public final class GuardMeta {

    /** Findings listed in one result at most; the counts cover all of them. */
    public static final int MAX_FINDINGS = 100;

    private GuardMeta() {
    }

    /** Adds the guard's entries for {@code result} to {@code meta}. */
    public static void addTo(Map<String, Object> meta, GuardedResult result, GuardContext context) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("toolset", context.toolset());
        source.put("tool", context.tool());
        source.put("resources", context.resources());
        Map<String, Object> untrusted = new LinkedHashMap<>();
        untrusted.put("boundary", result.boundary());
        untrusted.put("source", source);
        meta.put("untrusted", untrusted);
        addFindings(meta, result.findings());
        Map<String, Object> guard = new LinkedHashMap<>();
        guard.put("mode", context.mode().id());
        if (context.semantic() != SemanticMode.OFF) {
            guard.put("semantic", context.semantic().id());
        }
        guard.put("bytesBefore", result.bytesBefore());
        guard.put("bytesAfter", result.bytesAfter());
        guard.put("truncated", result.truncated());
        meta.put("guard", guard);
    }

    /** Adds {@code findings} and their counts to {@code meta}; nothing when there are none. */
    public static void addFindings(Map<String, Object> meta, List<GuardFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        List<Map<String, Object>> listed = listed(findings);
        Map<String, Integer> counts = new TreeMap<>();
        for (GuardFinding f : findings) {
            counts.merge(f.family(), 1, Integer::sum);
        }
        meta.put("findings", listed);
        meta.put("findingCounts", counts);
        if (findings.size() > listed.size()) {
            meta.put("findingsOmitted", findings.size() - listed.size());
        }
    }

    /** The first {@value #MAX_FINDINGS} of {@code findings} as listed in a result and its audit record: family, rule, path, detail. */
    public static List<Map<String, Object>> listed(List<GuardFinding> findings) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (GuardFinding f : findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("family", f.family());
            entry.put("rule", f.rule());
            entry.put("path", f.path());
            entry.put("detail", f.detail());
            listed.add(entry);
        }
        return listed;
    }
}
