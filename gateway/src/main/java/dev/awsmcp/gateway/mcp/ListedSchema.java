package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The input schema a tool is listed with: its declared schema less what only guards the gateway's input and tells a model
 * nothing it needs, sent in every {@code tools/list}: size bounds of strings ({@code minLength}, {@code maxLength}), lower
 * bounds of arrays ({@code minItems}) and their {@code uniqueItems}, syntax {@code pattern}s and {@code propertyNames} (the
 * descriptions give examples), a {@code minimum} of 0 or 1 (the natural floor of counts and offsets), an empty
 * {@code required} and {@code additionalProperties: false} (a model passes the properties it is shown; an argument it
 * invents is refused by name). Types, {@code required}, {@code enum}, other numeric bounds, {@code maxItems}, descriptions and
 * an {@code additionalProperties} schema stay. A schema that names its dialect ({@code $schema}) is listed exactly as
 * declared: its toolset asks for every keyword to reach the client (the MCP conformance suite's JSON Schema 2020-12 tool
 * checks that {@code $schema}, {@code $defs} and {@code additionalProperties} are listed). Calls are still validated against
 * the declared schema, and a broken rule is refused with a message naming the argument. Only schema positions are walked
 * (a property named {@code pattern} stays).
 */
final class ListedSchema {

    private static final Set<String> DROPPED = Set.of("minLength", "maxLength", "minItems", "uniqueItems", "pattern", "propertyNames");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> SCHEMAS = Set.of("items", "additionalProperties", "propertyNames", "contains", "not", "if", "then",
            "else", "unevaluatedProperties", "unevaluatedItems");

    private ListedSchema() {
    }

    /** A trimmed copy of {@code schema}; {@code schema} is not changed. */
    static ObjectNode of(ObjectNode schema) {
        return schema.has("$schema") ? schema.deepCopy() : trim(schema.deepCopy());
    }

    private static ObjectNode trim(ObjectNode schema) {
        schema.remove(DROPPED);
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").booleanValue()) {
            schema.remove("additionalProperties");
        }
        if (schema.path("required").isArray() && schema.get("required").isEmpty()) {
            schema.remove("required");
        }
        if (schema.path("minimum").isIntegralNumber() && schema.get("minimum").asLong() <= 1 && schema.get("minimum").asLong() >= 0) {
            schema.remove("minimum");
        }
        schema.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (SCHEMA_MAPS.contains(entry.getKey()) && value.isObject()) {
                value.forEach(ListedSchema::trimIfSchema);
            } else if (SCHEMA_LISTS.contains(entry.getKey()) && value.isArray()) {
                value.forEach(ListedSchema::trimIfSchema);
            } else if (SCHEMAS.contains(entry.getKey())) {
                trimIfSchema(value);
            }
        });
        return schema;
    }

    private static void trimIfSchema(JsonNode node) {
        if (node instanceof ObjectNode schema) {
            trim(schema);
        }
    }
}
