package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.api.ToolResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard stage: the one place the {@link ResultGuard} runs on a toolset's answer. Data is guarded as JSON
 * (secrets redacted, injection handled, bounded) and wrapped in the untrusted-data envelope; content parts
 * have their texts guarded and binary data passed with its MIME type; a failure's message is guarded too.
 * When the guard itself fails, the outcome is an error, never the unchecked payload.
 */
final class ResultGuarding {

    private static final Logger LOG = LoggerFactory.getLogger(ResultGuarding.class);

    private final ResultGuard guard;

    ResultGuarding(ResultGuard guard) {
        this.guard = guard;
    }

    /** {@code result} of the call {@code correlationId}, guarded per {@code context}. */
    CallOutcome outcome(ToolResult result, String correlationId, GuardContext context) {
        try {
            if (result instanceof ToolResult.Success success) {
                List<GuardFinding> partFindings = new ArrayList<>();
                List<ContentPart> parts = guarded(success.content(), context, partFindings);
                return new CallOutcome.Succeeded(correlationId,
                        new CallOutcome.GuardedAnswer(guard.apply(success.data(), context), parts, partFindings, context), null, null);
            }
            ToolResult.Failure failure = (ToolResult.Failure) result;
            List<GuardFinding> findings = new ArrayList<>();
            String message = guard.applyToText(failure.message(), "$.message", context.mode(), findings);
            return new CallOutcome.Failed(correlationId, ErrorKind.of(failure.kind()), message, findings);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("result of {} could not be guarded (correlation id {})", context.tool(), correlationId, e);
            return new CallOutcome.Failed(correlationId, ErrorKind.GUARD, "the result of " + context.tool()
                    + " could not be checked safely and is withheld; correlation id " + correlationId);
        }
    }

    /** The toolset's content parts with every text (of text parts and text resources) guarded as {@code $.content[i]}. */
    private List<ContentPart> guarded(List<ContentPart> parts, GuardContext context, List<GuardFinding> findings) {
        List<ContentPart> guarded = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            guarded.add(guarded(parts.get(i), "$.content[" + i + "]", context, findings));
        }
        return guarded;
    }

    private ContentPart guarded(ContentPart part, String path, GuardContext context, List<GuardFinding> findings) {
        if (part instanceof ContentPart.Text text) {
            return ContentPart.text(guard.applyToText(text.text(), path, context, findings));
        }
        if (part instanceof ContentPart.EmbeddedResource resource && resource.text() != null) {
            return ContentPart.resource(resource.uri(), resource.mimeType(), guard.applyToText(resource.text(), path, context, findings));
        }
        return part;
    }
}
