package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.aws.AwsRequestIds;
import dev.awsmcp.gateway.cursor.CursorSealer;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.taint.TaintTracker;
import dev.awsmcp.gateway.tracing.CallTracer;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.toolset.api.ResultLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a {@link ToolCallPipeline} is built from, grouped by the stage that uses it: the team policies
 * (authorize), the call's limits, how a call runs and is guarded (execute, guard), the audit trail
 * (audit) and the state kept per team and session (rate, gate, cursors). None may be null.
 *
 * @param policies the team policies in force
 * @param limits the bounds of each call
 * @param execution how an admitted call runs, and the guard its answer passes
 * @param trail where every call's record goes
 * @param session the rate counters, session taints and cursor keys
 */
public record PipelineParts(PolicyStore policies, CallLimits limits, Execution execution, AuditTrail trail, SessionState session) {

    public PipelineParts {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(trail, "trail");
        Objects.requireNonNull(session, "session");
    }

    /**
     * The bounds of each call.
     *
     * @param results the gateway's result bounds; a team's limits can only lower them
     * @param arguments the bounds of each call's arguments
     * @param callTimeout the deadline of one call, from when the toolset is about to run
     */
    public record CallLimits(ResultLimits results, ArgumentLimits arguments, Duration callTimeout) {
    }

    /**
     * How an admitted call runs.
     *
     * @param credentials the credentials of each call: the toolset's role assumed for the caller, or the gateway's own
     * @param dispatch the named pool toolset calls start on, so that credential resolution or any other synchronous
     *     work inside the AWS SDK never runs on an event-loop thread; arguments are copied, checked and validated there too
     * @param resilience retry rules, circuit breakers, bulkheads and the result cache
     * @param guard the result guard every answer passes, and what the toolset sends the client while it runs
     */
    public record Execution(CallCredentials credentials, Executor dispatch, CallResilience resilience, ResultGuard guard) {
    }

    /**
     * The audit trail, and the trace of each call.
     *
     * @param log where every call's record goes
     * @param requestIds where the AWS clients report each call's request ids
     * @param tracer starts each call's span ({@link CallTracer#OFF}: none)
     */
    public record AuditTrail(AuditLog log, AwsRequestIds requestIds, CallTracer tracer) {

        /** A trail of calls that are not traced. */
        public AuditTrail(AuditLog log, AwsRequestIds requestIds) {
            this(log, requestIds, CallTracer.OFF);
        }
    }

    /**
     * State kept across calls.
     *
     * @param rates each team's call counts (per instance, or shared by every instance)
     * @param taints each session's taint (in the session store, so it moves with the session)
     * @param cursors seals the paging cursors of results and opens those of calls
     */
    public record SessionState(CallRateLimiter rates, TaintTracker taints, CursorSealer cursors) {

        /** State in this process only: per-instance rate counts, in-memory taints, a random cursor key. */
        public static SessionState inMemory() {
            return new SessionState(new TeamRateLimits(), TaintTracker.inMemory(),
                    CursorSealer.ofRandomKey(Duration.ofHours(1), Clock.systemUTC()));
        }
    }
}
