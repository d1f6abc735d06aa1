package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed JSON for the keys DynamoDB returns as LastEvaluatedKey, kept inside cursors. Typed (unlike
 * plain JSON) so a binary key does not come back as a string. Key attributes are S, N or B only.
 */
final class KeyPositions {

    private KeyPositions() {
    }

    static JsonNode encode(Map<String, AttributeValue> key) {
        ObjectNode position = Json.object();
        key.forEach((name, value) -> {
            ObjectNode typed = position.putObject(name);
            switch (value.type()) {
                case S: typed.put("S", value.s()); break;
                case N: typed.put("N", value.n()); break;
                case B: typed.put("B", Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe())); break;
                default: throw new IllegalStateException("key attribute " + name + " has non-key type " + value.type());
            }
        });
        return position;
    }

    static Map<String, AttributeValue> decode(JsonNode position) {
        if (!position.isObject() || position.isEmpty()) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        position.fields().forEachRemaining(field -> key.put(field.getKey(), value(field.getValue())));
        return key;
    }

    private static AttributeValue value(JsonNode typed) {
        if (!typed.isObject() || typed.size() != 1) {
            throw invalid();
        }
        String type = typed.fieldNames().next();
        JsonNode text = typed.get(type);
        if (!text.isTextual()) {
            throw invalid();
        }
        switch (type) {
            case "S": return AttributeValue.fromS(text.textValue());
            case "N": return AttributeValue.fromN(text.textValue());
            case "B":
                try {
                    return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(text.textValue())));
                } catch (IllegalArgumentException e) {
                    throw invalid();
                }
            default: throw invalid();
        }
    }

    private static ToolArgumentException invalid() {
        return new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
    }
}
