package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.guard.GuardMeta;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A call's {@link CallOutcome} as the MCP result the model reads. A success is its guarded data as
 * {@code structuredContent} plus the same JSON inside the untrusted-data envelope as text (or the toolset's own
 * content parts, their texts guarded, binary data with its MIME type); every other outcome is {@code isError: true}
 * with its message. {@code _meta} carries the correlation id, and as they apply: {@code errorKind},
 * {@code untrusted} (envelope boundary and source), {@code findings}/{@code findingCounts}, {@code guard} (mode,
 * sizes, truncation), {@code cache} (hit, age), {@code taint} and {@code retryAfterSeconds}.
 */
final class McpCallResults {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private McpCallResults() {
    }

    /**
     * The outcome of the call {@code call} starts, on subscription; cancelling the subscription cancels the call. A tool the
     * caller may not see fails with the same error as a tool that does not exist ({@link #unknownTool}).
     */
    static Mono<CallOutcome> outcome(String tool, Supplier<CompletableFuture<CallOutcome>> call) {
        return Mono.fromFuture(call).flatMap(outcome -> outcome instanceof CallOutcome.Refused refused && refused.kind() == ErrorKind.UNKNOWN_TOOL
                ? Mono.error(unknownTool(tool)) : Mono.just(outcome));
    }

    /** The error the SDK gives for a tool it does not know; a tool the caller may not see gets the same. */
    static McpError unknownTool(String name) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("Unknown tool: invalid_tool_name")
                .data("Tool not found: " + name)
                .build();
    }

    /** {@code outcome} as an MCP tool result. */
    static CallToolResult toMcp(CallOutcome outcome) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("correlationId", outcome.correlationId());
        CallToolResult.Builder result = CallToolResult.builder();
        if (outcome instanceof CallOutcome.Succeeded succeeded) {
            CallOutcome.GuardedAnswer answer = succeeded.answer();
            if (answer.data().enveloped()) {
                GuardMeta.addTo(meta, answer.data(), answer.context());
            }
            if (!answer.partFindings().isEmpty()) {
                GuardMeta.addFindings(meta, answer.findings());
            }
            if (succeeded.cacheAge() != null) {
                meta.put("cache", Map.of("hit", true, "ageSeconds", succeeded.cacheAge().toSeconds()));
            }
            result.content(answer.parts().isEmpty() ? List.of(new TextContent(answer.data().text()))
                            : answer.parts().stream().map(McpCallResults::content).toList())
                    // The guarded tree itself: Jackson writes a JsonNode as it is, so it is not converted to maps first.
                    .structuredContent(answer.data().json())
                    .isError(false);
        } else if (outcome instanceof CallOutcome.InputRequired asked) {
            // Only 2026-07-28 confirmation asks through a retry, and its edge answers with the question instead.
            result.content(List.of(new TextContent("call " + asked.question().call().tool() + " needs a person's confirmation; it did not run")))
                    .isError(true);
        } else {
            CallOutcome.Unsuccessful failed = (CallOutcome.Unsuccessful) outcome;
            meta.put("errorKind", failed.kind().label());
            GuardMeta.addFindings(meta, failed.findings());
            if (failed instanceof CallOutcome.Throttled throttled) {
                meta.put("retryAfterSeconds", throttled.retryAfterSeconds());
            }
            result.content(List.of(new TextContent(failed.message()))).isError(true);
        }
        if (outcome.taint() != null) {
            meta.put("taint", Json.mapper().convertValue(outcome.taint(), MAP));
        }
        return result.meta(meta).build();
    }

    private static Content content(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            return new TextContent(text.text());
        }
        if (part instanceof ContentPart.Image image) {
            return new McpSchema.ImageContent(null, image.data(), image.mimeType());
        }
        if (part instanceof ContentPart.Audio audio) {
            return new McpSchema.AudioContent(null, audio.data(), audio.mimeType());
        }
        ContentPart.EmbeddedResource resource = (ContentPart.EmbeddedResource) part;
        return new McpSchema.EmbeddedResource(null, resource.text() == null
                ? new McpSchema.BlobResourceContents(resource.uri(), resource.mimeType(), resource.blob())
                : new McpSchema.TextResourceContents(resource.uri(), resource.mimeType(), resource.text()));
    }
}
