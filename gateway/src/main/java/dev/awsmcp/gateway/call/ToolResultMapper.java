package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.GuardMeta;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a toolset's {@link ToolResult} to the MCP result the model reads, and the one
 * place the {@link ResultGuard} runs: data, guarded, as {@code structuredContent} plus the same JSON
 * inside the untrusted-data envelope as text (or, when the toolset returned content parts, those parts,
 * their texts guarded, binary data passed with its MIME type); failures as {@code isError: true} with the toolset's
 * message, secrets redacted and injection handled. Every result carries the correlation id in
 * {@code _meta}, guarded ones also the envelope and findings. When the guard fails the result is an
 * error, never the unchecked payload.
 */
final class ToolResultMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ToolResultMapper.class);
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private ToolResultMapper() {
    }

    static CallToolResult toMcp(ToolResult result, String correlationId, ResultGuard guard, GuardContext context) {
        try {
            if (result instanceof ToolResult.Success success) {
                List<GuardFinding> partFindings = new ArrayList<>();
                List<Content> parts = parts(success.content(), guard, context, partFindings);
                return success(guard.apply(success.data(), context), parts, partFindings, context, correlationId);
            }
            ToolResult.Failure failure = (ToolResult.Failure) result;
            List<GuardFinding> findings = new ArrayList<>();
            String message = guard.applyToText(failure.message(), "$.message", context.mode(), findings);
            return error(message, ErrorKind.of(failure.kind()), correlationId, findings);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("result of {} could not be guarded (correlation id {})", context.tool(), correlationId, e);
            return error("the result of " + context.tool() + " could not be checked safely and is withheld; correlation id "
                    + correlationId, ErrorKind.GUARD, correlationId);
        }
    }

    /**
     * A cached success answered again: its content as it was kept, with this call's correlation id and
     * {@code _meta.cache: {hit: true, ageSeconds: N}}.
     */
    static CallToolResult cacheHit(CallToolResult stored, String correlationId, Duration age) {
        Map<String, Object> meta = new LinkedHashMap<>(stored.meta() == null ? Map.of() : stored.meta());
        meta.put("correlationId", correlationId);
        meta.put("cache", Map.of("hit", true, "ageSeconds", age.toSeconds()));
        return CallToolResult.builder()
                .content(List.copyOf(stored.content()))
                .structuredContent(stored.structuredContent())
                .isError(false)
                .meta(meta)
                .build();
    }

    static CallToolResult error(String message, ErrorKind kind, String correlationId) {
        return error(message, kind, correlationId, List.of());
    }

    private static CallToolResult error(String message, ErrorKind kind, String correlationId, List<GuardFinding> findings) {
        Map<String, Object> meta = meta(correlationId);
        meta.put("errorKind", kind.label());
        GuardMeta.addFindings(meta, findings);
        return CallToolResult.builder()
                .content(List.of(new TextContent(message)))
                .isError(true)
                .meta(meta)
                .build();
    }

    private static CallToolResult success(GuardedResult guarded, List<Content> parts, List<GuardFinding> partFindings, GuardContext context,
            String correlationId) {
        Map<String, Object> meta = meta(correlationId);
        GuardMeta.addTo(meta, guarded, context);
        if (!partFindings.isEmpty()) {
            List<GuardFinding> all = new ArrayList<>(guarded.findings());
            all.addAll(partFindings);
            GuardMeta.addFindings(meta, all);
        }
        return CallToolResult.builder()
                .content(parts.isEmpty() ? List.of(new TextContent(guarded.text())) : parts)
                .structuredContent(Json.mapper().convertValue(guarded.json(), MAP))
                .isError(false)
                .meta(meta)
                .build();
    }

    /**
     * The toolset's content parts as MCP content: every text (of text parts and text resources) through
     * the guard as {@code $.content[i]}, binary data (images, audio, blobs) unchanged with its MIME type.
     */
    private static List<Content> parts(List<ContentPart> parts, ResultGuard guard, GuardContext context, List<GuardFinding> findings) {
        List<Content> content = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            content.add(toMcp(parts.get(i), "$.content[" + i + "]", guard, context, findings));
        }
        return content;
    }

    private static Content toMcp(ContentPart part, String path, ResultGuard guard, GuardContext context, List<GuardFinding> findings) {
        if (part instanceof ContentPart.Text text) {
            return new TextContent(guard.applyToText(text.text(), path, context, findings));
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
                : new McpSchema.TextResourceContents(resource.uri(), resource.mimeType(),
                        guard.applyToText(resource.text(), path, context, findings)));
    }

    private static Map<String, Object> meta(String correlationId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("correlationId", correlationId);
        return meta;
    }
}
