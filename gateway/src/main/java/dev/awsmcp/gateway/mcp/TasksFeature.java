package dev.awsmcp.gateway.mcp;

import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The methods of the MCP tasks extension ({@code io.modelcontextprotocol/tasks}) on the 2026-07-28 server:
 * {@code tasks/get} (the task with its result once ended), {@code tasks/update} (acknowledged; a task of this gateway
 * never asks for input, so responses are ignored as the extension allows) and {@code tasks/cancel}, each for a client
 * that declared the extension on that request (-32021 otherwise); the extension in {@code server/discover}'s
 * capabilities. A listen for {@code taskIds} is honoured with none: clients poll.
 */
final class TasksFeature implements McpFeature {

    /** What a task id of this gateway looks like (a UUID); anything else is as unknown as a missing task. */
    private static final Pattern TASK_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final String TASK_IDS = "taskIds";

    private final GatewayTasks tasks;

    TasksFeature(GatewayTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> methods() {
        return Set.of("tasks/get", "tasks/update", "tasks/cancel");
    }

    @Override
    public Mono<? extends McpAsyncResponse<? extends McpSchema.Result>> handle(McpRequestContext ctx, Object params) {
        if (!GatewayTasks.declared(ctx)) {
            return Mono.error(GatewayTasks.missingCapability());
        }
        Object id = params instanceof Map<?, ?> map ? map.get("taskId") : null;
        if (!(id instanceof String taskId)) {
            return Mono.error(McpException.invalidParams("params.taskId is required: the taskId of the task, as the tools/call that "
                    + "started it answered"));
        }
        if (!TASK_ID.matcher(taskId).matches()) {
            return Mono.error(GatewayTasks.notFound());
        }
        Mono<? extends McpSchema.Result> answer = switch (ctx.method()) {
            case "tasks/get" -> tasks.get(ctx, taskId);
            case "tasks/cancel" -> tasks.cancel(ctx, taskId).thenReturn(TaskResult.Acknowledged.INSTANCE);
            default -> tasks.own(ctx, taskId).thenReturn(TaskResult.Acknowledged.INSTANCE);
        };
        return answer.map(McpAsyncResponse::result);
    }

    @Override
    public void capabilities(McpSchema.ServerCapabilities.Builder builder) {
        builder.extension(GatewayTasks.EXTENSION, Map.of());
    }

    @Override
    public McpSchema.SubscriptionFilter honouredSubscriptions(McpRequestContext ctx, McpSchema.SubscriptionFilter requested) {
        if (requested.get(TASK_IDS) != null && !GatewayTasks.declared(ctx)) {
            throw GatewayTasks.missingCapability();
        }
        return McpSchema.SubscriptionFilter.EMPTY;
    }
}
