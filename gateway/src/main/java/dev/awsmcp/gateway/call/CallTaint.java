package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.taint.SessionTaint;
import dev.awsmcp.gateway.config.Durations;
import dev.awsmcp.gateway.taint.TaintAction;
import dev.awsmcp.gateway.taint.TaintKey;
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

    /** What the taint under {@code key} means for one state-changing call. */
    record Verdict(TaintKey key, SessionTaint taint, TaintAction action, List<String> copied) {
        static final Verdict CLEAN = new Verdict(null, SessionTaint.CLEAN, TaintAction.ALLOW, List.of());

        boolean tainted() {
            return taint.level() != TaintLevel.CLEAN;
        }

        /** "this session is strongly tainted". */
        String state() {
            return key.subject() + (key instanceof TaintKey.Principal ? " are " : " is ") + taint.level().id() + "ly tainted";
        }

        /** What the person asked to confirm is told. */
        List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            reasons.add(state() + ": " + (key instanceof TaintKey.Principal ? "they" : "it") + " read content an attacker could have written");
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

    /** The taint kept under {@code key}, as a future. */
    CompletableFuture<SessionTaint> current(TaintKey key) {
        return tracker.current(key);
    }

    /** The verdict for a state-changing call with {@code arguments} whose taint is kept under {@code key}, under {@code rules}. */
    CompletableFuture<Verdict> check(TaintKey key, JsonNode arguments, TaintRules rules) {
        return tracker.current(key).thenApply(taint -> taint.level() == TaintLevel.CLEAN ? Verdict.CLEAN
                : new Verdict(key, taint, rules.action(taint.level()), TaintMarkerSource.copied(arguments, taint.markers())));
    }

    /** The refusal of a call the policy denies in a tainted session (or for a tainted principal's requests without one). */
    CallOutcome denied(String tool, Verdict verdict, String correlationId) {
        return new CallOutcome.Refused(correlationId, ErrorKind.TAINTED_SESSION, "denied: " + tool + " changes state, and "
                + verdict.state() + " (" + String.join("; ", verdict.reasons().subList(1, verdict.reasons().size()))
                + "); your team's policy (taint) refuses such calls in a tainted session. " + remedy(verdict.key())
                + ", and check the request with a person; correlation id " + correlationId, verdict.audited());
    }

    /** How the caller gets clean again. */
    private String remedy(TaintKey key) {
        return key instanceof TaintKey.Principal
                ? "Your requests without a session stay tainted until " + Durations.format(tracker.window())
                        + " (taint.window) pass in which none of them returns data; make the change then"
                : "Start a new session for changes";
    }

    /** The refusal when the session's taint cannot be read (fail closed). */
    static CallOutcome unavailable(String tool, Throwable failure, String correlationId) {
        LOG.warn("taint unavailable; {} refused (correlation id {}): {}", tool, correlationId, failure.toString());
        return new CallOutcome.Refused(correlationId, ErrorKind.UNAVAILABLE, "the taint state of your requests could not be read, so " + tool
                + " (which changes state) is refused; retry shortly; correlation id " + correlationId);
    }

    /**
     * Taints the session when {@code outcome} carries untrusted content (every success does: it is AWS data) and tells
     * the caller in its taint (and the record, for content with findings); other outcomes pass unchanged.
     */
    CompletableFuture<CallOutcome> afterResult(TaintKey key, List<String> resources, CallOutcome outcome, ToolCallRecord.Builder record) {
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
        return tracker.taint(key, reason, markers)
                .<CallOutcome>thenApply(taint -> {
                    ObjectNode summary = taint.summary();
                    if (level == TaintLevel.STRONG) {
                        record.taint(summary);
                    }
                    return succeeded.withTaint(summary);
                })
                .exceptionally(e -> {
                    LOG.error("{}: taint of {} not recorded; result withheld (correlation id {})", key, tool,
                            record.correlationId(), e);
                    return new CallOutcome.Failed(record.correlationId(), ErrorKind.UNAVAILABLE, "the result of " + tool + " is withheld: "
                            + "the taint of what it read could not be recorded; retry shortly; correlation id " + record.correlationId());
                });
    }

    /** {@code outcome} telling the caller the session's {@code taint}, when it is a refusal (the kind a tainted session gets). */
    static CallOutcome withTaint(CallOutcome outcome, ObjectNode taint) {
        return outcome instanceof CallOutcome.Refused refused ? refused.withTaint(taint) : outcome;
    }
}
