package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed access to a call's arguments, which the gateway has validated against the tool's schema.
 * Absent and JSON-null arguments read as {@code null}; empty expression maps read as {@code null}
 * because DynamoDB rejects empty ones.
 */
final class Arguments {

    private final JsonNode node;

    Arguments(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    String table() {
        return text("table");
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

    Integer optionalInt(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asInt();
    }

    Boolean optionalBoolean(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** {@code expression_attribute_names}: placeholders such as {@code #s} to attribute names. */
    Map<String, String> names() {
        JsonNode names = node.get("expression_attribute_names");
        if (names == null || names.isNull() || names.isEmpty()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        names.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    /** {@code expression_attribute_values}: placeholders such as {@code :v} to plain JSON values. */
    Map<String, AttributeValue> values() {
        JsonNode values = node.get("expression_attribute_values");
        if (values == null || values.isNull() || values.isEmpty()) {
            return null;
        }
        return AttributeValues.fromJsonObject(values, "expression_attribute_values");
    }

    /** A required plain JSON object argument as an item or key. */
    Map<String, AttributeValue> item(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ToolArgumentException(name + " is required");
        }
        return AttributeValues.fromJsonObject(value, name);
    }
}
