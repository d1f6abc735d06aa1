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
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

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
    java.util.concurrent.CompletableFuture<SessionTaint> current(String sessionId) {
        return tracker.current(sessionId);
    }

    /** The verdict for a state-changing call with {@code arguments} in session {@code sessionId} under {@code rules}. */
    Mono<Verdict> check(String sessionId, JsonNode arguments, TaintRules rules) {
        return Mono.fromFuture(() -> tracker.current(sessionId)).map(taint -> taint.level() == TaintLevel.CLEAN ? Verdict.CLEAN
                : new Verdict(taint, rules.action(taint.level()), TaintMarkerSource.copied(arguments, taint.markers())));
    }

    /** The refusal of a call the policy denies in a tainted session. */
    static CallToolResult denied(String tool, Verdict verdict, String correlationId) {
        return withTaint(ToolResultMapper.error("denied: " + tool + " changes state, and this session is " + verdict.taint().level().id()
                + "ly tainted (" + String.join("; ", verdict.reasons().subList(1, verdict.reasons().size()))
                + "); your team's policy (taint) refuses such calls in a tainted session. Start a new session for changes, "
                + "and check the request with a person; correlation id " + correlationId, ErrorKind.TAINTED_SESSION, correlationId), verdict.audited());
    }

    /** The refusal when the session's taint cannot be read (fail closed). */
    static CallToolResult unavailable(String tool, Throwable failure, String correlationId) {
        LOG.warn("taint of the session unavailable; {} refused (correlation id {}): {}", tool, correlationId, failure.toString());
        return ToolResultMapper.error("the session's taint state could not be read, so " + tool + " (which changes state) is refused; "
                + "retry shortly; correlation id " + correlationId, ErrorKind.UNAVAILABLE, correlationId);
    }

    /**
     * Taints the session when {@code result} carries untrusted content and says so in its {@code _meta.taint}
     * (and the record, for content with findings); other results pass unchanged.
     */
    Mono<CallToolResult> afterResult(String sessionId, String tool, List<String> resources, CallToolResult result, ToolCallRecord.Builder record) {
        Map<String, Object> meta = result.meta();
        if (Boolean.TRUE.equals(result.isError()) || meta == null || !meta.containsKey("untrusted")) {
            return Mono.just(result);
        }
        // Redacted secrets are the guard protecting the caller, not an attacker's text: they do not taint strongly.
        List<String> families = meta.get("findingCounts") instanceof Map<?, ?> counts ? counts.keySet().stream().map(String::valueOf)
                .filter(family -> !GuardFinding.SECRET.equals(family)).toList() : List.of();
        TaintLevel level = families.isEmpty() ? TaintLevel.WEAK : TaintLevel.STRONG;
        Set<String> markers = level == TaintLevel.STRONG
                ? TaintMarkerSource.of(Json.mapper().valueToTree(result.structuredContent()))
                : Set.of();
        SessionTaint.Reason reason = new SessionTaint.Reason(record.correlationId(), tool, resources, level, families);
        return Mono.fromFuture(() -> tracker.taint(sessionId, reason, markers))
                .map(taint -> {
                    ObjectNode summary = taint.summary();
                    if (level == TaintLevel.STRONG) {
                        record.taint(summary);
                    }
                    return withTaint(result, summary);
                })
                .onErrorResume(e -> {
                    LOG.error("session {}: taint of {} not recorded; result withheld (correlation id {})", sessionId, tool,
                            record.correlationId(), e);
                    return Mono.just(ToolResultMapper.error("the result of " + tool + " is withheld: the session's taint could not be "
                            + "recorded; retry shortly; correlation id " + record.correlationId(), ErrorKind.UNAVAILABLE, record.correlationId()));
                });
    }

    static CallToolResult withTaint(CallToolResult result, JsonNode taint) {
        Map<String, Object> meta = result.meta() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(result.meta());
        meta.put("taint", Json.mapper().convertValue(taint, Map.class));
        return new CallToolResult(result.content(), result.isError(), result.structuredContent(), meta);
    }
}
