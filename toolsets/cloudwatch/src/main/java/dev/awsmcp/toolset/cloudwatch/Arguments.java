package dev.awsmcp.toolset.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.support.ToolArguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch arguments on top of {@link ToolArguments}: the alarm (name or ARN), the namespace,
 * dimension lists, row limits and cursor positions. Empty strings and lists read as absent.
 */
final class Arguments extends ToolArguments {

    static final String ALARM = "alarm";
    static final String NAMESPACE = "namespace";
    static final String DIMENSIONS = "dimensions";

    /**
     * One dimension of a metric or of a filter.
     *
     * @param name the dimension name
     * @param value its value, or null in a filter that matches any value
     */
    record Dimension(String name, String value) {
    }

    Arguments(ObjectNode node) {
        super(node);
    }

    /** The {@code alarm} argument as the name AWS expects (an ARN, which the gateway has authorized, reduced to its name). */
    String alarmName() {
        return CloudWatchResourceKind.alarmName(text(ALARM));
    }

    /** The {@code namespace} argument as given. */
    String namespace() {
        return text(NAMESPACE);
    }

    /** The {@code limit} argument: the caller's default rows when absent, never above their {@link ResultLimits#maxRows()}. */
    int limit(ResultLimits limits) {
        return limits.rows(optionalInt("limit"));
    }

    /** A list of non-empty strings, or an empty list when absent. */
    List<String> texts(String name) {
        JsonNode value = optional(name);
        List<String> texts = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(element -> {
                if (!element.asText().isEmpty()) {
                    texts.add(element.asText());
                }
            });
        }
        return List.copyOf(texts);
    }

    /**
     * The {@code dimensions} argument ({@code [{name, value}]}), empty when absent.
     *
     * @throws ToolArgumentException when a name repeats, or a value is missing where {@code valuesRequired}
     */
    List<Dimension> dimensions(boolean valuesRequired) {
        JsonNode value = optional(DIMENSIONS);
        List<Dimension> dimensions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (value != null && value.isArray()) {
            for (JsonNode element : value) {
                String name = element.path("name").asText();
                JsonNode given = element.get("value");
                String dimensionValue = given == null || given.isNull() ? null : given.asText();
                if (!names.add(name)) {
                    throw new ToolArgumentException("dimension " + name + " is given twice in dimensions; give each name once");
                }
                if (dimensionValue == null && valuesRequired) {
                    throw new ToolArgumentException("dimension " + name + " needs a value: a metric is identified by the exact "
                            + "names and values of its dimensions (list_metrics shows them)");
                }
                dimensions.add(new Dimension(name, dimensionValue));
            }
        }
        return List.copyOf(dimensions);
    }

    /**
     * The position inside the cursor, or {@link TokenPager.Position#START} without one.
     *
     * @throws ToolArgumentException when the cursor is malformed or belongs to another request
     */
    TokenPager.Position position(String scope) {
        JsonNode position = cursor(scope);
        return position == null ? TokenPager.Position.START : TokenPager.Position.of(position);
    }

    /**
     * The cursor scope of a call of {@code tool} with these argument values (raw, as given; nulls allowed),
     * so a cursor from other arguments is refused instead of silently continuing the wrong listing.
     */
    static String scope(String tool, Object... parts) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Object part : parts) {
            array.add(Json.mapper().valueToTree(part));
        }
        return tool + ":" + array;
    }
}
