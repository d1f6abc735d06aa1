package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.tracing.CallSpan;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The calls of {@link GatewayTool}s: audit room reserved first, the caller authenticated and allowed to see the tool (else
 * refused like an unknown tool), the answer made on the dispatch pool, and one record (toolset {@value GatewayTool#TOOLSET},
 * access {@code READ}) written before the outcome is answered, as for every call. No rate, taint, confirmation or guard
 * stage: the tool reads nothing but the gateway's own catalog.
 */
final class GatewayToolCalls {

    private final Executor dispatch;
    private final PolicyStore policies;
    private final CallAudit audit;

    GatewayToolCalls(Executor dispatch, PolicyStore policies, CallAudit audit) {
        this.dispatch = dispatch;
        this.policies = policies;
        this.audit = audit;
    }

    CompletableFuture<CallOutcome> call(GatewayTool tool, ObjectNode arguments, Principal principal, CallOrigin origin) {
        ToolCallRecord.Builder record = ToolCallRecord.builder(UUID.randomUUID().toString(), tool.name())
                .origin(origin.sessionId(), origin.client())
                .trace(origin.traceParent())
                .toolset(GatewayTool.TOOLSET, "READ")
                .arguments(arguments);
        return audit.reserve()
                .thenComposeAsync(slot -> audit.respond(new CallTrail(record, slot, CallSpan.NONE), answer(tool, arguments, principal, record)),
                        dispatch)
                .exceptionally(e -> CallAudit.unavailable(e, record.correlationId()));
    }

    private CallOutcome answer(GatewayTool tool, ObjectNode arguments, Principal principal, ToolCallRecord.Builder record) {
        String correlationId = record.correlationId();
        EffectivePolicy policy = principal == null ? null : policies.effective(principal);
        if (policy != null) {
            record.caller(principal.id(), policy.teams());
        }
        if (policy == null || !tool.visible(policy)) {
            record.decision("refused", "tool not granted to the caller (answered as unknown)", null);
            return new CallOutcome.Refused(correlationId, ErrorKind.UNKNOWN_TOOL, "unknown tool " + tool.name());
        }
        ObjectNode answer;
        try {
            answer = tool.answer(policy, arguments);
        } catch (IllegalArgumentException e) {
            record.decision("refused", "invalid arguments: " + e.getMessage(), null);
            return new CallOutcome.Refused(correlationId, ErrorKind.INVALID_ARGUMENT, "invalid arguments for " + tool.name() + ": "
                    + e.getMessage());
        }
        record.decision("allowed", "the gateway's own tool, answered from the caller's visible tools", null);
        GuardedResult data = GuardedResult.trusted(answer);
        return new CallOutcome.Succeeded(correlationId, new CallOutcome.GuardedAnswer(data, List.of(), List.of(),
                new GuardContext(GuardMode.FLAG, GuardContext.DEFAULT_MAX_RESULT_BYTES, GatewayTool.TOOLSET, tool.name(), List.of())), null, null);
    }
}
