package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to a call's arguments, which the gateway has validated against the tool's schema.
 * Absent and JSON-null arguments read as {@code null}; so do empty strings and empty lists, which AWS
 * would reject or treat as absent anyway.
 */
final class Arguments {

    private final JsonNode node;

    Arguments(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw new ToolArgumentException(name + " is required");
        }
        return value;
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    Integer optionalInt(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asInt();
    }

    boolean flag(String name, boolean absent) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? absent : value.asBoolean();
    }

    /** A list of non-empty strings, or {@code null} when absent or empty. */
    List<String> optionalTexts(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isArray() || value.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        value.forEach(element -> {
            if (!element.asText().isEmpty()) {
                texts.add(element.asText());
            }
        });
        return texts.isEmpty() ? null : List.copyOf(texts);
    }

    List<String> texts(String name) {
        List<String> texts = optionalTexts(name);
        if (texts == null) {
            throw new ToolArgumentException(name + " needs at least one entry");
        }
        return texts;
    }
}
