package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.JsonSize;

/**
 * Bounds a result object to a byte budget of its JSON (UTF-8) while keeping it valid JSON: cuts at
 * element boundaries of its arrays (largest first, trailing elements dropped), shortens long strings
 * with a marker stating their original length, and says exactly what was cut in
 * {@code guard_truncation} with {@code truncated: true}: elements kept and omitted per array, strings
 * shortened, bytes dropped, and how to continue (the toolset's {@code next_cursor} or
 * {@code next_range_start} is always kept). Stateless and thread-safe.
 */
public final class ResultLimiter {

    /** The field that says what the limiter cut. */
    public static final String NOTE = "guard_truncation";

    /**
     * A bounded result.
     *
     * @param json the result, the input itself when it fitted
     * @param truncated whether anything was cut
     * @param bytesBefore bytes of the input JSON
     * @param bytesAfter bytes of {@code json}
     */
    public record Limited(ObjectNode json, boolean truncated, long bytesBefore, long bytesAfter) {
    }

    /** Bounds {@code result} (never modified) to {@code budget} bytes. */
    public Limited limit(ObjectNode result, int budget) {
        return limit(result, budget, JsonSize.of(result));
    }

    /** As {@link #limit(ObjectNode, int)}, with the size of {@code result} already known ({@link JsonSize#of}). */
    Limited limit(ObjectNode result, int budget, long before) {
        if (before <= budget) {
            return new Limited(result, false, before, before);
        }
        return cut(result, budget, before);
    }

    /**
     * {@code result} (never modified), known to be larger than {@code budget} bytes, bounded to it: the size it had is
     * measured while it is cut, so a caller that knows only that it does not fit need not measure it first.
     */
    Limited cut(ObjectNode result, int budget) {
        return cut(result, budget, -1);
    }

    /** {@link #cut(ObjectNode, int)}, with the size of {@code result} already known ({@code size}), or -1. */
    private Limited cut(ObjectNode result, int budget, long size) {
        long reserve = 320;
        long before = size;
        for (int attempt = 0; attempt < 6; attempt++) {
            TreeCutter cutter = new TreeCutter(result, size);
            long data = cutter.cut(Math.max(0, budget - reserve));
            ObjectNode work = cutter.result();
            before = cutter.sizeBefore();
            work.put("truncated", true);
            work.set(NOTE, note(result, work, cutter, budget, before - data));
            long after = JsonSize.of(work);
            if (after <= budget) {
                return new Limited(work, true, before, after);
            }
            reserve += after - budget + 64;
        }
        ObjectNode minimal = minimal(result, budget, before);
        return new Limited(minimal, true, before, JsonSize.of(minimal));
    }

    private static ObjectNode note(ObjectNode original, ObjectNode cut, TreeCutter cutter, int budget, long dropped) {
        ObjectNode note = Json.object();
        note.put("budget_bytes", budget);
        note.put("bytes_dropped", Math.max(0, dropped));
        ArrayNode arrays = note.putArray("arrays");
        cutter.arrays.values().stream().filter(TreeCutter.ArrayCut::attached).forEach(a -> arrays.addObject()
                .put("path", a.path()).put("kept", a.kept()).put("omitted", a.omitted()));
        ArrayNode strings = note.putArray("strings");
        cutter.strings.forEach(s -> strings.addObject().put("path", s.path()).put("original_chars", s.originalChars())
                .put("kept_chars", s.keptChars()));
        note.put("continue", hint(original, cutter));
        return note;
    }

    private static String hint(ObjectNode original, TreeCutter cutter) {
        String kept = cutter.arrays.values().stream().filter(TreeCutter.ArrayCut::attached).findFirst()
                .map(a -> " with limit " + Math.max(1, a.kept())).orElse("");
        if (original.hasNonNull("next_cursor")) {
            return "next_cursor continues after everything the toolset read, including what the gateway omitted here; to read the "
                    + "omitted part, call again" + kept + " and follow next_cursor from that call";
        }
        if (original.hasNonNull("next_range_start")) {
            return "next_range_start continues after the whole range the toolset read; to read the shortened part, call again "
                    + "with a smaller range_length";
        }
        return "the result was larger than the team's budget; narrow the request (smaller limit, filter, shorter window"
                + (kept.isEmpty() ? "" : "; call again" + kept) + ") to see what was omitted";
    }

    /** When nothing else fits: the continuation fields and the note alone. */
    private static ObjectNode minimal(ObjectNode original, int budget, long before) {
        ObjectNode out = Json.object();
        out.put("truncated", true);
        for (String field : new String[] {"next_cursor", "next_range_start"}) {
            JsonNode value = original.get(field);
            if (value != null && value.isValueNode() && JsonSize.of(value) < budget / 4) {
                out.set(field, value);
            }
        }
        ObjectNode note = out.putObject(NOTE);
        note.put("budget_bytes", budget);
        note.put("bytes_dropped", before);
        note.put("continue", "the result could not be shortened to the team's budget of " + budget
                + " bytes; narrow the request (smaller limit, projection, filter, shorter window)");
        return out;
    }
}
