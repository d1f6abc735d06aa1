package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.AuditException;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.aws.AwsRequestIds;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The pipeline's side of the audit trail: a call reserves room for its record before anything else,
 * and every answer goes out only after its one record was accepted ({@link #respond}). When the
 * trail cannot take the record, the caller gets a tool error instead of a result.
 */
final class CallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CallAudit.class);

    private final AuditLog log;
    private final AwsRequestIds requestIds;
    private volatile java.util.function.Consumer<ToolCallRecord> observer = record -> {
    };

    CallAudit(AuditLog log, AwsRequestIds requestIds) {
        this.log = log;
        this.requestIds = requestIds;
    }

    /** Room for one record; fails with {@link AuditException} when the trail is overloaded (policy refuse) or closed. */
    Mono<AuditLog.Reservation> reserve() {
        return Mono.fromCompletionStage(log::reserve);
    }

    /** Starts collecting the AWS request ids of the call. */
    void collectRequestIds(String correlationId) {
        requestIds.open(correlationId);
    }

    /**
     * Writes the call's record (outcome, error kind and sizes from {@code result}) and then emits
     * {@code result}; fails with {@link AuditException} when the record was not accepted.
     */
    Mono<CallToolResult> respond(AuditLog.Reservation slot, ToolCallRecord.Builder record, CallToolResult result, AuditOutcome outcome) {
        ToolCallRecord finished = record.finish(outcome, errorKind(result), sizes(result), findings(result),
                requestIds.close(record.correlationId()));
        try {
            observer.accept(finished);
        } catch (RuntimeException e) {
            LOG.warn("call observer failed on {}", finished.correlationId(), e);
        }
        return Mono.fromCompletionStage(() -> log.append(slot, finished)).thenReturn(result);
    }

    /** Hands every finished call's record to {@code observer} too (metrics); it must be fast and not block. */
    void observe(java.util.function.Consumer<ToolCallRecord> observer) {
        this.observer = observer;
    }

    /** The outcome of a call the toolset ran, from its answer. */
    static AuditOutcome outcomeOf(CallToolResult result) {
        if (!Boolean.TRUE.equals(result.isError())) {
            return AuditOutcome.SUCCESS;
        }
        ErrorKind kind = errorKind(result);
        return kind == ErrorKind.TIMEOUT ? AuditOutcome.TIMEOUT
                : kind == ErrorKind.INTERNAL ? AuditOutcome.INTERNAL_ERROR : AuditOutcome.TOOL_ERROR;
    }

    /** The tool error a call gets when its record cannot be accepted; never a success. */
    static CallToolResult unavailable(Throwable failure, String correlationId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AuditException audit && audit.reason() == AuditException.Reason.OVERLOADED) {
            LOG.warn("call {} refused: audit trail overloaded", correlationId);
            return ToolResultMapper.error("audit trail is overloaded; retry shortly", ErrorKind.AUDIT_OVERLOADED, correlationId);
        }
        LOG.error("call {} answered with an error: its audit record could not be written", correlationId, cause);
        return ToolResultMapper.error("audit trail is unavailable; the call's outcome could not be recorded, so it is not "
                + "reported as successful. Retry shortly; correlation id " + correlationId, ErrorKind.AUDIT_UNAVAILABLE, correlationId);
    }

    /** The kind {@link ToolResultMapper#error} wrote into {@code _meta.errorKind}; null on success. */
    static ErrorKind errorKind(CallToolResult result) {
        Object kind = result.meta() == null ? null : result.meta().get("errorKind");
        return kind == null ? null : ErrorKind.valueOf(String.valueOf(kind));
    }

    /** Result sizes before and after the guard's limit, from its {@code _meta.guard}; the answered text otherwise. */
    private static ToolCallRecord.Sizes sizes(CallToolResult result) {
        Object guard = result.meta() == null ? null : result.meta().get("guard");
        if (guard instanceof java.util.Map<?, ?> g && g.get("bytesBefore") instanceof Number before
                && g.get("bytesAfter") instanceof Number after) {
            return new ToolCallRecord.Sizes(before.longValue(), after.longValue(), Boolean.TRUE.equals(g.get("truncated")));
        }
        long text = textBytes(result);
        return new ToolCallRecord.Sizes(text, text, false);
    }

    /** The guard's findings listed in {@code _meta.findings} (family, rule, path, detail: never the text found). */
    private static java.util.List<com.fasterxml.jackson.databind.JsonNode> findings(CallToolResult result) {
        Object findings = result.meta() == null ? null : result.meta().get("findings");
        if (!(findings instanceof java.util.List<?> list)) {
            return java.util.List.of();
        }
        return list.stream().map(f -> (com.fasterxml.jackson.databind.JsonNode) dev.awsmcp.toolset.support.Json.mapper().valueToTree(f))
                .toList();
    }

    private static long textBytes(CallToolResult result) {
        long bytes = 0;
        if (result.content() != null) {
            for (McpSchema.Content content : result.content()) {
                if (content instanceof McpSchema.TextContent text) {
                    bytes += text.text().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return bytes;
    }
}
