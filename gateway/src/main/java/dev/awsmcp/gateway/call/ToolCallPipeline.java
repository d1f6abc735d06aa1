package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The one path of every {@code tools/call}: validate the arguments against the tool's schema, build
 * the call context (caller, credentials, deadline, limits, correlation id), run the toolset off the
 * event loop, bound the wait by the deadline, and map the outcome to an MCP result. Every outcome,
 * including a toolset bug, becomes a result the model can read; nothing escapes as a protocol error.
 */
public final class ToolCallPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallPipeline.class);
    /** How long past the deadline the gateway waits for a toolset before it answers for it. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private final ResultLimits limits;
    private final Duration callTimeout;
    private final AwsCredentialsProvider credentials;
    private final Executor dispatch;

    /**
     * @param limits result bounds handed to toolsets
     * @param callTimeout deadline of one call
     * @param credentials base credentials for toolset calls
     * @param dispatch the named pool toolset calls start on, so that credential resolution or any
     *     other synchronous work inside the AWS SDK never runs on an event-loop thread
     */
    public ToolCallPipeline(ResultLimits limits, Duration callTimeout, AwsCredentialsProvider credentials, Executor dispatch) {
        this.limits = limits;
        this.callTimeout = callTimeout;
        this.credentials = credentials;
        this.dispatch = dispatch;
    }

    /** Runs one call of {@code tool} for {@code caller}; the Mono always succeeds with a result. */
    public Mono<CallToolResult> call(RegisteredTool tool, CallToolRequest request, Caller caller) {
        String correlationId = UUID.randomUUID().toString();
        ObjectNode arguments = arguments(request.arguments());
        Optional<String> invalid = tool.arguments().validate(arguments);
        if (invalid.isPresent()) {
            return Mono.just(ToolResultMapper.error("invalid arguments for " + tool.name() + ": " + invalid.get()
                    + ". Check the tool's input schema and call again.", "INVALID_ARGUMENT", correlationId));
        }
        CallContext context = new CallContext(caller, credentials, Instant.now().plus(callTimeout), limits, correlationId);
        long started = System.nanoTime();
        CompletableFuture<CallToolResult> result = CompletableFuture
                .supplyAsync(() -> tool.toolset().call(new ToolCall(tool.spec().name(), arguments), context), dispatch)
                .thenCompose(stage -> stage)
                .toCompletableFuture()
                .orTimeout(callTimeout.plus(DEADLINE_GRACE).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((outcome, failure) -> finish(tool, correlationId, outcome, failure));
        return Mono.fromFuture(result).doOnNext(r -> LOG.debug("{} {} in {} ms, error={}", tool.name(), correlationId,
                (System.nanoTime() - started) / 1_000_000, r.isError()));
    }

    private CallToolResult finish(RegisteredTool tool, String correlationId, ToolResult outcome, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
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
            return ToolResultMapper.toMcp(outcome, correlationId);
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
