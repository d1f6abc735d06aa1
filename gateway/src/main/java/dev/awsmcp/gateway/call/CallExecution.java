package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.cursor.CursorBinding;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.identity.RoleAssumptionException;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.resilience.CallRejectedException;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.tracing.CallSpan;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The execute and guard stages of an admitted call: a cached answer when the tool's freshness allows one, else the
 * call's credentials (the toolset's role assumed for the caller), the toolset run on the dispatch pool under the
 * team's circuit breaker and bulkhead, the wait bounded by the deadline, and the answer (or why there is none)
 * through the result guard. A caller that gives up stops the toolset's AWS work; a shutdown past its drain time
 * answers the calls still running ({@link #stopAll}).
 */
final class CallExecution {

    private static final Logger LOG = LoggerFactory.getLogger(CallExecution.class);
    /** How long past the deadline the gateway waits for a toolset before it answers for it. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private final PipelineParts.Execution execution;
    private final PipelineParts.CallLimits limits;
    private final CallCursors cursors;
    private final ResultGuarding guarding;
    private final CallAudit audit;
    private final CallsInFlight<CallOutcome> inFlight = new CallsInFlight<>();

    CallExecution(PipelineParts parts, CallAudit audit) {
        this.execution = parts.execution();
        this.limits = parts.limits();
        this.cursors = new CallCursors(parts.session().cursors());
        this.guarding = new ResultGuarding(parts.execution().guard());
        this.audit = audit;
    }

    /** Runs the admitted (and, where asked, confirmed) call; completes with its guarded outcome, never exceptionally. */
    CompletableFuture<CallOutcome> run(CallAdmission.Admitted admitted) {
        CallState state = admitted.state();
        RegisteredTool tool = state.tool();
        String correlationId = state.correlationId();
        CallResilience resilience = execution.resilience();
        CursorBinding binding = CursorBinding.of(state.principal(), tool.name(), state.arguments());
        CallResilience.CacheKey cacheKey = resilience.cacheKey(tool, admitted.team(), state.policy().teams(), state.arguments());
        Optional<CallOutcome.Succeeded> cached = resilience.<CallOutcome.Succeeded>cached(cacheKey)
                .flatMap(hit -> cursors.reseal(hit.result().fromCache(correlationId, hit.age()), binding));
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        audit.collectRequestIds(correlationId);
        String sessionPolicy = state.policy().sessionPolicy(admitted.team(), tool.toolsetId());
        CompletableFuture<CallOutcome> result = execution.credentials().resolve(tool.instance(), admitted.team(), state.principal().id(),
                        sessionPolicy)
                .thenComposeAsync(identity -> {
                    state.record().identity(identity.audited());
                    CallContext context = context(admitted, identity.credentials());
                    // The guard's semantic step (teams that turn it on) runs on its own pool, inside the call's deadline.
                    return resilience.guard(tool, admitted.team(), () -> tool.toolset().call(new ToolCall(tool.spec().name(), state.arguments()),
                                    context))
                            .thenCompose(answer -> {
                                CallSpan.Stage guardStage = state.trail().span().stage("guard");
                                return execution.guard().screen(answer, admitted.guard(), context.deadline())
                                        .thenApply(guarding -> new Screened(answer, guarding, guardStage));
                            });
                }, execution.dispatch())
                .orTimeout(limits.callTimeout().plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS)
                .handle((screened, failure) -> failure == null && screened != null && screened.answer() != null
                        ? guarded(screened, state, binding)
                        : failed(state, failure));
        inFlight.track(correlationId, result);
        state.arrival().cancellation().whileWaiting(() -> {
            admitted.control().cancel();
            if (result.complete(cancelled(state))) {
                LOG.info("call {} cancelled by the client (correlation id {})", tool.name(), correlationId);
            }
        });
        // Cached after the guard: a cache hit is a guarded answer.
        return result.thenApply(outcome -> outcome instanceof CallOutcome.Succeeded succeeded ? resilience.remember(cacheKey, succeeded) : outcome);
    }

    /**
     * Answers every toolset call still running with a SHUTDOWN error (shutdown past its drain time); each answer is
     * audited like any other outcome. Returns how many calls were stopped.
     */
    int stopAll() {
        return inFlight.stopAll(correlationId -> new CallOutcome.Failed(correlationId, ErrorKind.SHUTDOWN, "the gateway shut down "
                + "before this call finished; it was stopped, and AWS may or may not have carried it out: check before repeating a write. "
                + "Retry on another instance; correlation id " + correlationId));
    }

    /** Number of toolset calls running now. */
    int running() {
        return inFlight.size();
    }

    /**
     * The toolset's answer, the guard context its semantic step left (with verdicts, when the team turned it on), and the
     * guard's span, open since the answer arrived.
     */
    private record Screened(ToolResult answer, GuardContext guarding, CallSpan.Stage stage) {
    }

    /** The toolset's view of the call; its deadline starts now, when the toolset is about to run (after any confirmation). */
    private CallContext context(CallAdmission.Admitted admitted, AwsCredentialsProvider credentials) {
        CallState state = admitted.state();
        EffectivePolicy policy = state.policy();
        TeamPolicy.TeamLimits team = admitted.limits();
        ResultLimits gateway = limits.results();
        ResultLimits callLimits = new ResultLimits(Math.min(gateway.defaultRows(), team.maxRows()), team.maxRows(), team.maxResultBytes());
        Instant deadline = Instant.now().plus(limits.callTimeout());
        return new CallContext(new Caller(policy.principal().id(), policy.teams()), credentials, deadline, callLimits, state.correlationId(),
                policy.visibility(state.tool()), execution.resilience().requestPlugin(state.tool().spec().access(), deadline), admitted.control());
    }

    /** What a call the caller gave up on answers (to nobody: the record says it). */
    static CallOutcome cancelled(CallState state) {
        String correlationId = state.correlationId();
        return new CallOutcome.Cancelled(correlationId, "cancelled by the client before " + state.tool().name() + " finished; AWS may "
                + "have carried out part of it; correlation id " + correlationId);
    }

    /** The toolset's answer, its next cursor sealed for this call, through the result guard. */
    private CallOutcome guarded(Screened screened, CallState state, CursorBinding binding) {
        try (CallSpan.Stage stage = screened.stage()) {
            return guarding.outcome(cursors.seal(screened.answer(), binding), state.correlationId(), screened.guarding());
        } catch (RuntimeException e) {
            LOG.error("result of {} cannot be guarded (correlation id {})", state.tool().name(), state.correlationId(), e);
            return internal(state, "");
        }
    }

    /** Why the toolset gave no answer, in the caller's terms. */
    private CallOutcome failed(CallState state, Throwable failure) {
        RegisteredTool tool = state.tool();
        String correlationId = state.correlationId();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RoleAssumptionException role) {
            LOG.warn("{} (correlation id {})", role.getMessage(), correlationId);
            return new CallOutcome.Failed(correlationId, role.kind(), role.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return new CallOutcome.Failed(correlationId, ErrorKind.TIMEOUT, execution.resilience().timedOut(tool, null));
        }
        if (cause instanceof CancellationException) {
            return new CallOutcome.Cancelled(correlationId, "cancelled before " + tool.name() + " finished; correlation id " + correlationId);
        }
        if (cause instanceof CallRejectedException rejected) {
            return new CallOutcome.Failed(correlationId, rejected.kind(), rejected.getMessage());
        }
        LOG.error("toolset {} failed on {} (correlation id {})", tool.toolsetId(), tool.name(), correlationId, cause);
        return internal(state, "; the gateway operator can find it in the log under correlation id " + correlationId);
    }

    private static CallOutcome internal(CallState state, String hint) {
        return new CallOutcome.Failed(state.correlationId(), ErrorKind.INTERNAL, "internal error in " + state.tool().name()
                + (hint.isEmpty() ? "; correlation id " + state.correlationId() : hint));
    }
}
