package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.taint.SessionTaint;
import dev.awsmcp.gateway.taint.TaintAction;
import dev.awsmcp.gateway.taint.TaintLevel;
import dev.awsmcp.gateway.taint.TaintMarkerSource;
import dev.awsmcp.gateway.taint.TaintRules;
import dev.awsmcp.gateway.taint.TaintTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's taint steps ("rule of two"): every result that carries untrusted content taints the
 * caller's session (strongly when the guard found injection-like content in it: any finding but a redacted secret), and a state-changing call in a
 * tainted session gets the team policy's action (allow, confirm, deny) with the reasons, including
 * arguments that repeat words of flagged content. Fails closed: when the taint cannot be read, a
 * state-changing call is refused; when it cannot be recorded, the result is withheld.
 */
final class CallTaint {

    private static final Logger LOG = LoggerFactory.getLogger(CallTaint.class);

    /** What the session's taint means for one state-changing call. */
    record Verdict(SessionTaint taint, TaintAction action, List<String> copied) {
        static final Verdict CLEAN = new Verdict(SessionTaint.CLEAN, TaintAction.ALLOW, List.of());

        boolean tainted() {
            return taint.level() != TaintLevel.CLEAN;
        }

        /** What the person asked to confirm is told. */
        List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            reasons.add("this session is " + taint.level().id() + "ly tainted: it read content an attacker could have written");
            taint.reasons().forEach(r -> reasons.add(r.describe()));
            copied.forEach(c -> reasons.add("argument repeats flagged content: " + c));
            return reasons;
        }

        /** For the audit record and {@code _meta.taint}. */
        ObjectNode audited() {
            ObjectNode json = taint.summary();
            json.put("action", action.id());
            copied.forEach(json.withArray("copied")::add);
            return json;
        }
    }

    private final TaintTracker tracker;

    CallTaint(TaintTracker tracker) {
        this.tracker = tracker;
    }

    /** The session's taint, as a future. */
    CompletableFuture<SessionTaint> current(String sessionId) {
        return tracker.current(sessionId);
    }

    /** The verdict for a state-changing call with {@code arguments} in session {@code sessionId} under {@code rules}. */
    CompletableFuture<Verdict> check(String sessionId, JsonNode arguments, TaintRules rules) {
        return tracker.current(sessionId).thenApply(taint -> taint.level() == TaintLevel.CLEAN ? Verdict.CLEAN
                : new Verdict(taint, rules.action(taint.level()), TaintMarkerSource.copied(arguments, taint.markers())));
    }

    /** The refusal of a call the policy denies in a tainted session. */
    static CallOutcome denied(String tool, Verdict verdict, String correlationId) {
        return new CallOutcome.Refused(correlationId, ErrorKind.TAINTED_SESSION, "denied: " + tool + " changes state, and this session is "
                + verdict.taint().level().id() + "ly tainted (" + String.join("; ", verdict.reasons().subList(1, verdict.reasons().size()))
                + "); your team's policy (taint) refuses such calls in a tainted session. Start a new session for changes, "
                + "and check the request with a person; correlation id " + correlationId, verdict.audited());
    }

    /** The refusal when the session's taint cannot be read (fail closed). */
    static CallOutcome unavailable(String tool, Throwable failure, String correlationId) {
        LOG.warn("taint of the session unavailable; {} refused (correlation id {}): {}", tool, correlationId, failure.toString());
        return new CallOutcome.Refused(correlationId, ErrorKind.UNAVAILABLE, "the session's taint state could not be read, so " + tool
                + " (which changes state) is refused; retry shortly; correlation id " + correlationId);
    }

    /**
     * Taints the session when {@code outcome} carries untrusted content (every success does: it is AWS data) and tells
     * the caller in its taint (and the record, for content with findings); other outcomes pass unchanged.
     */
    CompletableFuture<CallOutcome> afterResult(String sessionId, List<String> resources, CallOutcome outcome, ToolCallRecord.Builder record) {
        if (!(outcome instanceof CallOutcome.Succeeded succeeded)) {
            return CompletableFuture.completedFuture(outcome);
        }
        String tool = succeeded.answer().context().tool();
        // Redacted secrets are the guard protecting the caller, not an attacker's text: they do not taint strongly.
        List<String> families = succeeded.answer().findings().stream().map(GuardFinding::family)
                .filter(family -> !GuardFinding.SECRET.equals(family)).distinct().sorted().toList();
        TaintLevel level = families.isEmpty() ? TaintLevel.WEAK : TaintLevel.STRONG;
        Set<String> markers = level == TaintLevel.STRONG ? TaintMarkerSource.of(succeeded.answer().data().json()) : Set.of();
        SessionTaint.Reason reason = new SessionTaint.Reason(record.correlationId(), tool, resources, level, families);
        return tracker.taint(sessionId, reason, markers)
                .<CallOutcome>thenApply(taint -> {
                    ObjectNode summary = taint.summary();
                    if (level == TaintLevel.STRONG) {
                        record.taint(summary);
                    }
                    return succeeded.withTaint(summary);
                })
                .exceptionally(e -> {
                    LOG.error("session {}: taint of {} not recorded; result withheld (correlation id {})", sessionId, tool,
                            record.correlationId(), e);
                    return new CallOutcome.Failed(record.correlationId(), ErrorKind.UNAVAILABLE, "the result of " + tool + " is withheld: "
                            + "the session's taint could not be recorded; retry shortly; correlation id " + record.correlationId());
                });
    }

    /** {@code outcome} telling the caller the session's {@code taint}, when it is a refusal (the kind a tainted session gets). */
    static CallOutcome withTaint(CallOutcome outcome, ObjectNode taint) {
        return outcome instanceof CallOutcome.Refused refused ? refused.withTaint(taint) : outcome;
    }
}
