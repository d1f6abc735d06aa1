package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.toolset.api.ContentPart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one tool call came to. The pipeline's stages decide it; the audit record, the session's taint, the
 * result cache, metrics and the protocol edge (which maps it to the wire format of the client's protocol
 * revision) read it as fields. Every outcome names the call's correlation id.
 */
public sealed interface CallOutcome {

    /** The call's correlation id, in every answer and audit record. */
    String correlationId();

    /** The audit record's outcome. */
    AuditOutcome audited();

    /** The session's taint as the caller is told it (action, level, reasons); null when the call did not read or change it. */
    default ObjectNode taint() {
        return null;
    }

    /**
     * The toolset's answer after the result guard; {@code cacheAge} is set when the answer was a cached one.
     *
     * @param correlationId this call's correlation id (a cache hit gets its own)
     * @param answer the guarded answer
     * @param cacheAge how old the cached answer is; null when the toolset ran for this call
     * @param taint the session's taint after this answer; null when the answer carried no untrusted content
     */
    record Succeeded(String correlationId, GuardedAnswer answer, Duration cacheAge, ObjectNode taint) implements CallOutcome {
        public Succeeded {
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.SUCCESS;
        }

        /** This answer given again from the cache to the call {@code correlationId}, {@code age} after it was kept. */
        public Succeeded fromCache(String newCorrelationId, Duration age) {
            return new Succeeded(newCorrelationId, answer, age, null);
        }

        /** This answer, telling the caller the session's {@code newTaint}. */
        public Succeeded withTaint(ObjectNode newTaint) {
            return new Succeeded(correlationId, answer, cacheAge, newTaint);
        }
    }

    /** An outcome without the toolset's data: why, in the caller's terms, and its kind. */
    sealed interface Unsuccessful extends CallOutcome {

        /** What the caller reads: what happened and what to do about it. */
        String message();

        /** The error kind of the audit record and of the answer. */
        ErrorKind kind();

        /** What the guard found in the message (a toolset's failure passes the guard too). */
        default List<GuardFinding> findings() {
            return List.of();
        }
    }

    /**
     * Refused before the toolset ran, for a reason other than the policy's grants: unknown tool, invalid arguments,
     * arguments too large, a tainted session, no confirmation by a person, the session's taint unreadable.
     */
    record Refused(String correlationId, ErrorKind kind, String message, ObjectNode taint) implements Unsuccessful {
        public Refused {
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** Refused, without the session's taint. */
        public Refused(String correlationId, ErrorKind kind, String message) {
            this(correlationId, kind, message, null);
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.REFUSED;
        }

        /** This refusal, telling the caller the session's {@code newTaint}. */
        public Refused withTaint(ObjectNode newTaint) {
            return new Refused(correlationId, kind, message, newTaint);
        }
    }

    /** Denied by the team policies: no grant covers the tool or one of the resources. */
    record Denied(String correlationId, String message) implements Unsuccessful {
        @Override
        public ErrorKind kind() {
            return ErrorKind.ACCESS_DENIED;
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.DENIED;
        }
    }

    /** Refused because the deciding team is over its call rate; it may retry in {@code retryAfterSeconds}. */
    record Throttled(String correlationId, String message, long retryAfterSeconds) implements Unsuccessful {
        @Override
        public ErrorKind kind() {
            return ErrorKind.THROTTLED;
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.REFUSED;
        }
    }

    /**
     * The call was admitted and did not succeed: the toolset's failure (its message guarded, {@code findings} what the
     * guard found in it), a timeout, a toolset bug, the guard unable to check the result, a shutdown, a fault of the gateway.
     */
    record Failed(String correlationId, ErrorKind kind, String message, List<GuardFinding> findings) implements Unsuccessful {
        public Failed {
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            findings = List.copyOf(findings);
        }

        /** Failed, with nothing found in the message. */
        public Failed(String correlationId, ErrorKind kind, String message) {
            this(correlationId, kind, message, List.of());
        }

        @Override
        public AuditOutcome audited() {
            return kind == ErrorKind.TIMEOUT ? AuditOutcome.TIMEOUT
                    : kind == ErrorKind.INTERNAL ? AuditOutcome.INTERNAL_ERROR : AuditOutcome.TOOL_ERROR;
        }
    }

    /** The caller gave up on the call while it ran (or the toolset gave up); AWS may have carried out part of it. */
    record Cancelled(String correlationId, String message) implements Unsuccessful {
        @Override
        public ErrorKind kind() {
            return ErrorKind.CANCELLED;
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.CANCELLED;
        }
    }

    /**
     * The call did not run: a person must confirm it, and {@code question} goes back to the client, which retries the
     * call with the person's answer (MCP 2026-07-28). The retry is a call of its own, with its own record.
     *
     * @param correlationId this call's correlation id
     * @param question what the person is asked to confirm
     */
    record InputRequired(String correlationId, CallConfirmation.Request question) implements CallOutcome {
        public InputRequired {
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(question, "question");
        }

        @Override
        public AuditOutcome audited() {
            return AuditOutcome.INPUT_REQUIRED;
        }
    }

    /**
     * A toolset's successful answer after the result guard.
     *
     * @param data the answer's data, guarded: the JSON clients validate against output schemas, and the same JSON inside
     *     the untrusted-data envelope as text
     * @param parts the toolset's own content parts, their texts guarded, binary data as it was; empty when the data's
     *     text is what the model reads
     * @param partFindings what the guard found in the parts' texts
     * @param context whose answer it is (toolset, tool, resources) and the team's injection mode
     */
    record GuardedAnswer(GuardedResult data, List<ContentPart> parts, List<GuardFinding> partFindings, GuardContext context) {
        public GuardedAnswer {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(context, "context");
            parts = List.copyOf(parts);
            partFindings = List.copyOf(partFindings);
        }

        /** Everything the guard found, in the data and then in the parts. */
        public List<GuardFinding> findings() {
            if (partFindings.isEmpty()) {
                return data.findings();
            }
            List<GuardFinding> all = new ArrayList<>(data.findings());
            all.addAll(partFindings);
            return all;
        }

        /** The answer with {@code json} as its data and {@code text} as its envelope text (sizes, findings and parts kept). */
        public GuardedAnswer withData(ObjectNode json, String text) {
            return new GuardedAnswer(new GuardedResult(json, text, data.boundary(), data.findings(), data.bytesBefore(), data.bytesAfter(),
                    data.truncated()), parts, partFindings, context);
        }
    }
}
