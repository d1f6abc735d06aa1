package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Typed access to one call's arguments, which the gateway has already validated against the tool's
 * input schema ({@link dev.awsmcp.toolset.api.ToolCall#arguments()}). Absent and JSON-null arguments read as {@code null}
 * (or the given default); what the schema cannot express fails with {@link ToolArgumentException}.
 * Toolsets may subclass it to add service-specific accessors; one instance serves one call.
 */
public class ToolArguments {

    /** The argument that carries {@link PageCursor} strings: {@link dev.awsmcp.toolset.api.ToolCall#CURSOR}. */
    public static final String CURSOR = dev.awsmcp.toolset.api.ToolCall.CURSOR;

    private final ObjectNode node;

    /** Wraps {@code node} (not null) without copying; the caller must not change it afterwards. */
    public ToolArguments(ObjectNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The arguments object itself, for accessors this class does not offer. */
    public final ObjectNode node() {
        return node;
    }

    /**
     * A required, non-empty string argument.
     *
     * @throws ToolArgumentException "{@code name} is required" when it is absent, null or empty
     */
    public final String text(String name) {
        String value = optionalNonEmptyText(name);
        if (value == null) {
            throw new ToolArgumentException(name + " is required");
        }
        return value;
    }

    /** A string argument as given (possibly empty), or {@code null} when absent or null. */
    public final String optionalText(String name) {
        JsonNode value = optional(name);
        return value == null ? null : value.asText();
    }

    /** A string argument where empty means absent (a prefix, a qualifier), or {@code null}. */
    public final String optionalNonEmptyText(String name) {
        String value = optionalText(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * An integer argument, or {@code null} when absent or null.
     *
     * @throws ToolArgumentException naming the argument when it is not a whole number within the range of {@code int}
     *     (never a silently wrapped or rounded value)
     */
    public final Integer optionalInt(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return null;
        }
        if (!wholeNumber(value) || !value.canConvertToInt()) {
            throw outOfRange(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    /**
     * A long argument, or {@code absent} when absent or null.
     *
     * @throws ToolArgumentException naming the argument when it is not a whole number within the range of {@code long}
     */
    public final long optionalLong(String name, long absent) {
        JsonNode value = optional(name);
        if (value == null) {
            return absent;
        }
        if (!wholeNumber(value) || !value.canConvertToLong()) {
            throw outOfRange(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return value.longValue();
    }

    /** A boolean argument, or {@code null} when absent or null. */
    public final Boolean optionalBoolean(String name) {
        JsonNode value = optional(name);
        return value == null ? null : value.asBoolean();
    }

    /** A boolean argument, or {@code absent} when absent or null. */
    public final boolean flag(String name, boolean absent) {
        Boolean value = optionalBoolean(name);
        return value == null ? absent : value;
    }

    private static boolean wholeNumber(JsonNode value) {
        return value.isIntegralNumber() || value.isNumber() && value.canConvertToExactIntegral();
    }

    private static ToolArgumentException outOfRange(String name, JsonNode value, long min, long max) {
        String given = value.isNumber() ? value.asText() : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return new ToolArgumentException(name + " must be a whole number from " + min + " to " + max + "; got " + given);
    }

    /** The argument's node, or {@code null} when absent or JSON null. */
    public final JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * The position inside the {@value #CURSOR} argument, decoded with {@link PageCursor#decode} for
     * {@code scope}, or {@code null} when there is no (or an empty) cursor.
     *
     * @throws ToolArgumentException with {@link PageCursor}'s message when the cursor is malformed or
     *     belongs to another scope
     */
    public final JsonNode cursor(String scope) {
        String cursor = optionalNonEmptyText(CURSOR);
        return cursor == null ? null : decodeCursor(cursor, scope);
    }

    /**
     * Decodes a cursor string (not null) for {@code scope} like {@link #cursor(String)}, for code that
     * holds the string rather than the arguments.
     *
     * @throws ToolArgumentException when the cursor is malformed or belongs to another scope
     */
    public static JsonNode decodeCursor(String cursor, String scope) {
        try {
            return PageCursor.decode(cursor, scope);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(e.getMessage());
        }
    }
}
