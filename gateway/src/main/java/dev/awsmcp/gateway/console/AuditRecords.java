package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading audit lines as the console shows them: a line that is not a JSON object (edited, cut) reads as missing. */
final class AuditRecords {

    private AuditRecords() {
    }

    /** The record of {@code line}, or a missing node when it is not a JSON object. */
    static JsonNode parse(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return node != null && node.isObject() ? node : MissingNode.getInstance();
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The record's {@code ts}, or null when it has none that parses. */
    static Instant timestamp(JsonNode record) {
        try {
            return record.path("ts").isTextual() ? Instant.parse(record.get("ts").asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The record's {@code seq}, or -1 when it has none. */
    static long sequence(JsonNode record) {
        return record.path("seq").canConvertToLong() ? record.get("seq").asLong() : -1;
    }
}
