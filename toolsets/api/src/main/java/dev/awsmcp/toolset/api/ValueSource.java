package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the candidate values of a resource-template variable or prompt argument come from: one of the
 * toolset's listing tools, called through the gateway like any call (so the caller sees only what its
 * policy lets it list). Used for MCP completions; immutable.
 *
 * @param tool short name of the listing tool
 * @param arguments the tool's arguments for the typed prefix and the values of the other variables
 *     already chosen (e.g. the bucket when completing a key); must not call AWS
 * @param values the candidate values in the tool's successful result
 */
public record ValueSource(String tool, BiFunction<String, Map<String, String>, ObjectNode> arguments,
        Function<JsonNode, List<String>> values) {

    public ValueSource {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(values, "values");
    }

    /** The text values at {@code field} of each element of the array at {@code array} (e.g. {@code tables}, or {@code buckets} / {@code name}). */
    public static Function<JsonNode, List<String>> field(String array, String field) {
        return result -> {
            List<String> values = new java.util.ArrayList<>();
            for (JsonNode element : result.path(array)) {
                JsonNode value = field == null ? element : element.path(field);
                if (value.isTextual()) {
                    values.add(value.asText());
                }
            }
            return values;
        };
    }
}
