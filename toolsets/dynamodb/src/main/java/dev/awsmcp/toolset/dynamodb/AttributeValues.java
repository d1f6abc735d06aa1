package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between DynamoDB attribute values and the plain JSON the model reads and writes. Numbers
 * keep their exact decimal text; binaries are base64 strings; sets become arrays (plain JSON has no
 * sets, so arrays written back become lists).
 */
final class AttributeValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Levels of nested maps and lists DynamoDB accepts in one attribute value. */
    static final int MAX_DEPTH = 32;

    private AttributeValues() {
    }

    /** An item (or key) as a plain JSON object, attribute order kept. */
    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    /** A list of items as a plain JSON array. */
    static ArrayNode toJson(List<Map<String, AttributeValue>> items) {
        ArrayNode array = NODES.arrayNode(items.size());
        items.forEach(item -> array.add(toJson(item)));
        return array;
    }

    static JsonNode toJson(AttributeValue value) {
        switch (value.type()) {
            case S: return NODES.textNode(value.s());
            case N: return number(value.n());
            case B: return NODES.textNode(base64(value.b()));
            case BOOL: return NODES.booleanNode(value.bool());
            case NUL: return NODES.nullNode();
            case M: return toJson(value.m());
            case L: {
                ArrayNode array = NODES.arrayNode(value.l().size());
                value.l().forEach(element -> array.add(toJson(element)));
                return array;
            }
            case SS: {
                ArrayNode array = NODES.arrayNode(value.ss().size());
                value.ss().forEach(array::add);
                return array;
            }
            case NS: {
                ArrayNode array = NODES.arrayNode(value.ns().size());
                value.ns().forEach(n -> array.add(number(n)));
                return array;
            }
            case BS: {
                ArrayNode array = NODES.arrayNode(value.bs().size());
                value.bs().forEach(b -> array.add(base64(b)));
                return array;
            }
            default: throw new IllegalStateException("DynamoDB returned an attribute of unknown type " + value);
        }
    }

    /** A plain JSON object as an item or key; {@code argument} names it in messages. */
    static Map<String, AttributeValue> fromJsonObject(JsonNode object, String argument) {
        if (object == null || !object.isObject()) {
            throw new ToolArgumentException(argument + " must be a JSON object of attribute names to values");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> item.put(field.getKey(), fromJson(field.getValue(), argument + "." + field.getKey(), 0)));
        return item;
    }

    /** One plain JSON value as an attribute value; {@code argument} names it in messages. */
    static AttributeValue fromJson(JsonNode node, String argument) {
        return fromJson(node, argument, 0);
    }

    /**
     * {@code depth} counts the maps and lists around {@code node}. DynamoDB refuses documents nested deeper than
     * {@value #MAX_DEPTH} levels (and emulators may fail with a 500), so the gateway refuses them first, naming the attribute.
     */
    private static AttributeValue fromJson(JsonNode node, String attribute, int depth) {
        if (node.isContainerNode() && depth >= MAX_DEPTH) {
            throw new ToolArgumentException(attribute + " is nested more than " + MAX_DEPTH + " levels deep; DynamoDB allows "
                    + MAX_DEPTH + ": store the deeper part as a JSON string instead");
        }
        switch (node.getNodeType()) {
            case STRING: return AttributeValue.fromS(node.textValue());
            case NUMBER: return AttributeValue.fromN(numberText(node, attribute));
            case BOOLEAN: return AttributeValue.fromBool(node.booleanValue());
            case NULL: return AttributeValue.fromNul(true);
            case ARRAY: {
                List<AttributeValue> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(fromJson(element, attribute, depth + 1)));
                return AttributeValue.fromL(list);
            }
            case OBJECT: {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> map.put(field.getKey(), fromJson(field.getValue(), attribute, depth + 1)));
                return AttributeValue.fromM(map);
            }
            default: throw new ToolArgumentException(attribute + " has an unsupported JSON value");
        }
    }

    private static JsonNode number(String text) {
        boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (integral && text.length() <= 18) {
            // Most numbers of an item (counts, amounts in cents, epoch seconds): 18 characters always fit a long.
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        BigDecimal decimal = new BigDecimal(text);
        if (integral) {
            BigInteger integer = decimal.toBigIntegerExact();
            if (integer.bitLength() < 32) {
                return NODES.numberNode(integer.intValue());
            }
            return integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
        }
        // DecimalNode.valueOf keeps the scale ("1.10" stays 1.10); the factory may normalize it.
        return DecimalNode.valueOf(decimal);
    }

    private static String numberText(JsonNode node, String attribute) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new ToolArgumentException(attribute + ": DynamoDB numbers must be finite, got " + value);
            }
            // Shortest text that reads back as this double: 0.1 stays "0.1", not 0.1000000000000000055...
            return BigDecimal.valueOf(value).toString();
        }
        return node.decimalValue().toString();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
