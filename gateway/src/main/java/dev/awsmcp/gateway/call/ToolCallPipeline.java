package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.identity.RoleAssumptionException;
import dev.awsmcp.gateway.policy.Decision;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The one path of every {@code tools/call}: re-check that the caller's policy grants the tool (a
 * hidden tool is refused exactly like an unknown one), validate the arguments against the tool's
 * schema, authorize every resource the call names (canonicalized) before AWS is called, apply the
 * team's call rate, build the call context (caller, credentials, deadline, the team's limits, listing
 * visibility, correlation id), run the toolset off the event loop, bound the wait by the deadline, and
 * map the outcome to an MCP result through the result guard. Apart from the unknown-tool error, every
 * outcome, including a toolset bug, becomes a result the model can read.
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
    private final TeamRateLimits rates = new TeamRateLimits();

    /**
     * @param limits the gateway's result bounds; a team's limits can only lower them
     * @param callTimeout deadline of one call
     * @param credentials the credentials of each call: the toolset's role assumed for the caller, or the gateway's own
     * @param dispatch the named pool toolset calls start on, so that credential resolution or any
     *     other synchronous work inside the AWS SDK never runs on an event-loop thread
     * @param policies the team policies in force
     * @param guard the result guard every outcome passes
     */
    public ToolCallPipeline(ResultLimits limits, Duration callTimeout, CallCredentials credentials, Executor dispatch,
            PolicyStore policies, ResultGuard guard) {
        this.limits = limits;
        this.callTimeout = callTimeout;
        this.credentials = credentials;
        this.dispatch = dispatch;
        this.policies = policies;
        this.guard = guard;
    }

    /** The error the SDK gives for a tool it does not know; a tool the caller may not see gets the same. */
    public static McpError unknownTool(String name) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("Unknown tool: invalid_tool_name")
                .data("Tool not found: " + name)
                .build();
    }

    /**
     * Runs one call of {@code tool} for {@code principal} (null: nobody authenticated, so nothing is
     * granted). The Mono fails only with the unknown-tool error; every other outcome is a result.
     */
    public Mono<CallToolResult> call(RegisteredTool tool, CallToolRequest request, Principal principal) {
        String correlationId = UUID.randomUUID().toString();
        EffectivePolicy policy = principal == null ? null : policies.effective(principal);
        if (policy == null || !policy.toolVisible(tool)) {
            LOG.info("call {} by {} refused: tool not granted (correlation id {})", tool.name(),
                    principal == null ? "nobody" : principal.id(), correlationId);
            return Mono.error(unknownTool(tool.name()));
        }
        ObjectNode arguments = arguments(request.arguments());
        Admission admission = admit(tool, arguments, policy, correlationId);
        if (admission.refusal() != null) {
            return Mono.just(admission.refusal());
        }
        long started = System.nanoTime();
        CompletableFuture<CallToolResult> result = credentials.resolve(tool.instance(), admission.team(), principal.id())
                .thenComposeAsync(identity -> tool.toolset()
                        .call(new ToolCall(tool.spec().name(), arguments), admission.context().apply(identity.credentials())), dispatch)
                .toCompletableFuture()
                .orTimeout(callTimeout.plus(DEADLINE_GRACE).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((outcome, failure) -> finish(tool, correlationId, outcome, failure, admission.guard()));
        return Mono.fromFuture(result).doOnNext(r -> LOG.debug("{} {} in {} ms, error={}", tool.name(), correlationId,
                (System.nanoTime() - started) / 1_000_000, r.isError()));
    }

    /** Either the deciding team, how to build the call's context once its credentials are known and how to guard
     *  its result, or the refusal. */
    private record Admission(String team, Function<AwsCredentialsProvider, CallContext> context, GuardContext guard,
            CallToolResult refusal) {
        static Admission refuse(String message, String kind, String correlationId) {
            return new Admission(null, null, null, ToolResultMapper.error(message, kind, correlationId));
        }
    }

    /** Arguments, resources, team rate: everything decided before the toolset may run. */
    private Admission admit(RegisteredTool tool, ObjectNode arguments, EffectivePolicy policy, String correlationId) {
        Optional<String> invalid = tool.arguments().validate(arguments);
        if (invalid.isPresent()) {
            return Admission.refuse("invalid arguments for " + tool.name() + ": " + invalid.get()
                    + ". Check the tool's input schema and call again.", "INVALID_ARGUMENT", correlationId);
        }
        Decision decision;
        List<ResourceRef> resources;
        try {
            resources = tool.spec().resources().apply(arguments);
            decision = policy.authorize(tool, resources);
        } catch (IllegalArgumentException e) {
            return Admission.refuse("invalid arguments for " + tool.name() + ": " + e.getMessage(), "INVALID_ARGUMENT", correlationId);
        }
        String principal = policy.principal().id();
        if (decision instanceof Decision.Denied denied) {
            LOG.info("call {} by {} denied: {} (correlation id {})", tool.name(), principal, denied.reason(), correlationId);
            return Admission.refuse("denied by policy: " + denied.reason()
                    + ". Ask your platform team to extend the grant if this access is needed.", "ACCESS_DENIED", correlationId);
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        TeamPolicy.TeamLimits teamLimits = policy.limitsOf(allowed.team());
        OptionalLong retryAfter = rates.acquire(allowed.team(), teamLimits.callsPerMinute());
        if (retryAfter.isPresent()) {
            return Admission.refuse("team " + allowed.team() + " is over its limit of " + teamLimits.callsPerMinute()
                    + " calls per minute; retry in about " + retryAfter.getAsLong() + "s", "THROTTLED", correlationId);
        }
        LOG.debug("call {} by {} allowed by {} ({})", tool.name(), principal, allowed.team(), allowed.rule());
        ResultLimits callLimits = new ResultLimits(Math.min(limits.defaultRows(), teamLimits.maxRows()), teamLimits.maxRows(),
                teamLimits.maxResultBytes());
        Instant deadline = Instant.now().plus(callTimeout);
        Caller caller = new Caller(principal, policy.teams());
        GuardContext guarding = new GuardContext(policy.injectionOf(allowed.team()), teamLimits.maxResultBytes(), tool.toolsetId(),
                tool.name(), resources.stream().map(ResourceRef::name).toList());
        return new Admission(allowed.team(), credentials -> new CallContext(caller, credentials, deadline, callLimits, correlationId,
                policy.visibility(tool)), guarding, null);
    }

    private CallToolResult finish(RegisteredTool tool, String correlationId, ToolResult outcome, Throwable failure, GuardContext guarding) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RoleAssumptionException role) {
            LOG.warn("{} (correlation id {})", role.getMessage(), correlationId);
            return ToolResultMapper.error(role.getMessage(), role.throttled() ? "THROTTLED" : "ACCESS_DENIED", correlationId);
        }
        if (cause instanceof TimeoutException) {
            return ToolResultMapper.error(tool.name() + " timed out after " + callTimeout.toSeconds()
                    + "s; narrow the request (smaller limit, shorter time window) or continue with the cursor", "TIMEOUT", correlationId);
        }
        if (cause != null || outcome == null) {
            LOG.error("toolset {} failed on {} (correlation id {})", tool.toolsetId(), tool.name(), correlationId, cause);
            return ToolResultMapper.error("internal error in " + tool.name() + "; the gateway operator can find it in the log under correlation id "
                    + correlationId, "INTERNAL", correlationId);
        }
        try {
            return ToolResultMapper.toMcp(outcome, correlationId, guard, guarding);
        } catch (RuntimeException e) {
            LOG.error("result of {} cannot be mapped (correlation id {})", tool.name(), correlationId, e);
            return ToolResultMapper.error("internal error in " + tool.name() + "; correlation id " + correlationId, "INTERNAL", correlationId);
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
