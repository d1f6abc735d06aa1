package dev.awsmcp.gateway.taint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a session has read that an attacker could have written: its level, why (which calls, which
 * resources, which guard findings), and the markers (identifier-like words) of the flagged text, so
 * that a later state-changing call whose arguments copy them can be called out. Immutable; kept as
 * JSON in the session's state ({@value #STATE_KEY}), so it moves with the session between instances.
 *
 * @param level how strongly the session is tainted
 * @param reasons the reads that tainted it, oldest first, at most {@value #MAX_REASONS}
 * @param markers words of flagged text, at most {@value #MAX_MARKERS}
 */
public record SessionTaint(TaintLevel level, List<Reason> reasons, Set<String> markers) {

    /** The session-state key the taint is kept under. */
    public static final String STATE_KEY = "taint";
    static final int MAX_REASONS = 20;
    static final int MAX_MARKERS = 500;

    /** A clean session. */
    public static final SessionTaint CLEAN = new SessionTaint(TaintLevel.CLEAN, List.of(), Set.of());

    /**
     * One read that tainted the session.
     *
     * @param correlationId the call's correlation id (its audit record)
     * @param tool the tool that read the content
     * @param resources the resources it read
     * @param level the level this read alone gives
     * @param families the guard finding families in the result (empty for plain untrusted content)
     */
    public record Reason(String correlationId, String tool, List<String> resources, TaintLevel level, List<String> families) {
        public Reason {
            resources = List.copyOf(resources);
            families = List.copyOf(families);
        }

        /** One line for a person. */
        public String describe() {
            return tool + (resources.isEmpty() ? "" : " on " + String.join(", ", resources))
                    + (families.isEmpty() ? " returned untrusted content" : " returned content with guard findings " + families)
                    + " (correlation id " + correlationId + ")";
        }
    }

    public SessionTaint {
        reasons = List.copyOf(reasons);
        markers = Set.copyOf(markers);
    }

    /** This taint after one more read; the level only rises, reasons and markers are bounded (oldest kept). */
    public SessionTaint with(Reason reason, Set<String> newMarkers) {
        TaintLevel raised = reason.level().compareTo(level) > 0 ? reason.level() : level;
        boolean known = reasons.stream().anyMatch(r -> r.tool().equals(reason.tool()) && r.level() == reason.level()
                && r.resources().equals(reason.resources()));
        boolean noNewMarker = markers.size() >= MAX_MARKERS || markers.containsAll(newMarkers);
        if (raised == level && (known || reasons.size() >= MAX_REASONS) && noNewMarker) {
            return this; // the usual case of a session that keeps reading the same resources: nothing to copy
        }
        List<Reason> more = new ArrayList<>(reasons);
        if (more.size() < MAX_REASONS && !known) {
            more.add(reason);
        }
        Set<String> words = new LinkedHashSet<>(markers);
        for (String marker : newMarkers) {
            if (words.size() >= MAX_MARKERS) {
                break;
            }
            words.add(marker);
        }
        return new SessionTaint(raised, more, words);
    }

    /** The taint as the session state keeps it. */
    public String toJson() {
        ObjectNode json = Json.object().put("level", level.id());
        ArrayNode list = json.putArray("reasons");
        for (Reason r : reasons) {
            ObjectNode item = list.addObject().put("correlationId", r.correlationId()).put("tool", r.tool()).put("level", r.level().id());
            r.resources().forEach(item.putArray("resources")::add);
            r.families().forEach(item.putArray("families")::add);
        }
        markers.forEach(json.putArray("markers")::add);
        return json.toString();
    }

    /** The taint kept as {@code json}; a clean session when null. Fails on a malformed value (a bug or tampering: callers fail closed). */
    public static SessionTaint parse(String json) {
        if (json == null) {
            return CLEAN;
        }
        try {
            JsonNode node = Json.mapper().readTree(json);
            List<Reason> reasons = new ArrayList<>();
            for (JsonNode r : node.path("reasons")) {
                reasons.add(new Reason(r.path("correlationId").asText(), r.path("tool").asText(), texts(r.path("resources")),
                        TaintLevel.of(r.path("level").asText()), texts(r.path("families"))));
            }
            return new SessionTaint(TaintLevel.of(node.path("level").asText()), reasons, new LinkedHashSet<>(texts(node.path("markers"))));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("session taint state is not valid: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** For {@code _meta} and the audit record: the level and the reasons, never the markers. */
    public ObjectNode summary() {
        ObjectNode json = Json.object().put("level", level.id());
        ArrayNode list = json.putArray("reasons");
        reasons.forEach(r -> list.add(r.describe()));
        return json;
    }
}
