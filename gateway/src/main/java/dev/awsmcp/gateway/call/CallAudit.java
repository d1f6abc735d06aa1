package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditException;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.aws.AwsRequestIds;
import dev.awsmcp.gateway.guard.GuardMeta;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit stage: a call reserves room for its record before anything else, and its one answer goes out only
 * after its one record was accepted ({@link #respond}). When the trail cannot take the record, the caller gets
 * an error instead of the outcome ({@link #unavailable}).
 */
final class CallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CallAudit.class);

    private final AuditLog log;
    private final AwsRequestIds requestIds;
    private final List<Consumer<ToolCallRecord>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    CallAudit(AuditLog log, AwsRequestIds requestIds) {
        this.log = log;
        this.requestIds = requestIds;
    }

    /** Room for one record; fails with {@link AuditException} when the trail is overloaded (policy refuse) or closed. */
    CompletableFuture<AuditLog.Reservation> reserve() {
        return log.reserve().toCompletableFuture();
    }

    /** Starts collecting the AWS request ids of the call. */
    void collectRequestIds(String correlationId) {
        requestIds.open(correlationId);
    }

    /**
     * Writes the call's record from {@code outcome} (outcome, error kind, sizes, findings) and then completes with
     * {@code outcome}; fails with {@link AuditException} when the record was not accepted. A call already answered
     * (cancelled while the toolset ran, stopped at shutdown) gets no second record: {@code outcome} is dropped.
     */
    CompletableFuture<CallOutcome> respond(CallTrail trail, CallOutcome outcome) {
        if (!trail.answer()) {
            return CompletableFuture.completedFuture(outcome);
        }
        ToolCallRecord.Builder record = trail.record();
        ErrorKind kind = outcome instanceof CallOutcome.Unsuccessful failed ? failed.kind() : null;
        ToolCallRecord finished = record.finish(outcome.audited(), kind, sizes(outcome), findings(outcome),
                requestIds.close(record.correlationId()));
        for (Consumer<ToolCallRecord> observer : observers) {
            try {
                observer.accept(finished);
            } catch (RuntimeException e) {
                LOG.warn("call observer failed on {}", finished.correlationId(), e);
            }
        }
        return log.append(trail.slot(), finished).toCompletableFuture().thenApply(written -> outcome);
    }

    /** Hands every finished call's record to {@code observer} too (metrics, recently used tools); it must be fast and not block. */
    void observe(Consumer<ToolCallRecord> observer) {
        observers.add(observer);
    }

    /** The answer of a call whose record cannot be accepted: an error, never a success. */
    static CallOutcome unavailable(Throwable failure, String correlationId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AuditException audit && audit.reason() == AuditException.Reason.OVERLOADED) {
            LOG.warn("call {} refused: audit trail overloaded", correlationId);
            return new CallOutcome.Failed(correlationId, ErrorKind.AUDIT_OVERLOADED, "audit trail is overloaded; retry shortly");
        }
        LOG.error("call {} answered with an error: its audit record could not be written", correlationId, cause);
        return new CallOutcome.Failed(correlationId, ErrorKind.AUDIT_UNAVAILABLE, "audit trail is unavailable; the call's outcome "
                + "could not be recorded, so it is not reported as successful. Retry shortly; correlation id " + correlationId);
    }

    /** Result sizes before and after the guard's limit; for an error, the bytes of its message; none for a question. */
    private static ToolCallRecord.Sizes sizes(CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Succeeded succeeded) {
            GuardedResult data = succeeded.answer().data();
            return new ToolCallRecord.Sizes(data.bytesBefore(), data.bytesAfter(), data.truncated());
        }
        long bytes = outcome instanceof CallOutcome.Unsuccessful failed ? failed.message().getBytes(StandardCharsets.UTF_8).length : 0;
        return new ToolCallRecord.Sizes(bytes, bytes, false);
    }

    /** The guard's findings as the answer lists them (family, rule, path, detail: never the text found). */
    private static List<JsonNode> findings(CallOutcome outcome) {
        List<dev.awsmcp.gateway.guard.GuardFinding> found = outcome instanceof CallOutcome.Succeeded succeeded ? succeeded.answer().findings()
                : outcome instanceof CallOutcome.Unsuccessful failed ? failed.findings() : List.of();
        return GuardMeta.listed(found).stream().map(f -> (JsonNode) Json.mapper().valueToTree(f)).toList();
    }
}
