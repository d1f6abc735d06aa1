package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The exact UTF-8 size of a JSON tree as {@link Json#utf8Writer()} writes it (compact, non-ASCII unescaped, a character
 * outside the BMP as its four bytes, control characters, unpaired surrogates, quote and backslash escaped), computed
 * without writing it. Page readers use it to stop reading once a result reaches the team's byte budget, and the gateway's
 * guard to cut a result to that budget, so both count the same bytes without writing the JSON to learn its size.
 */
public final class JsonSize {

    private JsonSize() {
    }

    /** Bytes of {@code node} as compact UTF-8 JSON. */
    public static long of(JsonNode node) {
        if (node.isTextual()) {
            return string(node.textValue());
        }
        if (node.isArray()) {
            long size = 2 + Math.max(0, node.size() - 1);
            for (JsonNode element : node) {
                size += of(element);
            }
            return size;
        }
        if (node.isObject()) {
            long size = 2 + Math.max(0, node.size() - 1);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                size += string(field.getKey()) + 1 + of(field.getValue());
            }
            return size;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return digits(node.longValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 4 : 5;
        }
        if (node.isNull()) {
            return 4;
        }
        try {
            return Json.utf8Writer().writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be written as JSON", e);
        }
    }

    /** Characters of {@code value} in decimal, with its sign. */
    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int n = value < 0 ? 2 : 1;
        for (long v = Math.abs(value); v >= 10; v /= 10) {
            n++;
        }
        return n;
    }

    /** Bytes of {@code s} as a quoted JSON string. */
    public static long string(String s) {
        long size = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                size++;
            } else {
                int bytes = escapedBytes(s, i);
                size += bytes;
                i += bytes == 4 ? 1 : 0;
            }
        }
        return size;
    }

    /**
     * Bytes of the character at {@code i} of {@code s} inside a JSON string: 4 for a surrogate pair (which is then two
     * characters), else for the one character (6 for an unpaired surrogate, written as its escape).
     */
    public static int escapedBytes(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            return 1;
        } else if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
            return 2;
        } else if (c < 0x20) {
            return 6;
        } else if (c < 0x80) {
            return 1;
        } else if (c < 0x800) {
            return 2;
        } else if (!Character.isSurrogate(c)) {
            return 3;
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return 4;
        }
        return 6;
    }
}
