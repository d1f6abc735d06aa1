package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.taint.TaintAction;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate and gate stages, between an admitted call and its toolset: the deciding team's call rate is counted; a
 * state-changing call in a tainted session gets the team's taint action (deny, or confirm with the reasons); and a
 * person confirms first when the team's policy or the taint asks for it. Completes empty when the call may run, or
 * with the outcome that refuses it.
 */
final class CallGate {

    private static final Logger LOG = LoggerFactory.getLogger(CallGate.class);

    private final CallRateLimiter rates;
    private final CallTaint taint;

    CallGate(CallRateLimiter rates, CallTaint taint) {
        this.rates = rates;
        this.taint = taint;
    }

    /** Empty when {@code admitted} may run now, else the outcome that refuses it. */
    CompletableFuture<Optional<CallOutcome>> pass(CallAdmission.Admitted admitted) {
        CallState state = admitted.state();
        String team = admitted.team();
        int perMinute = admitted.limits().callsPerMinute();
        return rates.acquire(team, perMinute).toCompletableFuture().thenCompose(retryAfter -> {
            if (retryAfter.isEmpty()) {
                return gate(admitted);
            }
            state.record().decision("refused", "rate limit: team " + team + " over " + perMinute + " calls per minute ("
                    + admitted.allowed().rule() + ")", team);
            return CompletableFuture.completedFuture(Optional.of(new CallOutcome.Throttled(state.correlationId(), "team " + team
                    + " is over its limit of " + perMinute + " calls per minute; retry in about " + retryAfter.getAsLong() + "s",
                    retryAfter.getAsLong())));
        });
    }

    private CompletableFuture<Optional<CallOutcome>> gate(CallAdmission.Admitted admitted) {
        CallState state = admitted.state();
        RegisteredTool tool = state.tool();
        if (tool.spec().access() == Access.READ) {
            return confirmed(admitted, CallTaint.Verdict.CLEAN);
        }
        return taint.check(state.taintKey(), state.arguments(), state.policy().taintRules(admitted.team()))
                .handle((verdict, failure) -> failure != null
                        ? refuse(CallTaint.unavailable(tool.name(), failure, state.correlationId()))
                        : tainted(admitted, verdict))
                .thenCompose(next -> next);
    }

    private CompletableFuture<Optional<CallOutcome>> tainted(CallAdmission.Admitted admitted, CallTaint.Verdict verdict) {
        CallState state = admitted.state();
        ToolCallRecord.Builder record = state.record();
        if (verdict.tainted()) {
            record.taint(verdict.audited());
        }
        if (verdict.action() != TaintAction.DENY) {
            return confirmed(admitted, verdict);
        }
        RegisteredTool tool = state.tool();
        LOG.info("call {} denied in a tainted session {} (correlation id {})", tool.name(), state.taintKey(), state.correlationId());
        record.decision("refused", "tainted session: team " + admitted.team() + " policy taint denies " + accessOf(tool) + " calls",
                admitted.team());
        return refuse(taint.denied(tool.name(), verdict, state.correlationId()));
    }

    /** Asks a person when the team's policy or the session's taint wants the call confirmed. */
    private CompletableFuture<Optional<CallOutcome>> confirmed(CallAdmission.Admitted admitted, CallTaint.Verdict verdict) {
        CallState state = admitted.state();
        RegisteredTool tool = state.tool();
        EffectivePolicy policy = state.policy();
        List<String> reasons = new ArrayList<>();
        if (policy.confirms(admitted.team(), tool.spec().access())) {
            reasons.add("team " + admitted.team() + " requires confirmation of " + accessOf(tool) + " calls (policy confirm)");
        }
        if (verdict.action() == TaintAction.CONFIRM) {
            reasons.addAll(verdict.reasons());
        }
        if (reasons.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CallConfirmation.Request request = CallConfirmations.request(tool, state.arguments(), admitted.team(), admitted.guard().resources(),
                reasons);
        return CallConfirmations.confirm(request, state.record(), state.arrival().channel().confirmation(), state.arrival().cancellation())
                .thenApply(refusal -> refusal.map(r -> verdict.tainted() ? CallTaint.withTaint(r, verdict.audited()) : r));
    }

    private static String accessOf(RegisteredTool tool) {
        return tool.spec().access().name().toLowerCase(Locale.ROOT);
    }

    private static CompletableFuture<Optional<CallOutcome>> refuse(CallOutcome outcome) {
        return CompletableFuture.completedFuture(Optional.of(outcome));
    }
}
