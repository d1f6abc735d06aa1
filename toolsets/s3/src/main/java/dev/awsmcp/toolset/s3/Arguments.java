package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.PageCursor;

/**
 * Typed access to a call's arguments, which the gateway has validated against the tool's schema.
 * Absent and JSON-null arguments read as {@code null}.
 */
final class Arguments {

    static final String BUCKET = "bucket";
    static final String KEY = "key";

    private final JsonNode node;

    Arguments(JsonNode node) {
        this.node = node;
    }

    String bucket() {
        return text(BUCKET);
    }

    String key() {
        return text(KEY);
    }

    /** A required non-empty string. */
    String text(String name) {
        String value = optionalText(name);
        if (value == null || value.isEmpty()) {
            throw new ToolArgumentException(name + " is required");
        }
        return value;
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An optional string where empty means absent, e.g. a prefix. */
    String optionalNonEmptyText(String name) {
        String value = optionalText(name);
        return value == null || value.isEmpty() ? null : value;
    }

    Integer optionalInt(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asInt();
    }

    long optionalLong(String name, long absent) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? absent : value.asLong();
    }

    JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The position inside the {@code cursor} argument, or null without one. */
    JsonNode cursor(String scope) {
        String cursor = optionalNonEmptyText("cursor");
        if (cursor == null) {
            return null;
        }
        try {
            return PageCursor.decode(cursor, scope);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(e.getMessage());
        }
    }
}
