package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.support.ToolArguments;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB arguments on top of {@link ToolArguments}: tables, expression maps and items. Empty
 * expression maps read as {@code null} because DynamoDB rejects empty ones.
 */
final class Arguments extends ToolArguments {

    Arguments(ObjectNode node) {
        super(node);
    }

    String table() {
        return text("table");
    }

    /** {@code expression_attribute_names}: placeholders such as {@code #s} to attribute names. */
    Map<String, String> names() {
        JsonNode names = optional("expression_attribute_names");
        if (names == null || names.isEmpty()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        names.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    /** {@code expression_attribute_values}: placeholders such as {@code :v} to plain JSON values. */
    Map<String, AttributeValue> values() {
        JsonNode values = optional("expression_attribute_values");
        if (values == null || values.isEmpty()) {
            return null;
        }
        return AttributeValues.fromJsonObject(values, "expression_attribute_values");
    }

    /** A required plain JSON object argument as an item or key. */
    Map<String, AttributeValue> item(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            throw new ToolArgumentException(name + " is required");
        }
        return AttributeValues.fromJsonObject(value, name);
    }
}
