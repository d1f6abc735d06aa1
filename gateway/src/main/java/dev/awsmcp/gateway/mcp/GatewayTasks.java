package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOrigin;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.call.ClientChannel;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The tasks of MCP 2026-07-28 clients that declare the tasks extension ({@code io.modelcontextprotocol/tasks}): a call
 * started as a task is stored first ({@link TaskStore}: any instance then answers {@code tasks/get}), then runs through
 * the same {@link ToolCallPipeline} (policy, guard, audit) on the instance that accepted it, detached from the request;
 * its outcome (the MCP result the call would have answered) is written into the task. Only the principal that created a
 * task sees or cancels it; for anyone else it does not exist. A cancel marks the task {@code cancelled} at once and
 * cancels the pipeline call (the toolset stops its AWS work; the call is audited {@code cancelled}): here when this
 * instance runs it, else by the running instance, which looks at its tasks' records every poll interval on a shared
 * store. A task whose instance stopped before the call ended is failed by the first read past its run limit.
 */
final class GatewayTasks {

    /** The extension's identifier, in the client's per-request capabilities and in discover. */
    static final String EXTENSION = "io.modelcontextprotocol/tasks";
    /** How long a task is kept after it was created. */
    static final Duration TTL = Duration.ofHours(1);
    /** How often a client should poll a task, and how often the running instance looks for a cancel from elsewhere. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** How long past the call's own bound a task may stay working before it counts as abandoned. */
    private static final Duration RUN_MARGIN = Duration.ofMinutes(1);
    private static final String CANCELLED = "cancelled by the client";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayTasks.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final TaskStore tasks;
    private final ToolCallPipeline pipeline;
    private final Duration runLimit;
    private final boolean shared;
    private final Clock clock;
    private final Map<String, CompletableFuture<CallOutcome>> running = new ConcurrentHashMap<>();

    /** Tasks in {@code store} whose calls end within {@code callBound} (the longest a pipeline call takes to answer). */
    GatewayTasks(SessionStore store, ToolCallPipeline pipeline, Duration callBound, Clock clock) {
        this.tasks = new TaskStore(store, clock);
        this.pipeline = pipeline;
        this.runLimit = callBound.plus(RUN_MARGIN);
        this.shared = store.shared();
        this.clock = clock;
    }

    /** Whether the request's client declared the tasks extension (it must, on every request that may get or use a task). */
    static boolean declared(McpRequestContext ctx) {
        Map<String, Map<String, Object>> extensions = ctx.clientCapabilities().extensions();
        return extensions != null && extensions.containsKey(EXTENSION);
    }

    /** The error of a tasks request from a client that did not declare the extension (-32021, naming it). */
    static McpException missingCapability() {
        return McpException.missingClientCapability(McpSchema.ClientCapabilities.builder()
                .extensions(Map.of(EXTENSION, Map.of())).build());
    }

    /** The error for a task that is unknown, expired or another principal's: the same for all three. */
    static McpException notFound() {
        return McpException.invalidParams("Failed to retrieve task: Task not found; a task is kept for "
                + TTL.toMinutes() + " minutes after it started, for the caller that started it");
    }

    /**
     * Starts a call of {@code tool} as a task of the request's principal and answers its {@code CreateTaskResult} once the
     * task is stored. Fails when the store cannot keep it (nothing was started then).
     */
    Mono<TaskResult> start(McpRequestContext ctx, RegisteredTool tool, Map<String, Object> arguments) {
        Principal principal = ModernTools.principal(ctx);
        String taskId = UUID.randomUUID().toString();
        TaskRecord task = TaskRecord.working(principal.id(), tool.name(), clock.instant(), TTL, POLL_INTERVAL, runLimit);
        return Mono.fromFuture(() -> tasks.create(taskId, task)).flatMap(created -> {
            if (!created) {
                return Mono.error(new IllegalStateException("task id " + taskId + " exists"));
            }
            run(taskId, tool, arguments, principal, ModernTools.origin(ctx));
            return Mono.just(task.answer(taskId, TaskResult.TASK));
        });
    }

    /** The caller's task {@code taskId} as {@code tasks/get} answers it. */
    Mono<TaskResult> get(McpRequestContext ctx, String taskId) {
        return own(ctx, taskId).map(task -> task.answer(taskId, McpSchema.ResultType.COMPLETE));
    }

    /** The caller's task {@code taskId}; fails with {@link #notFound} when the caller has no such task. */
    Mono<TaskRecord> own(McpRequestContext ctx, String taskId) {
        Principal principal = ModernTools.principal(ctx);
        return Mono.fromFuture(() -> tasks.read(taskId)).flatMap(found -> found
                .filter(task -> principal != null && task.principal().equals(principal.id()))
                .map(Mono::just)
                .orElseGet(() -> Mono.error(notFound())));
    }

    /** Cancels the caller's task {@code taskId} (an ended task stays as it ended). */
    Mono<Void> cancel(McpRequestContext ctx, String taskId) {
        return own(ctx, taskId)
                .flatMap(task -> Mono.fromFuture(() -> tasks.end(taskId, (working, now) -> working.cancelled(CANCELLED, now))))
                .doOnNext(ended -> stopHere(taskId))
                .then();
    }

    private void run(String taskId, RegisteredTool tool, Map<String, Object> arguments, Principal principal, CallOrigin origin) {
        CompletableFuture<CallOutcome> call = pipeline.call(tool, arguments, principal, origin, ClientChannel.NONE);
        running.put(taskId, call);
        call.whenComplete((outcome, failure) -> tasks.end(taskId, (task, now) -> settled(task, outcome, failure, now))
                .whenComplete((ended, notStored) -> {
                    running.remove(taskId, call);
                    if (outcome != null) {
                        LOG.info("task {} of {}: its call ended (correlation id {}); the task is {}", taskId, tool.name(),
                                outcome.correlationId(), ended == null ? "unknown" : ended.map(task -> task.status().name()).orElse("gone"));
                    }
                    if (notStored != null) {
                        LOG.error("task {} of {}: its outcome could not be stored ({}); it reads as working until its run limit "
                                + "passes, then as failed", taskId, tool.name(), notStored.toString());
                    }
                }));
        if (shared) {
            watch(taskId, call);
        }
    }

    /** Tasks whose call runs here, until their outcome is stored. */
    int running() {
        return running.size();
    }

    private void stopHere(String taskId) {
        CompletableFuture<CallOutcome> call = running.get(taskId);
        if (call != null) {
            LOG.info("task {} cancelled by its client: stopping its call", taskId);
            call.cancel(true);
        }
    }

    /** On a shared store, looks at the task every poll interval while its call runs here, to stop it once ended elsewhere. */
    private void watch(String taskId, CompletableFuture<CallOutcome> call) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(v -> call.isDone() ? CompletableFuture.completedFuture(Optional.<TaskRecord>empty()) : tasks.find(taskId))
                .whenComplete((found, failure) -> {
                    if (call.isDone()) {
                        return;
                    }
                    if (failure == null && found.isPresent() && found.get().terminal()) {
                        LOG.info("task {} ended elsewhere ({}): stopping its call", taskId, found.get().status());
                        call.cancel(true);
                    } else {
                        watch(taskId, call);
                    }
                });
    }

    /** The task once its call ended: its MCP result (an isError one too), or cancelled, or failed as the SDK fails a request. */
    private static TaskRecord settled(TaskRecord task, CallOutcome outcome, Throwable failure, Instant now) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException || outcome instanceof CallOutcome.Cancelled) {
            return task.cancelled(CANCELLED, now);
        }
        if (cause != null) {
            LOG.warn("task of {} failed in the gateway", task.tool(), cause);
            return task.failed(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", now);
        }
        if (outcome instanceof CallOutcome.Refused refused && refused.kind() == ErrorKind.UNKNOWN_TOOL) {
            // The caller lost sight of the tool (a policy reload) after the task started: as for any unknown tool.
            return task.failed(McpSchema.ErrorCodes.INVALID_PARAMS, "Unknown tool: " + task.tool(), now);
        }
        McpSchema.CallToolResult result = ModernSchema.convert(McpCallResults.toMcp(outcome), McpSchema.CallToolResult.class);
        return task.completed(Json.mapper().convertValue(result, JSON_OBJECT), now);
    }
}
