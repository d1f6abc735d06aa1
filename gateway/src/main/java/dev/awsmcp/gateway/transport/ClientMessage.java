package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client message as {@link JsonRpcMessageReader} read it: the SDK's view of it, its params as JSON
 * (null when absent), and its id exactly as sent (null when none). The SDK holds only string and 64-bit
 * integer ids; any other JSON number id (2^64, 1.5) travels through the SDK as a stand-in string and is
 * put back, digit for digit, in the response ({@link #write}).
 */
record ClientMessage(McpSchema.JSONRPCMessage message, JsonNode params, JsonNode id) {

    private static final String STAND_IN = "json-number-id:";

    /** The id the SDK carries for {@code id}: the string, an Integer or Long, or a stand-in string for other numbers. */
    static Object sdkId(JsonNode id) {
        if (id.isTextual()) {
            return id.textValue();
        }
        if (id.isIntegralNumber() && id.canConvertToInt()) {
            return id.intValue();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.longValue();
        }
        return STAND_IN + id.asText();
    }

    /** The key of a request id in per-session tables: its text, whatever type the SDK or the params map holds it as. */
    static String key(Object id) {
        return id instanceof JsonNode node ? node.asText() : String.valueOf(id);
    }

    /** The key of this message's id (null for a notification). */
    String idKey() {
        return id == null ? null : key(id);
    }

    /** {@code response} (to the request whose id is {@code exactId}, or null when the SDK id is exact) as JSON text. */
    static String write(McpJsonMapper json, McpSchema.JSONRPCResponse response, JsonNode exactId) throws IOException {
        return writeExact(json, json.writeValueAsString(response), response.id(), exactId);
    }

    /** {@code text}, a response the SDK wrote with {@code sdkId}, with the id the client sent ({@code exactId}) put back. */
    static String writeExact(McpJsonMapper json, String text, Object sdkId, JsonNode exactId) throws IOException {
        if (!standsIn(sdkId, exactId)) {
            return text;
        }
        // The id is the first string value after "jsonrpc"; splicing keeps every other number of the result as written.
        return text.replaceFirst(Pattern.quote(json.writeValueAsString(sdkId)), Matcher.quoteReplacement(exactId.toString()));
    }

    /** Whether {@code sdkId} is a stand-in for the number id {@code exactId} the client sent. */
    static boolean standsIn(Object sdkId, JsonNode exactId) {
        return exactId != null && sdkId instanceof String standIn && standIn.startsWith(STAND_IN);
    }
}
