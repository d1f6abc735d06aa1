package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditException;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.BoundedText;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.cursor.CursorBinding;
import dev.awsmcp.gateway.cursor.CursorRejectedException;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.identity.RoleAssumptionException;
import dev.awsmcp.gateway.policy.Decision;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.resilience.CallRejectedException;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.taint.SessionTaint;
import dev.awsmcp.gateway.taint.TaintAction;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The one path of every {@code tools/call}: re-check that the caller's policy grants the tool (a
 * hidden tool is refused exactly like an unknown one), validate the arguments against the tool's
 * schema, authorize every resource the call names (canonicalized) before AWS is called, apply the
 * team's call rate, build the call context (caller, credentials, deadline, the team's limits, listing
 * visibility, correlation id), run the toolset off the event loop, bound the wait by the deadline, and
 * map the outcome to an MCP result through the result guard. Apart from the unknown-tool error, every
 * outcome, including a toolset bug, becomes a result the model can read. Every call, whatever its
 * outcome, has exactly one audit record, and is answered only once the record was accepted ({@link CallAudit}).
 */
public final class ToolCallPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallPipeline.class);
    /** How long past the deadline the gateway waits for a toolset before it answers for it. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private final ResultLimits limits;
    private final Duration callTimeout;
    private final CallCredentials credentials;
    private final Executor dispatch;
    private final PolicyStore policies;
    private final ResultGuard guard;
    private final CallRateLimiter rates;
    private final CallAudit audit;
    private final CallResilience resilience;
    private final CallsInFlight<CallToolResult> inFlight = new CallsInFlight<>();
    private final CallTaint taint;
    private final CallCursors cursors;

    private final ArgumentLimits argumentLimits;
    /** The dispatch pool as a Reactor scheduler: where arguments are copied, checked and validated. */
    private final Scheduler offLoop;

    /** A pipeline of {@code parts}. */
    public ToolCallPipeline(PipelineParts parts) {
        PipelineParts.Execution execution = parts.execution();
        this.cursors = new CallCursors(parts.session().cursors());
        this.argumentLimits = parts.limits().arguments();
        this.offLoop = Schedulers.fromExecutor(execution.dispatch());
        this.rates = parts.session().rates();
        this.taint = new CallTaint(parts.session().taints());
        this.resilience = execution.resilience();
        this.audit = new CallAudit(parts.trail().log(), parts.trail().requestIds());
        this.limits = parts.limits().results();
        this.callTimeout = parts.limits().callTimeout();
        this.credentials = execution.credentials();
        this.dispatch = execution.dispatch();
        this.policies = parts.policies();
        this.guard = parts.guard();
    }

    /**
     * Hands the record of every call that got one (whatever its outcome) to {@code observer} as well,
     * when it is written; for metrics. The observer runs on the call's thread: it must be fast and not block.
     */
    public void observe(java.util.function.Consumer<ToolCallRecord> observer) {
        audit.observe(observer);
    }

    /** The taint of session {@code sessionId} (clean when unknown), e.g. for {@code gateway://whoami}. */
    public java.util.concurrent.CompletableFuture<SessionTaint> sessionTaint(String sessionId) {
        return taint.current(sessionId);
    }

    /** The error the SDK gives for a tool it does not know; a tool the caller may not see gets the same. */
    public static McpError unknownTool(String name) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("Unknown tool: invalid_tool_name")
                .data("Tool not found: " + name)
                .build();
    }

    /** {@link #call(RegisteredTool, CallToolRequest, Principal, CallOrigin, ClientChannel)} for a client that gets no progress and cannot confirm. */
    public Mono<CallToolResult> call(RegisteredTool tool, CallToolRequest request, Principal principal, CallOrigin origin) {
        return call(tool, request, principal, origin, ClientChannel.NONE);
    }

    /**
     * Runs one call of {@code tool} for {@code principal} (null: nobody authenticated, so nothing is
     * granted) arriving from {@code origin}; the toolset's progress reports go to the client through
     * {@code channel}, which also asks a person when the team's policy wants the call confirmed. The Mono
     * fails only with the unknown-tool error; every other outcome is a result.
     * Exactly one audit record is written per call, and the answer goes out only after it was accepted.
     * Cancelling the subscription while the toolset runs cancels the call (the toolset stops its AWS
     * work) and records it with outcome {@code cancelled}.
     */
    public Mono<CallToolResult> call(RegisteredTool tool, CallToolRequest request, Principal principal, CallOrigin origin,
            ClientChannel channel) {
        // Arguments can be large: they are copied, checked and validated on the dispatch pool, never on an event loop.
        return Mono.defer(() -> {
            ObjectNode arguments = arguments(request.arguments());
            ToolCallRecord.Builder record = ToolCallRecord.builder(UUID.randomUUID().toString(), tool.name())
                    .origin(origin.sessionId(), origin.client())
                    .toolset(tool.toolsetId(), tool.spec().access().name())
                    .arguments(arguments);
            return audit.reserve()
                    .publishOn(offLoop)
                    .flatMap(slot -> run(new CallState(tool, arguments, principal, null, record, slot, channel, origin.sessionId())))
                    .onErrorResume(e -> e instanceof AuditException || e.getCause() instanceof AuditException,
                            e -> Mono.just(CallAudit.unavailable(e instanceof AuditException ? e : e.getCause(), record.correlationId())));
        }).subscribeOn(offLoop);
    }

    /**
     * Answers every toolset call still running with a SHUTDOWN error (shutdown past its drain time);
     * each answer is audited like any other outcome. Returns how many calls were stopped.
     */
    public int stopCallsInFlight() {
        int stopped = inFlight.stopAll(correlationId -> ToolResultMapper.error("the gateway shut down before this call finished; "
                + "it was stopped, and AWS may or may not have carried it out: check before repeating a write. Retry on another "
                + "instance; correlation id " + correlationId, ErrorKind.SHUTDOWN, correlationId));
        if (stopped > 0) {
            LOG.warn("shutdown: stopped {} call(s) still running at the end of the drain time", stopped);
        }
        return stopped;
    }

    /** Number of toolset calls running now. */
    public int callsInFlight() {
        return inFlight.size();
    }

    /**
     * Records a call of a tool name no toolset serves (the SDK answers it with the unknown-tool error);
     * completes once the record was accepted, or empty when it could not be (logged).
     */
    public Mono<Void> recordUnknownTool(String name, Map<String, Object> rawArguments, Principal principal, CallOrigin origin) {
        return recordRefusal(name, rawArguments, new Refusal("unknown tool", "unknown tool " + name, ErrorKind.UNKNOWN_TOOL), principal, origin);
    }

    /**
     * Records a call refused before any tool was chosen because its params are malformed ({@code problem}
     * says how, e.g. "params.arguments must be an object, got a number"); {@code name} is whatever tool name
     * could be read. Completes once the record was accepted, or empty when it could not be (logged).
     */
    public Mono<Void> recordInvalidCall(String name, Map<String, Object> rawArguments, String problem, Principal principal, CallOrigin origin) {
        String reason = "invalid params: " + problem;
        return recordRefusal(name, rawArguments, new Refusal(reason, reason, ErrorKind.INVALID_PARAMS), principal, origin);
    }

    /** Why a call was refused before any tool was chosen: for the audit record, for the caller, and its kind. */
    private record Refusal(String reason, String message, ErrorKind kind) {
    }

    private Mono<Void> recordRefusal(String name, Map<String, Object> rawArguments, Refusal refused, Principal principal,
            CallOrigin origin) {
        String reason = refused.reason();
        return Mono.defer(() -> {
            ToolCallRecord.Builder record = ToolCallRecord.builder(UUID.randomUUID().toString(), String.valueOf(name))
                    .origin(origin.sessionId(), origin.client())
                    .arguments(arguments(rawArguments))
                    .decision("refused", reason, null);
            if (principal != null) {
                record.caller(principal.id(), policies.effective(principal).teams());
            }
            CallToolResult refusal = ToolResultMapper.error(refused.message(), refused.kind(), record.correlationId());
            return audit.reserve()
                    .flatMap(slot -> audit.respond(slot, record, refusal, AuditOutcome.REFUSED))
                    .onErrorResume(e -> {
                        LOG.warn("tools/call of {} refused ({}) without an audit record: {}", BoundedText.name(name), reason, e.toString());
                        return Mono.empty();
                    })
                    .then();
        }).subscribeOn(offLoop);
    }

    /** Authorize: the caller must see the tool; then the arguments' cursor is opened and the call admitted and rated. */
    private Mono<CallToolResult> run(CallState arrived) {
        RegisteredTool tool = arrived.tool();
        Principal principal = arrived.principal();
        ToolCallRecord.Builder record = arrived.record();
        AuditLog.Reservation slot = arrived.slot();
        String correlationId = record.correlationId();
        EffectivePolicy policy = principal == null ? null : policies.effective(principal);
        if (policy != null) {
            record.caller(principal.id(), policy.teams());
        }
        if (policy == null || !policy.toolVisible(tool)) {
            LOG.info("call {} by {} refused: tool not granted (correlation id {})", tool.name(),
                    principal == null ? "nobody" : principal.id(), correlationId);
            record.decision("refused", "tool not granted to the caller (answered as unknown)", null);
            CallToolResult refusal = ToolResultMapper.error("unknown tool " + tool.name(), ErrorKind.UNKNOWN_TOOL, correlationId);
            return audit.respond(slot, record, refusal, AuditOutcome.REFUSED).then(Mono.error(unknownTool(tool.name())));
        }
        ObjectNode opened;
        try {
            opened = cursors.open(arrived.arguments(), CursorBinding.of(principal, tool.name(), arrived.arguments()));
        } catch (CursorRejectedException e) {
            record.decision("refused", "invalid arguments: " + e.getMessage(), null);
            return audit.respond(slot, record, ToolResultMapper.error("invalid arguments for " + tool.name() + ": " + e.getMessage(),
                    ErrorKind.INVALID_ARGUMENT, correlationId), AuditOutcome.REFUSED);
        }
        CallState state = arrived.admitting(policy, opened);
        Admission admission = admit(state);
        if (admission.refusal() != null) {
            return audit.respond(slot, record, admission.refusal(), admission.outcome());
        }
        return Mono.fromCompletionStage(() -> rates.acquire(admission.team(), admission.callsPerMinute()))
                .flatMap(retryAfter -> retryAfter.isPresent()
                        ? audit.respond(slot, record, throttled(admission, retryAfter.getAsLong(), record), AuditOutcome.REFUSED)
                        : gated(state, admission));
    }

    private static CallToolResult throttled(Admission admission, long retryAfter, ToolCallRecord.Builder record) {
        record.decision("refused", "rate limit: team " + admission.team() + " over " + admission.callsPerMinute()
                + " calls per minute (" + admission.rule() + ")", admission.team());
        return ToolResultMapper.error("team " + admission.team() + " is over its limit of " + admission.callsPerMinute()
                + " calls per minute; retry in about " + retryAfter + "s", ErrorKind.THROTTLED, record.correlationId());
    }

    /**
     * The gate before a call runs: a state-changing call in a tainted session gets the team's taint action
     * (deny, or confirm with the reasons), and a person confirms first when the team's policy asks for it.
     */
    private Mono<CallToolResult> gated(CallState state, Admission admission) {
        RegisteredTool tool = state.tool();
        EffectivePolicy policy = state.policy();
        ToolCallRecord.Builder record = state.record();
        AuditLog.Reservation slot = state.slot();
        String correlationId = record.correlationId();
        boolean changesState = tool.spec().access() != Access.READ;
        Mono<CallTaint.Verdict> verdict = changesState
                ? taint.check(state.sessionId(), state.arguments(), policy.taintRules(admission.team())).onErrorResume(e -> Mono.just(CallTaint.Verdict.CLEAN)
                        .flatMap(clean -> Mono.error(new TaintUnavailable(e))))
                : Mono.just(CallTaint.Verdict.CLEAN);
        return verdict.flatMap(v -> {
            if (v.tainted()) {
                record.taint(v.audited());
            }
            if (v.action() == TaintAction.DENY) {
                LOG.info("call {} denied in a tainted session {} (correlation id {})", tool.name(), state.sessionId(), correlationId);
                record.decision("refused", "tainted session: team " + admission.team() + " policy taint denies " + tool.spec().access()
                        .name().toLowerCase(java.util.Locale.ROOT) + " calls", admission.team());
                return audit.respond(slot, record, CallTaint.denied(tool.name(), v, correlationId), AuditOutcome.REFUSED);
            }
            List<String> reasons = new java.util.ArrayList<>();
            if (policy.confirms(admission.team(), tool.spec().access())) {
                reasons.add("team " + admission.team() + " requires confirmation of " + tool.spec().access().name()
                        .toLowerCase(java.util.Locale.ROOT) + " calls (policy confirm)");
            }
            if (v.action() == TaintAction.CONFIRM) {
                reasons.addAll(v.reasons());
            }
            if (reasons.isEmpty()) {
                return execute(state, admission);
            }
            Mono<CallToolResult> confirmed = CallConfirmations.confirm(CallConfirmations.request(tool, state.arguments(), admission.team(),
                    admission.guard().resources(), reasons), record, state.channel().confirmation());
            return confirmed
                    .map(refusal -> v.tainted() ? CallTaint.withTaint(refusal, v.audited()) : refusal)
                    .flatMap(refusal -> audit.respond(slot, record, refusal, AuditOutcome.REFUSED))
                    .switchIfEmpty(Mono.defer(() -> execute(state, admission)));
        }).onErrorResume(TaintUnavailable.class, e -> audit.respond(slot, record,
                CallTaint.unavailable(tool.name(), e.getCause(), correlationId), AuditOutcome.REFUSED));
    }

    /** The session's taint could not be read: the state-changing call is refused (fail closed). */
    private static final class TaintUnavailable extends RuntimeException {
        TaintUnavailable(Throwable cause) {
            super(cause);
        }
    }

    /** Runs an admitted (and, where asked, confirmed) call: cache, credentials, toolset, guard, audit. */
    private Mono<CallToolResult> execute(CallState state, Admission admission) {
        RegisteredTool tool = state.tool();
        ObjectNode arguments = state.arguments();
        Principal principal = state.principal();
        EffectivePolicy policy = state.policy();
        ToolCallRecord.Builder record = state.record();
        AuditLog.Reservation slot = state.slot();
        String sessionId = state.sessionId();
        String correlationId = record.correlationId();
        List<String> resources = admission.guard().resources();
        CursorBinding binding = CursorBinding.of(principal, tool.name(), arguments);
        CallResilience.CacheKey cacheKey = resilience.cacheKey(tool, admission.team(), policy.teams(), arguments);
        Optional<CallToolResult> cached = resilience.<CallToolResult>cached(cacheKey)
                .flatMap(hit -> cursors.reseal(ToolResultMapper.cacheHit(hit.result(), correlationId, hit.age()), binding));
        if (cached.isPresent()) {
            return taint.afterResult(sessionId, tool.name(), resources, cached.get(), record)
                    .flatMap(r -> audit.respond(slot, record, r, CallAudit.outcomeOf(r)));
        }
        audit.collectRequestIds(correlationId);
        String sessionPolicy = policy.sessionPolicy(admission.team(), tool.toolsetId());
        CompletableFuture<CallToolResult> result = credentials.resolve(tool.instance(), admission.team(), principal.id(), sessionPolicy)
                .thenComposeAsync(identity -> {
                    record.identity(identity.audited());
                    CallContext context = admission.context().apply(identity.credentials());
                    // The guard's semantic step (teams that turn it on) runs on its own pool, inside the call's deadline.
                    return resilience.guard(tool, admission.team(), () -> tool.toolset().call(new ToolCall(tool.spec().name(), arguments), context))
                            .thenCompose(outcome -> guard.screen(outcome, admission.guard(), context.deadline())
                                    .thenApply(guarding -> new Screened(outcome, guarding)));
                }, dispatch)
                .toCompletableFuture()
                .orTimeout(callTimeout.plus(DEADLINE_GRACE).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((screened, failure) -> finish(state, screened == null ? admission.guard() : screened.guarding(),
                        screened == null ? null : screened.outcome(), failure, binding));
        inFlight.track(correlationId, result);
        AtomicBoolean answered = new AtomicBoolean();
        // Cached after the guard: a cache hit is a guarded result.
        return Mono.fromFuture(result, true)
                .map(r -> CallAudit.outcomeOf(r) == AuditOutcome.SUCCESS ? resilience.remember(cacheKey, r) : r)
                .flatMap(r -> taint.afterResult(sessionId, tool.name(), resources, r, record))
                .flatMap(r -> answered.compareAndSet(false, true) ? audit.respond(slot, record, r, CallAudit.outcomeOf(r)) : Mono.empty())
                .doOnCancel(() -> cancelled(state, admission.control(), result, answered));
    }

    /** The toolset's answer and the guard context its semantic step left (with verdicts, when the team turned it on). */
    private record Screened(ToolResult outcome, GuardContext guarding) {
    }

    /** The caller gave up on a running call: stop the toolset's work and record the call as cancelled. */
    private void cancelled(CallState state, CallControl control, CompletableFuture<CallToolResult> result, AtomicBoolean answered) {
        control.cancel();
        RegisteredTool tool = state.tool();
        ToolCallRecord.Builder record = state.record();
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        String correlationId = record.correlationId();
        CallToolResult cancelled = ToolResultMapper.error("cancelled by the client before " + tool.name() + " finished; AWS may "
                + "have carried out part of it; correlation id " + correlationId, ErrorKind.CANCELLED, correlationId);
        result.complete(cancelled);
        LOG.info("call {} cancelled by the client (correlation id {})", tool.name(), correlationId);
        audit.respond(state.slot(), record, cancelled, AuditOutcome.CANCELLED)
                .subscribe(null, e -> LOG.error("cancelled call {} has no audit record: {}", correlationId, e.toString()));
    }

    /**
     * One call as it passes the stages: what arrived ({@code tool}, {@code arguments}, {@code principal}, the session and
     * the client's {@code channel}), its audit record and reserved slot, and, once authorized, the caller's {@code policy}
     * and the arguments with their cursor opened. The record builder collects the decision as the stages make it.
     */
    private record CallState(RegisteredTool tool, ObjectNode arguments, Principal principal, EffectivePolicy policy,
            ToolCallRecord.Builder record, AuditLog.Reservation slot, ClientChannel channel, String sessionId) {

        /** The call past authorization: the caller's {@code policy}, and the arguments with their cursor {@code opened}. */
        CallState admitting(EffectivePolicy callerPolicy, ObjectNode opened) {
            return new CallState(tool, opened, principal, callerPolicy, record, slot, channel, sessionId);
        }
    }

    /**
     * Either the deciding team, how to build the call's context once its credentials are known and how to
     * guard its result, or the result that refuses the call and its audit outcome.
     */
    private record Admission(String team, String rule, int callsPerMinute, Function<AwsCredentialsProvider, CallContext> context,
            GuardContext guard, CallControl control, CallToolResult refusal, AuditOutcome outcome) {
        static Admission refuse(String message, ErrorKind kind, String correlationId, AuditOutcome outcome) {
            return new Admission(null, null, 0, null, null, null, ToolResultMapper.error(message, kind, correlationId), outcome);
        }
    }

    /** Arguments and resources: everything decided before the team's call rate is counted and the toolset may run. */
    private Admission admit(CallState state) {
        RegisteredTool tool = state.tool();
        ObjectNode arguments = state.arguments();
        EffectivePolicy policy = state.policy();
        ToolCallRecord.Builder record = state.record();
        String correlationId = record.correlationId();
        Optional<String> oversized = argumentLimits.check(arguments);
        if (oversized.isPresent()) {
            record.decision("refused", "arguments too large: " + oversized.get(), null);
            return Admission.refuse("arguments for " + tool.name() + " refused: " + oversized.get() + ". Send fewer or smaller "
                    + "arguments (narrow the request, or split it into several calls).", ErrorKind.ARGUMENTS_TOO_LARGE, correlationId, AuditOutcome.REFUSED);
        }
        Optional<String> invalid = tool.arguments().validate(arguments);
        if (invalid.isPresent()) {
            record.decision("refused", "invalid arguments: " + invalid.get(), null);
            return Admission.refuse("invalid arguments for " + tool.name() + ": " + invalid.get()
                    + ". Check the tool's input schema and call again.", ErrorKind.INVALID_ARGUMENT, correlationId, AuditOutcome.REFUSED);
        }
        Decision decision;
        List<ResourceRef> resources;
        try {
            resources = tool.spec().resources().apply(arguments);
            decision = policy.authorize(tool, resources);
        } catch (IllegalArgumentException e) {
            record.decision("refused", "invalid arguments: " + e.getMessage(), null);
            return Admission.refuse("invalid arguments for " + tool.name() + ": " + e.getMessage(), ErrorKind.INVALID_ARGUMENT, correlationId,
                    AuditOutcome.REFUSED);
        }
        String principal = policy.principal().id();
        if (decision instanceof Decision.Denied denied) {
            LOG.info("call {} by {} denied: {} (correlation id {})", tool.name(), principal, denied.reason(), correlationId);
            record.decision("denied", denied.reason(), null);
            return Admission.refuse("denied by policy: " + denied.toCaller()
                    + ". Ask your platform team to extend the grant if this access is needed.", ErrorKind.ACCESS_DENIED, correlationId, AuditOutcome.DENIED);
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        TeamPolicy.TeamLimits teamLimits = policy.limitsOf(allowed.team());
        LOG.debug("call {} by {} allowed by {} ({})", tool.name(), principal, allowed.team(), allowed.rule());
        record.decision("allowed", allowed.rule(), allowed.team());
        ResultLimits callLimits = new ResultLimits(Math.min(limits.defaultRows(), teamLimits.maxRows()), teamLimits.maxRows(),
                teamLimits.maxResultBytes());
        Caller caller = new Caller(principal, policy.teams());
        GuardContext guarding = new GuardContext(policy.injectionOf(allowed.team()), teamLimits.maxResultBytes(), tool.toolsetId(),
                tool.name(), resources.stream().map(ResourceRef::name).toList(), policy.semanticOf(allowed.team()),
                dev.awsmcp.gateway.guard.SemanticVerdicts.NONE);
        // What the toolset sends the client while it runs (logs, progress, sampling, elicitation) is guarded like its result.
        CallControl control = GuardedClientRequests.control(state.channel(), guard, guarding.mode(), tool.name(), correlationId);
        // The deadline starts when the toolset is about to run, after any confirmation by a person.
        return new Admission(allowed.team(), allowed.rule(), teamLimits.callsPerMinute(), credentials -> {
            Instant deadline = Instant.now().plus(callTimeout);
            return new CallContext(caller, credentials, deadline, callLimits, correlationId, policy.visibility(tool),
                    resilience.requestPlugin(tool.spec().access(), deadline), control);
        }, guarding, control, null, null);
    }

    /** Guard: the toolset's answer (or why there is none) as the result the model reads. */
    private CallToolResult finish(CallState state, GuardContext guarding, ToolResult outcome, Throwable failure, CursorBinding binding) {
        RegisteredTool tool = state.tool();
        String correlationId = state.record().correlationId();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RoleAssumptionException role) {
            LOG.warn("{} (correlation id {})", role.getMessage(), correlationId);
            return ToolResultMapper.error(role.getMessage(), role.kind(), correlationId);
        }
        if (cause instanceof TimeoutException) {
            return ToolResultMapper.error(resilience.timedOut(tool, null), ErrorKind.TIMEOUT, correlationId);
        }
        if (cause instanceof CancellationException) {
            return ToolResultMapper.error("cancelled before " + tool.name() + " finished; correlation id " + correlationId, ErrorKind.CANCELLED,
                    correlationId);
        }
        if (cause instanceof CallRejectedException rejected) {
            return ToolResultMapper.error(rejected.getMessage(), rejected.kind(), correlationId);
        }
        if (cause != null || outcome == null) {
            LOG.error("toolset {} failed on {} (correlation id {})", tool.toolsetId(), tool.name(), correlationId, cause);
            return ToolResultMapper.error("internal error in " + tool.name() + "; the gateway operator can find it in the log under correlation id "
                    + correlationId, ErrorKind.INTERNAL, correlationId);
        }
        try {
            return ToolResultMapper.toMcp(cursors.seal(outcome, binding), correlationId, guard, guarding);
        } catch (RuntimeException e) {
            LOG.error("result of {} cannot be mapped (correlation id {})", tool.name(), correlationId, e);
            return ToolResultMapper.error("internal error in " + tool.name() + "; correlation id " + correlationId, ErrorKind.INTERNAL, correlationId);
        }
    }

    private static ObjectNode arguments(Map<String, Object> raw) {
        if (raw == null) {
            return Json.object();
        }
        JsonNode tree = Json.mapper().valueToTree(raw);
        return tree instanceof ObjectNode object ? object : Json.object();
    }
}
