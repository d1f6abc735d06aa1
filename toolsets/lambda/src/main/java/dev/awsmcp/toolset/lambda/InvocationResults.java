package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * An invocation's response as JSON within the caller's byte budget: the log tail (base64 from AWS)
 * decoded and kept to its last quarter of the budget, the payload parsed as JSON when it is whole and
 * valid, otherwise returned as text, cut with a marker when it does not fit.
 */
final class InvocationResults {

    /** Bytes left for the result's other fields. */
    static final int ENVELOPE_BYTES = 1024;

    private InvocationResults() {
    }

    static ObjectNode toJson(InvokeResponse response, String function, String invocationType, int maxResultBytes) {
        boolean dryRun = InvokeTool.DRY_RUN.equals(invocationType);
        String functionError = response.functionError();
        ObjectNode result = Json.object();
        // A function error is a result, not a tool failure: the invocation happened and its evidence is the point.
        result.put("outcome", dryRun ? "dry_run_passed" : functionError != null ? "function_error" : "succeeded");
        result.put("function", function);
        result.put("invocation_type", invocationType);
        result.put("status_code", response.statusCode());
        result.put("executed_version", response.executedVersion());
        result.put("function_error", functionError);
        String logTail = logTail(response.logResult(), maxResultBytes / 4);
        result.put("log_tail", logTail);
        if (dryRun) {
            return result;
        }
        byte[] payload = response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
        int budget = Math.max(0, maxResultBytes - ENVELOPE_BYTES - escapedLength(logTail == null ? "" : logTail));
        addPayload(result, payload, budget);
        if (functionError != null && result.get("payload").isObject()) {
            result.set("error_type", result.get("payload").get("errorType"));
            result.set("error_message", result.get("payload").get("errorMessage"));
        }
        return result;
    }

    private static void addPayload(ObjectNode result, byte[] payload, int budget) {
        result.put("payload_bytes", payload.length);
        if (payload.length <= budget) {
            JsonNode parsed = parse(payload);
            if (parsed != null && escapedLength(parsed) <= budget) {
                result.set("payload", parsed);
                result.put("payload_truncated", false);
                return;
            }
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        String marker = " ...[truncated by the gateway: payload is " + payload.length + " bytes]";
        if (escapedLength(text) <= budget) {
            result.put("payload", text);
            result.put("payload_truncated", false);
            return;
        }
        result.put("payload", cut(text, Math.max(0, budget - marker.length())) + marker);
        result.put("payload_truncated", true);
    }

    /** The decoded log tail, keeping its end when longer than {@code budget}; null when AWS sent none. */
    private static String logTail(String base64, int budget) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "[log tail was not valid base64]";
        }
        if (decoded.length() <= budget) {
            return decoded;
        }
        String marker = "[truncated by the gateway: earlier lines dropped]\n";
        return marker + decoded.substring(decoded.length() - Math.max(0, budget - marker.length()));
    }

    /** The longest prefix of {@code text} whose JSON string form fits {@code budget} bytes, on a code point boundary. */
    private static String cut(String text, int budget) {
        int end = Math.min(text.length(), budget);
        while (end > 0 && escapedLength(text.substring(0, end)) > budget) {
            end = Math.max(0, Math.min(end - 1, (int) ((long) end * budget / escapedLength(text.substring(0, end)))));
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static JsonNode parse(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    private static int escapedLength(String text) {
        return escapedLength(TextNode.valueOf(text));
    }

    private static int escapedLength(JsonNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot measure JSON", e);
        }
    }
}
