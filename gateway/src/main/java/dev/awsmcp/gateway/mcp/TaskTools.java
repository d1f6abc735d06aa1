package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpAsyncTool;
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The tools of {@link ModernTools}, where a long-running one ({@code ToolSpec.longRunning}) called by a client that
 * declared the tasks extension on that request runs as a task ({@link GatewayTasks}): the call answers
 * {@code resultType "task"} once the task is stored. Everything else is answered exactly as by {@link ModernTools}: a
 * client without the extension, a tool that is not long-running, a tool the caller may not see (no task reveals that it
 * exists), and a call whose task the store could not keep (it runs as a plain call; logged).
 */
final class TaskTools implements McpAsyncToolRepository {

    private static final Logger LOG = LoggerFactory.getLogger(TaskTools.class);

    private final McpAsyncToolRepository tools;
    private final ToolsetRegistry registry;
    private final PolicyStore policies;
    private final GatewayTasks tasks;

    TaskTools(McpAsyncToolRepository tools, ToolsetRegistry registry, PolicyStore policies, GatewayTasks tasks) {
        this.tools = tools;
        this.registry = registry;
        this.policies = policies;
        this.tasks = tasks;
    }

    @Override
    public Mono<ToolsPage> list(McpRequestContext ctx, String cursor) {
        return tools.list(ctx, cursor);
    }

    @Override
    public Mono<McpAsyncTool> find(McpRequestContext ctx, String name) {
        return tools.find(ctx, name).map(plain -> registry.find(name)
                .filter(tool -> runsAsTask(ctx, tool))
                .map(tool -> McpAsyncTool.of(plain.definition(), plain.requiredCapabilities(), (context, request) -> task(context, tool, plain,
                        request)))
                .orElse(plain));
    }

    private boolean runsAsTask(McpRequestContext ctx, RegisteredTool tool) {
        Principal principal = ModernTools.principal(ctx);
        return tool.spec().longRunning() && GatewayTasks.declared(ctx) && principal != null && policies.effective(principal).toolVisible(tool);
    }

    private Mono<McpAsyncResponse<McpSchema.CallToolOutcome>> task(McpRequestContext ctx, RegisteredTool tool, McpAsyncTool plain,
            McpSchema.CallToolRequest request) {
        return tasks.start(ctx, tool, request.arguments())
                .map(created -> McpAsyncResponse.<McpSchema.CallToolOutcome>result(created))
                .onErrorResume(notStored -> {
                    LOG.warn("call of {}: its task could not be stored ({}); it runs without a task", tool.name(), notStored.toString());
                    return plain.handler().call(ctx, request);
                });
    }
}
