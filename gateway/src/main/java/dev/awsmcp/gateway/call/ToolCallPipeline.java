package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditException;
import dev.awsmcp.gateway.audit.BoundedText;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.taint.SessionTaint;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.tracing.CallSpan;
import dev.awsmcp.gateway.tracing.CallTracer;
import io.opentelemetry.context.Scope;
import dev.awsmcp.toolset.support.Json;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of every {@code tools/call}, in stages over one {@link CallState}: audit room is reserved
 * ({@link CallAudit}); the call is authorized and admitted ({@link CallAdmission}: tool visible to the caller,
 * cursor, arguments, resources); the team's rate, the session's taint and a person's confirmation are passed
 * ({@link CallGate}); the toolset runs and its answer passes the result guard ({@link CallExecution},
 * {@link ResultGuarding}); the session is tainted by what was read ({@link CallTaint}); and the call's one record is
 * written before its {@link CallOutcome} is answered. Every outcome, including a toolset bug, is an outcome the
 * protocol edge maps for the client; the arguments are copied, checked and validated on the dispatch pool, never on
 * an event loop.
 */
public final class ToolCallPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallPipeline.class);

    private final Executor dispatch;
    private final PolicyStore policies;
    private final CallAudit audit;
    private final CallAdmission admission;
    private final CallGate gate;
    private final CallExecution execution;
    private final CallTaint taint;
    private final CallTracer tracer;
    private final GatewayToolCalls gatewayTools;

    /** A pipeline of {@code parts}. */
    public ToolCallPipeline(PipelineParts parts) {
        this.dispatch = parts.execution().dispatch();
        this.policies = parts.policies();
        this.audit = new CallAudit(parts.trail().log(), parts.trail().requestIds());
        this.taint = new CallTaint(parts.session().taints());
        this.admission = new CallAdmission(parts);
        this.gate = new CallGate(parts.session().rates(), taint);
        this.execution = new CallExecution(parts, audit);
        this.tracer = parts.trail().tracer();
        this.gatewayTools = new GatewayToolCalls(dispatch, policies, audit);
    }

    /**
     * Hands the record of every call that got one (whatever its outcome) to {@code observer} as well, after the observers
     * given before, when it is written; for metrics. The observer runs on the call's thread: it must be fast and not block.
     */
    public void observe(Consumer<ToolCallRecord> observer) {
        audit.observe(observer);
    }

    /** The taint kept under {@code key} (clean when unknown or null), e.g. for {@code gateway://whoami}. */
    public CompletableFuture<SessionTaint> sessionTaint(dev.awsmcp.gateway.taint.TaintKey key) {
        return key == null ? CompletableFuture.completedFuture(SessionTaint.CLEAN) : taint.current(key);
    }

    /** {@link #call(RegisteredTool, Map, Principal, CallOrigin, ClientChannel)} for a client that gets no progress and cannot confirm. */
    public CompletableFuture<CallOutcome> call(RegisteredTool tool, Map<String, Object> arguments, Principal principal, CallOrigin origin) {
        return call(tool, arguments, principal, origin, ClientChannel.NONE);
    }

    /**
     * Runs one call of {@code tool} with {@code arguments} for {@code principal} (null: nobody authenticated, so nothing
     * is granted) arriving from {@code origin}; the toolset's progress reports go to the client through {@code channel},
     * which also asks a person when the team's policy wants the call confirmed. A tool the caller may not see is refused
     * with {@link ErrorKind#UNKNOWN_TOOL}, exactly like one that does not exist. Exactly one audit record is written per
     * call, and the future completes only after it was accepted. Cancelling the future cancels the call (a confirmation
     * asked is withdrawn, the toolset stops its AWS work) and records it with outcome {@code cancelled}.
     */
    public CompletableFuture<CallOutcome> call(RegisteredTool tool, Map<String, Object> arguments, Principal principal, CallOrigin origin,
            ClientChannel channel) {
        CallState.Arrival arrival = new CallState.Arrival(tool, principal, origin, channel, new CallCancellation());
        CompletableFuture<CallOutcome> answer = CompletableFuture.supplyAsync(() -> ToolCallRecord.builder(UUID.randomUUID().toString(),
                                tool.name())
                        .origin(origin.sessionId(), origin.client())
                        .trace(origin.traceParent())
                        .toolset(tool.toolsetId(), tool.spec().access().name()), dispatch)
                .thenCompose(record -> {
                    ObjectNode copied = copy(arguments);
                    record.arguments(copied);
                    CallSpan span = tracer.start(tool.name(), tool.toolsetId(), origin.traceParent(), record.correlationId());
                    CompletableFuture<CallOutcome> ran = audit.reserve()
                            .thenComposeAsync(slot -> run(new CallState(arrival, new CallTrail(record, slot, span), null, copied)), dispatch)
                            .exceptionally(e -> unavailable(e, record.correlationId()));
                    return span.recording() ? ran.whenComplete((outcome, failure) -> span.end(outcome == null ? null : outcome.audited(),
                            outcome instanceof CallOutcome.Unsuccessful unsuccessful ? unsuccessful.kind() : null)) : ran;
                });
        answer.whenComplete((outcome, failure) -> {
            if (answer.isCancelled()) {
                arrival.cancellation().cancel();
            }
        });
        return answer;
    }

    /**
     * Runs one call of a tool the gateway serves itself ({@link GatewayTool}) for {@code principal} (null: nobody
     * authenticated) arriving from {@code origin}: refused like an unknown tool when the caller may not see it, refused with
     * {@link ErrorKind#INVALID_ARGUMENT} when the tool finds its arguments invalid, and audited like any call.
     */
    public CompletableFuture<CallOutcome> callGatewayTool(GatewayTool tool, Map<String, Object> arguments, Principal principal,
            CallOrigin origin) {
        return CompletableFuture.supplyAsync(() -> copy(arguments), dispatch)
                .thenCompose(copied -> gatewayTools.call(tool, copied, principal, origin));
    }

    /**
     * The stages, from a call with its audit room reserved to its recorded outcome; the one place that opens the spans of
     * the policy, gate and audit stages (the guard's is in {@link CallExecution}, STS's in the role assumption).
     */
    private CompletableFuture<CallOutcome> run(CallState arrived) {
        CallSpan span = arrived.trail().span();
        CallAdmission.Admission admitted;
        try (CallSpan.Stage policy = span.stage("policy")) {
            admitted = admission.admit(arrived);
        }
        if (admitted instanceof CallAdmission.Refusal refusal) {
            return respond(arrived.trail(), refusal.outcome());
        }
        CallAdmission.Admitted call = (CallAdmission.Admitted) admitted;
        span.team(call.team());
        return span.stage("gate").endsWith(gate.pass(call))
                .thenCompose(refusal -> refusal.isPresent() ? CompletableFuture.completedFuture(refusal.get()) : execute(call))
                .thenCompose(outcome -> respond(arrived.trail(), outcome));
    }

    private CompletableFuture<CallOutcome> respond(CallTrail trail, CallOutcome outcome) {
        return trail.span().stage("audit").endsWith(audit.respond(trail, outcome));
    }

    private CompletableFuture<CallOutcome> execute(CallAdmission.Admitted admitted) {
        CallState state = admitted.state();
        if (state.arrival().cancellation().cancelled()) {
            return CompletableFuture.completedFuture(CallExecution.cancelled(state));
        }
        // The call's span is current while the execution starts, so that an STS role assumption it waits for is its child.
        try (Scope current = state.trail().span().makeCurrent()) {
            return execution.run(admitted)
                    .thenCompose(outcome -> taint.afterResult(state.taintKey(), admitted.guard().resources(), outcome, state.record()));
        }
    }

    /**
     * Answers every toolset call still running with a SHUTDOWN error (shutdown past its drain time);
     * each answer is audited like any other outcome. Returns how many calls were stopped.
     */
    public int stopCallsInFlight() {
        int stopped = execution.stopAll();
        if (stopped > 0) {
            LOG.warn("shutdown: stopped {} call(s) still running at the end of the drain time", stopped);
        }
        return stopped;
    }

    /** Number of toolset calls running now. */
    public int callsInFlight() {
        return execution.running();
    }

    /**
     * Records a call of a tool name no toolset serves (the protocol edge answers it with the unknown-tool error);
     * completes once the record was accepted, or could not be (logged).
     */
    public CompletableFuture<Void> recordUnknownTool(String name, Map<String, Object> arguments, Principal principal, CallOrigin origin) {
        return recordRefusal(new Refusal(name, "unknown tool", "unknown tool " + name, ErrorKind.UNKNOWN_TOOL), arguments, principal, origin);
    }

    /**
     * Records a call refused before any tool was chosen because its params are malformed ({@code problem} says how,
     * e.g. "params.arguments must be an object, got a number"); {@code name} is whatever tool name could be read.
     * Completes once the record was accepted, or could not be (logged).
     */
    public CompletableFuture<Void> recordInvalidCall(String name, Map<String, Object> arguments, String problem, Principal principal,
            CallOrigin origin) {
        String reason = "invalid params: " + problem;
        return recordRefusal(new Refusal(name, reason, reason, ErrorKind.INVALID_PARAMS), arguments, principal, origin);
    }

    /** A call refused before any tool was chosen: the name it gave, why (for the record and for the caller), and its kind. */
    private record Refusal(String name, String reason, String message, ErrorKind kind) {
    }

    private CompletableFuture<Void> recordRefusal(Refusal refused, Map<String, Object> arguments, Principal principal, CallOrigin origin) {
        return CompletableFuture.supplyAsync(() -> {
                    ToolCallRecord.Builder record = ToolCallRecord.builder(UUID.randomUUID().toString(), String.valueOf(refused.name()))
                            .origin(origin.sessionId(), origin.client())
                            .trace(origin.traceParent())
                            .arguments(copy(arguments))
                            .decision("refused", refused.reason(), null);
                    if (principal != null) {
                        record.caller(principal.id(), policies.effective(principal).teams());
                    }
                    return record;
                }, dispatch)
                .thenCompose(record -> audit.reserve().thenCompose(slot -> audit.respond(new CallTrail(record, slot, CallSpan.NONE),
                        new CallOutcome.Refused(record.correlationId(), refused.kind(), refused.message()))))
                .handle((outcome, failure) -> {
                    if (failure != null) {
                        LOG.warn("tools/call of {} refused ({}) without an audit record: {}", BoundedText.name(String.valueOf(refused.name())),
                                refused.reason(), failure.toString());
                    }
                    return null;
                });
    }

    /** The answer when the call's record cannot be accepted; any other failure is a fault of the gateway, passed on. */
    private static CallOutcome unavailable(Throwable failure, String correlationId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AuditException) {
            return CallAudit.unavailable(cause, correlationId);
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    private static ObjectNode copy(Map<String, Object> raw) {
        if (raw == null) {
            return Json.object();
        }
        JsonNode tree = Json.mapper().valueToTree(raw);
        return tree instanceof ObjectNode object ? object : Json.object();
    }
}
