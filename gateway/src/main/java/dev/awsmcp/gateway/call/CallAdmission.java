package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.cursor.CursorBinding;
import dev.awsmcp.gateway.cursor.CursorRejectedException;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.policy.Decision;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.ResourceRef;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorize stage: the caller must see the tool (a hidden tool is refused exactly like an unknown one), the
 * arguments' sealed cursor must open for this very call, the arguments must be within bounds and valid against the
 * tool's schema, and every resource the call names (canonicalized) must be granted. What it admits carries the
 * deciding team, its limits, and how the call's result is guarded.
 */
final class CallAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(CallAdmission.class);

    /** Either the call admitted, or the outcome that refuses it. */
    sealed interface Admission {
    }

    /** The call refused (or denied) before anything ran. */
    record Refusal(CallOutcome outcome) implements Admission {
    }

    /**
     * The call admitted.
     *
     * @param state the call, authorized: the caller's policy, the arguments with their cursor opened
     * @param allowed the deciding team and its rule
     * @param limits the deciding team's limits
     * @param guard how the call's result is guarded
     * @param control the call's cancellation, and the client's channel guarded like the result
     */
    record Admitted(CallState state, Decision.Allowed allowed, TeamPolicy.TeamLimits limits, GuardContext guard, CallControl control)
            implements Admission {

        String team() {
            return allowed.team();
        }
    }

    private final PolicyStore policies;
    private final CallCursors cursors;
    private final ArgumentLimits argumentLimits;
    private final ResultGuard guard;

    CallAdmission(PipelineParts parts) {
        this.policies = parts.policies();
        this.cursors = new CallCursors(parts.session().cursors());
        this.argumentLimits = parts.limits().arguments();
        this.guard = parts.execution().guard();
    }

    /** The caller's policy, or null when nobody authenticated; names the caller in the record. */
    private EffectivePolicy policyOf(Principal principal, ToolCallRecord.Builder record) {
        if (principal == null) {
            return null;
        }
        EffectivePolicy policy = policies.effective(principal);
        record.caller(principal.id(), policy.teams());
        return policy;
    }

    /** The call authorized and admitted, or the outcome that refuses it. */
    Admission admit(CallState arrived) {
        RegisteredTool tool = arrived.tool();
        Principal principal = arrived.principal();
        ToolCallRecord.Builder record = arrived.record();
        EffectivePolicy policy = policyOf(principal, record);
        if (policy == null || !policy.toolVisible(tool)) {
            LOG.info("call {} by {} refused: tool not granted (correlation id {}{})", tool.name(),
                    principal == null ? "nobody" : principal.id(), arrived.correlationId(), trace(arrived));
            record.decision("refused", "tool not granted to the caller (answered as unknown)", null);
            return new Refusal(new CallOutcome.Refused(arrived.correlationId(), ErrorKind.UNKNOWN_TOOL, "unknown tool " + tool.name()));
        }
        ObjectNode opened;
        try {
            opened = cursors.open(arrived.arguments(), CursorBinding.of(principal, tool.name(), arrived.arguments()));
        } catch (CursorRejectedException e) {
            return invalid(arrived, e.getMessage(), "");
        }
        return checked(arrived.authorized(policy, opened));
    }

    /** Arguments and resources: everything decided before the team's call rate is counted and the toolset may run. */
    private Admission checked(CallState state) {
        RegisteredTool tool = state.tool();
        ObjectNode arguments = state.arguments();
        Optional<String> oversized = argumentLimits.check(arguments);
        if (oversized.isPresent()) {
            state.record().decision("refused", "arguments too large: " + oversized.get(), null);
            return new Refusal(new CallOutcome.Refused(state.correlationId(), ErrorKind.ARGUMENTS_TOO_LARGE, "arguments for " + tool.name()
                    + " refused: " + oversized.get() + ". Send fewer or smaller arguments (narrow the request, or split it into several calls)."));
        }
        Optional<String> invalid = tool.arguments().validate(arguments);
        if (invalid.isPresent()) {
            return invalid(state, invalid.get(), ". Check the tool's input schema and call again.");
        }
        Decision decision;
        List<ResourceRef> resources;
        try {
            resources = tool.spec().resources().apply(arguments);
            decision = state.policy().authorize(tool, resources);
        } catch (IllegalArgumentException e) {
            return invalid(state, e.getMessage(), "");
        }
        if (decision instanceof Decision.Denied denied) {
            LOG.info("call {} by {} denied: {} (correlation id {}{})", tool.name(), state.principal().id(), denied.reason(), state.correlationId(),
                    trace(state));
            state.record().decision("denied", denied.reason(), null);
            return new Refusal(new CallOutcome.Denied(state.correlationId(), "denied by policy: " + denied.toCaller()
                    + ". Ask your platform team to extend the grant if this access is needed."));
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        LOG.debug("call {} by {} allowed by {} ({}) (correlation id {}{})", tool.name(), state.principal().id(), allowed.team(), allowed.rule(),
                state.correlationId(), trace(state));
        state.record().decision("allowed", allowed.rule(), allowed.team());
        return admitted(state, allowed, resources);
    }

    /** The request's W3C trace context for a log line, when it carried one. */
    private static String trace(CallState state) {
        String parent = state.arrival().origin().traceParent();
        return parent == null ? "" : ", traceparent " + parent;
    }

    private static Refusal invalid(CallState state, String problem, String fix) {
        state.record().decision("refused", "invalid arguments: " + problem, null);
        return new Refusal(new CallOutcome.Refused(state.correlationId(), ErrorKind.INVALID_ARGUMENT, "invalid arguments for "
                + state.tool().name() + ": " + problem + fix));
    }

    private Admitted admitted(CallState state, Decision.Allowed allowed, List<ResourceRef> resources) {
        RegisteredTool tool = state.tool();
        EffectivePolicy policy = state.policy();
        TeamPolicy.TeamLimits teamLimits = policy.limitsOf(allowed.team());
        GuardContext guarding = new GuardContext(policy.injectionOf(allowed.team()), teamLimits.maxResultBytes(), tool.toolsetId(),
                tool.name(), resources.stream().map(ResourceRef::name).toList(), policy.semanticOf(allowed.team()),
                dev.awsmcp.gateway.guard.SemanticVerdicts.NONE);
        // What the toolset sends the client while it runs (logs, progress, sampling, elicitation) is guarded like its result.
        CallControl control = GuardedClientRequests.control(state.arrival().channel(), guard, guarding.mode(), tool.name(),
                state.correlationId());
        return new Admitted(state, allowed, teamLimits, guarding, control);
    }
}
