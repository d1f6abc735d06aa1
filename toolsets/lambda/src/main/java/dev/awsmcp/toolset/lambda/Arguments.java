package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.support.ToolArguments;

/** The Lambda arguments on top of {@link ToolArguments}: the function, its qualifier and listing limits. */
final class Arguments extends ToolArguments {

    static final String FUNCTION = "function";
    static final String QUALIFIER = "qualifier";

    Arguments(ObjectNode node) {
        super(node);
    }

    /** The {@code function} argument exactly as given: a name, {@code name:qualifier} or an ARN. */
    String function() {
        return text(FUNCTION);
    }

    /** The {@code qualifier} argument (a version number, {@code $LATEST} or an alias), or null. */
    String qualifier() {
        return optionalNonEmptyText(QUALIFIER);
    }

    /** The function as the caller named it, with {@code :qualifier} appended when one was given. */
    String qualifiedFunction() {
        return qualifiedName(node());
    }

    /** Shared with {@link ToolSpecs} so messages and resource refs name the same thing; null without a function. */
    static String qualifiedName(JsonNode arguments) {
        JsonNode function = arguments.get(FUNCTION);
        if (function == null || !function.isTextual()) {
            return null;
        }
        JsonNode qualifier = arguments.get(QUALIFIER);
        boolean qualified = qualifier != null && qualifier.isTextual() && !qualifier.textValue().isEmpty();
        return qualified ? function.textValue() + ":" + qualifier.textValue() : function.textValue();
    }

    /**
     * The {@code limit} argument: {@code defaultRows} when absent, never above {@code maxRows} nor
     * the caller's {@link ResultLimits#maxRows()}.
     */
    int limit(int defaultRows, int maxRows, ResultLimits limits) {
        Integer value = optionalInt("limit");
        int requested = value == null || value <= 0 ? defaultRows : value;
        return Math.max(1, Math.min(requested, Math.min(maxRows, limits.maxRows())));
    }

    /** The {@code cursor} argument, or null when absent or empty. */
    String cursorText() {
        return optionalNonEmptyText(CURSOR);
    }
}
