package dev.awsmcp.gateway.toolset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates tool arguments against a tool's input schema (JSON Schema 2020-12, networknt validator,
 * the same library the MCP SDK uses). The schema is compiled once, when the tool is registered, and
 * checked against the 2020-12 meta-schema so a broken toolset schema stops startup.
 */
public final class ArgumentValidator {

    private static final int MAX_REPORTED_ERRORS = 5;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private static final List<String> BOUNDS = List.of("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum");
    /** Keywords whose value maps names to subschemas (JSON Schema 2020-12). */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
    /** Keywords whose value is a subschema or a list of them. */
    private static final Set<String> SUBSCHEMAS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items", "additionalProperties",
            "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems");

    private final Schema schema;

    private ArgumentValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles {@code inputSchema}; throws {@link IllegalArgumentException} naming the problem when it is
     * not a valid JSON Schema.
     */
    public static ArgumentValidator compile(ObjectNode inputSchema) {
        List<Error> problems = META_SCHEMA.validate(inputSchema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("input schema is not valid JSON Schema 2020-12: " + describe(problems));
        }
        return new ArgumentValidator(REGISTRY.getSchema(withLongBounds(inputSchema)));
    }

    /**
     * A copy of {@code schema} in which every integer without a bound of its own is bounded to the range of a Java
     * {@code long}. JSON Schema's integers are unbounded, so {@code 1e20} passes {@code "type": "integer"}; a toolset
     * reading it as a long would silently get another number. Checked here, the caller learns which argument is out
     * of range, for every tool, present and future. Every bound of an integer is written as a decimal: with a
     * long-valued bound the validator compares {@code 1e20} (a decimal node) by its wrapped long value and lets it pass.
     */
    private static JsonNode withLongBounds(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        boundIntegers(copy);
        return copy;
    }

    private static void boundIntegers(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (declaresInteger(object)) {
            if (!object.has("maximum") && !object.has("exclusiveMaximum")) {
                object.put("maximum", Long.MAX_VALUE);
            }
            if (!object.has("minimum") && !object.has("exclusiveMinimum")) {
                object.put("minimum", Long.MIN_VALUE);
            }
            for (String bound : BOUNDS) {
                JsonNode value = object.get(bound);
                if (value != null && value.isNumber()) {
                    object.put(bound, value.decimalValue());
                }
            }
        }
        object.properties().forEach(keyword -> {
            JsonNode value = keyword.getValue();
            if (SCHEMA_MAPS.contains(keyword.getKey())) {
                value.forEach(ArgumentValidator::boundIntegers);
            } else if (SUBSCHEMAS.contains(keyword.getKey())) {
                if (value.isArray()) {
                    value.forEach(ArgumentValidator::boundIntegers);
                } else {
                    boundIntegers(value);
                }
            }
        });
    }

    private static boolean declaresInteger(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("integer".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "integer".equals(type.asText());
    }

    /** Returns a message naming each offending argument and what was expected, or empty when valid. */
    public Optional<String> validate(JsonNode arguments) {
        List<Error> errors = schema.validate(arguments);
        return errors.isEmpty() ? Optional.empty() : Optional.of(describe(errors));
    }

    private static String describe(List<Error> errors) {
        String listed = errors.stream()
                .limit(MAX_REPORTED_ERRORS)
                .map(ArgumentValidator::describe)
                .distinct()
                .collect(Collectors.joining("; "));
        int more = errors.size() - MAX_REPORTED_ERRORS;
        return more > 0 ? listed + "; and " + more + " more" : listed;
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (!location.isEmpty() && message.startsWith(location)) {
            message = message.substring(location.length()).replaceFirst("^[:\\s]+", "");
        }
        String argument = location.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
        return argument.isEmpty() ? message : "argument '" + argument + "': " + message;
    }
}
