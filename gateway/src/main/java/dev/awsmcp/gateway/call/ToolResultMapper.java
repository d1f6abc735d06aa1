package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ToolResult;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from a toolset's {@link ToolResult} to the MCP result the model reads: data as
 * {@code structuredContent} plus the same JSON as text; failures as {@code isError: true} with the
 * toolset's message. Every result carries the correlation id in {@code _meta}.
 */
final class ToolResultMapper {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private ToolResultMapper() {
    }

    static CallToolResult toMcp(ToolResult result, String correlationId) {
        if (result instanceof ToolResult.Success success) {
            return success(success.data(), correlationId);
        }
        ToolResult.Failure failure = (ToolResult.Failure) result;
        return error(failure.message(), failure.kind().name(), correlationId);
    }

    static CallToolResult error(String message, String kind, String correlationId) {
        Map<String, Object> meta = meta(correlationId);
        meta.put("errorKind", kind);
        return CallToolResult.builder()
                .content(List.of(new TextContent(message)))
                .isError(true)
                .meta(meta)
                .build();
    }

    private static CallToolResult success(JsonNode data, String correlationId) {
        ObjectNode object;
        if (data.isObject()) {
            object = (ObjectNode) data;
        } else {
            object = Json.object();
            object.set("result", data);
        }
        String text;
        try {
            text = Json.mapper().writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool result cannot be written as JSON", e);
        }
        return CallToolResult.builder()
                .content(List.of(new TextContent(text)))
                .structuredContent(Json.mapper().convertValue(object, MAP))
                .isError(false)
                .meta(meta(correlationId))
                .build();
    }

    private static Map<String, Object> meta(String correlationId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("correlationId", correlationId);
        return meta;
    }
}
