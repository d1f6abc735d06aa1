package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.audit.ClientInfo;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOrigin;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.call.ClientChannel;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.confirmation.ConfirmationTickets;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.taint.TaintKey;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.transport.StreamableHttpTransport;
import dev.awsmcp.toolset.api.CallControl;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpAsyncNotifier;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpAsyncTool;
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The tools of the gateway for MCP 2026-07-28 clients: each caller's list (what their teams' policies let them see,
 * {@code cacheScope: private}), and every call through the same {@link ToolCallPipeline} as a 2025-11-25 session's,
 * answered on the request's own stream (progress notifications when the request asked for them). Without a session,
 * the session's taint is kept per principal ({@link #origin}). A tool the caller may not see, or that does not exist,
 * is answered like an unknown one and audited; closing the response cancels the call. A call a person must confirm
 * is answered with the question, and runs when the client retries it with the answer ({@link ModernConfirmation}).
 */
final class ModernTools implements McpAsyncToolRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ModernTools.class);

    private final ToolsetRegistry registry;
    private final ToolCallPipeline pipeline;
    private final PolicyStore policies;
    private final Duration listTtl;
    private final Map<String, McpSchema.Tool> definitions;
    private final ConfirmationTickets confirmations;
    private final CompactCatalog compact;

    /** @param compact what a compact catalog lists; null: every tool the caller may see */
    ModernTools(ToolsetRegistry registry, ToolCallPipeline pipeline, PolicyStore policies, Duration listTtl,
            ConfirmationTickets confirmations, CompactCatalog compact) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.policies = policies;
        this.listTtl = listTtl;
        this.confirmations = confirmations;
        this.compact = compact;
        Map<String, McpSchema.Tool> tools = new java.util.HashMap<>();
        registry.tools().forEach(tool -> tools.put(tool.name(), ModernSchema.convert(McpServerFactory.describe(tool), McpSchema.Tool.class)));
        if (compact != null) {
            tools.put(CatalogSearch.NAME, ModernSchema.convert(CatalogSearch.DEFINITION, McpSchema.Tool.class));
        }
        this.definitions = Map.copyOf(tools);
    }

    @Override
    public Mono<ToolsPage> list(McpRequestContext ctx, String cursor) {
        Principal principal = principal(ctx);
        List<McpSchema.Tool> listed = principal == null ? List.of()
                : compact != null ? compact.listed(policies.effective(principal)).stream().map(definitions::get).toList()
                : registry.tools().stream()
                        .filter(policies.effective(principal)::toolVisible)
                        .map(tool -> definitions.get(tool.name()))
                        .toList();
        return Mono.just(new ToolsPage(listed, null, listTtl.toMillis(), McpSchema.CacheScope.PRIVATE));
    }

    @Override
    public Mono<McpAsyncTool> find(McpRequestContext ctx, String name) {
        if (compact != null && CatalogSearch.NAME.equals(name)) {
            return Mono.just(McpAsyncTool.of(definitions.get(name), (context, request) -> search(context, request)));
        }
        return registry.find(name)
                .map(tool -> Mono.just(McpAsyncTool.of(definitions.get(tool.name()), (context, request) -> call(context, tool, request))))
                .orElseGet(() -> Mono.fromFuture(() -> pipeline.recordUnknownTool(name, null, principal(ctx), origin(ctx)))
                        .then(Mono.empty()));
    }

    /** A call of the compact catalog's {@code search_tools}: a caller who may not see it gets the unknown-tool error. */
    private Mono<McpAsyncResponse<McpSchema.CallToolOutcome>> search(McpRequestContext ctx, McpSchema.CallToolRequest request) {
        return Mono.fromFuture(() -> pipeline.callGatewayTool(compact.search(), request.arguments(), principal(ctx), origin(ctx)))
                .flatMap(outcome -> outcome instanceof CallOutcome.Refused refused && refused.kind() == ErrorKind.UNKNOWN_TOOL
                        ? Mono.error(McpException.invalidParams("Unknown tool: " + CatalogSearch.NAME))
                        : Mono.just(McpAsyncResponse.<McpSchema.CallToolOutcome>result(
                                ModernSchema.convert(McpCallResults.toMcp(outcome), McpSchema.CallToolResult.class))));
    }

    private Mono<McpAsyncResponse<McpSchema.CallToolOutcome>> call(McpRequestContext ctx, RegisteredTool tool, McpSchema.CallToolRequest request) {
        ModernConfirmation confirmation = ModernConfirmation.of(confirmations, ctx, request);
        return Mono.just(McpAsyncResponse.streaming(notifier -> Mono.fromFuture(() -> pipeline.call(tool, request.arguments(), principal(ctx),
                        origin(ctx), new ClientChannel(progress(ctx, notifier), confirmation)))
                .flatMap(outcome -> outcome instanceof CallOutcome.Refused refused && refused.kind() == ErrorKind.UNKNOWN_TOOL
                        ? Mono.error(McpException.invalidParams("Unknown tool: " + tool.name()))
                        : outcome instanceof CallOutcome.InputRequired asked ? Mono.just(confirmation.question(asked))
                        : notices(ctx, notifier, tool, outcome)
                                .thenReturn(ModernSchema.convert(McpCallResults.toMcp(outcome), McpSchema.CallToolResult.class)))));
    }

    /**
     * The call's log notices ({@link CallNotices}: truncation, guard findings) on the request's own stream, when the
     * request asked for them with {@code _meta["io.modelcontextprotocol/logLevel"]} (2026-07-28 sends none otherwise), at
     * that level or above. A notice that cannot be delivered never fails the call.
     */
    private static Mono<Void> notices(McpRequestContext ctx, McpAsyncNotifier notifier, RegisteredTool tool, CallOutcome outcome) {
        Object asked = ctx.meta() == null ? null : ctx.meta().get(McpSchema.MetaKeys.LOG_LEVEL);
        io.modelcontextprotocol.spec.McpSchema.LoggingLevel least = asked instanceof String level ? LEVELS.get(level) : null;
        if (least == null) {
            return Mono.empty();
        }
        return reactor.core.publisher.Flux.fromIterable(CallNotices.notices(tool.name(), outcome))
                .filter(notice -> notice.level().level() >= least.level())
                .concatMap(notice -> notifier.notify("notifications/message", ModernSchema.convert(notice, Map.class))
                        .onErrorResume(e -> Mono.empty()))
                .then();
    }

    private static final Map<String, io.modelcontextprotocol.spec.McpSchema.LoggingLevel> LEVELS = java.util.Arrays.stream(
            io.modelcontextprotocol.spec.McpSchema.LoggingLevel.values()).collect(java.util.stream.Collectors.toUnmodifiableMap(
                    level -> level.name().toLowerCase(java.util.Locale.ROOT), level -> level));

    /** Progress to the request's own stream, when it carried a progress token (the SDK drops it otherwise). */
    private static CallControl.ProgressListener progress(McpRequestContext ctx, McpAsyncNotifier notifier) {
        if (ctx.progressToken() == null) {
            return null;
        }
        return (done, total, message) -> notifier.progress(done, total == null ? null : total.doubleValue(), message)
                .subscribe(null, e -> LOG.debug("progress of {} not delivered: {}", ctx.requestId(), e.toString()));
    }

    static Principal principal(McpRequestContext ctx) {
        return McpServerFactory.principal(ctx.transportContext());
    }

    /**
     * Where a modern call comes from: no session; the client as it describes itself; and the key its taint is kept
     * under: the principal alone, so that a client can shed the taint of what it read neither by sending requests without
     * a session nor by naming itself differently (its clientInfo is self-reported: it is audited, never part of the key).
     */
    static CallOrigin origin(McpRequestContext ctx) {
        McpSchema.Implementation client = ctx.clientInfo();
        Principal principal = principal(ctx);
        Object trace = ctx.meta() == null ? null : ctx.meta().get("traceparent");
        return new CallOrigin(null, client == null ? null : new ClientInfo(client.name(), client.version()),
                principal == null ? null : TaintKey.principal(principal.id()),
                trace instanceof String parent ? parent : (String) ctx.transportContext().get(StreamableHttpTransport.TRACEPARENT_KEY));
    }
}
