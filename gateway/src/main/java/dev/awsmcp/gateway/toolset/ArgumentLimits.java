package dev.awsmcp.gateway.toolset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The bounds on one call's arguments, checked before anything else looks at them (the JSON Schema
 * validation, resource extraction and the audit copy all cost time in proportion to their size). The
 * check stops at the first bound exceeded, so an oversized call costs little more than its parsing.
 *
 * @param maxBytes the largest arguments as compact JSON in UTF-8 ({@code limits.maxArgumentBytes})
 * @param maxValues the most object properties plus array items at every depth ({@code limits.maxArgumentValues})
 * @param maxDepth the deepest nesting of objects and arrays ({@code limits.maxArgumentDepth})
 */
public record ArgumentLimits(int maxBytes, int maxValues, int maxDepth) {

    /** Generous bounds, for tests and tools that set none. */
    public static final ArgumentLimits DEFAULT = new ArgumentLimits(320 * 1024, 1000, 32);

    /** What is too large about {@code arguments} (null: none), naming the bound and its setting, or empty when within bounds. */
    public Optional<String> check(JsonNode arguments) {
        if (arguments == null) {
            return Optional.empty();
        }
        Walk walk = new Walk();
        walk.value(arguments, 1);
        return Optional.ofNullable(walk.problem);
    }

    /** One walk over the arguments: what it counted so far, and the first bound exceeded. */
    private final class Walk {
        private long bytes;
        private int values;
        private String problem;

        /** Counts {@code value} at {@code depth} (1: the arguments object); false once a bound is exceeded. */
        boolean value(JsonNode value, int depth) {
            if (value.isObject()) {
                return nested(depth) && members(value, depth);
            }
            if (value.isArray()) {
                return nested(depth) && items(value, depth);
            }
            bytes += value.isTextual() ? jsonBytes(value.textValue()) : value.toString().length();
            return withinBytes();
        }

        private boolean members(JsonNode object, int depth) {
            bytes += 2;
            for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                bytes += jsonBytes(member.getKey()) + 2;
                if (!counted() || !value(member.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        private boolean items(JsonNode array, int depth) {
            bytes += 2;
            for (JsonNode item : array) {
                bytes += 1;
                if (!counted() || !value(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        private boolean nested(int depth) {
            if (depth > maxDepth) {
                problem = "arguments are nested deeper than " + maxDepth + " levels (limits.maxArgumentDepth)";
                return false;
            }
            return true;
        }

        private boolean counted() {
            if (++values > maxValues) {
                problem = "arguments hold more than " + maxValues + " values, counting object properties and array items "
                        + "(limits.maxArgumentValues)";
                return false;
            }
            return withinBytes();
        }

        private boolean withinBytes() {
            if (bytes > maxBytes) {
                problem = "arguments are larger than " + maxBytes + " bytes as JSON (limits.maxArgumentBytes)";
                return false;
            }
            return true;
        }
    }

    /** UTF-8 bytes of {@code text} as a JSON string: quotes, escapes ({@code \n}, {@code \u0001}) and multi-byte characters. */
    static long jsonBytes(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
