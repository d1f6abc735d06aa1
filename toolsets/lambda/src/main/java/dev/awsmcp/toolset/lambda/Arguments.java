package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.ResultLimits;

/**
 * Typed access to a call's arguments, which the gateway has validated against the tool's schema.
 * Absent and JSON-null arguments read as {@code null}.
 */
final class Arguments {

    static final String FUNCTION = "function";
    static final String QUALIFIER = "qualifier";

    private final JsonNode node;

    Arguments(JsonNode node) {
        this.node = node;
    }

    /** The {@code function} argument exactly as given: a name, {@code name:qualifier} or an ARN. */
    String function() {
        return text(FUNCTION);
    }

    /** The {@code qualifier} argument (a version number, {@code $LATEST} or an alias), or null. */
    String qualifier() {
        String qualifier = optionalText(QUALIFIER);
        return qualifier == null || qualifier.isEmpty() ? null : qualifier;
    }

    /** The function as the caller named it, with {@code :qualifier} appended when one was given. */
    String qualifiedFunction() {
        return qualifiedName(node);
    }

    /** Shared with {@link ToolSpecs} so messages and resource refs name the same thing; null without a function. */
    static String qualifiedName(JsonNode arguments) {
        JsonNode function = arguments.get(FUNCTION);
        if (function == null || !function.isTextual() || function.textValue().isBlank()) {
            return null;
        }
        JsonNode qualifier = arguments.get(QUALIFIER);
        boolean qualified = qualifier != null && qualifier.isTextual() && !qualifier.textValue().isEmpty();
        return qualified ? function.textValue() + ":" + qualifier.textValue() : function.textValue();
    }

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

    /** The argument itself, or null when absent. */
    JsonNode optionalNode(String name) {
        return node.get(name);
    }

    /**
     * The {@code limit} argument: {@code defaultRows} when absent, never above {@code maxRows} nor
     * the caller's {@link ResultLimits#maxRows()}.
     */
    int limit(int defaultRows, int maxRows, ResultLimits limits) {
        JsonNode value = node.get("limit");
        int requested = value == null || value.isNull() || value.asInt() <= 0 ? defaultRows : value.asInt();
        return Math.max(1, Math.min(requested, Math.min(maxRows, limits.maxRows())));
    }

    /** The {@code cursor} argument, or null when absent or empty. */
    String cursor() {
        String cursor = optionalText("cursor");
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }
}
