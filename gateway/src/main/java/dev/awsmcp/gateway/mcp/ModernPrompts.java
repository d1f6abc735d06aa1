package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpAsyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpAsyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.spec.McpError;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The gateway's prompts for MCP 2026-07-28 clients: the same {@link GatewayPrompts} a 2025-11-25 session gets, each
 * caller's list ({@code cacheScope: private}) holding only prompts it may use, and completions of their arguments. A
 * prompt the caller may not use is unknown.
 */
final class ModernPrompts implements McpAsyncPromptRepository {

    private final GatewayPrompts prompts;
    private final List<GatewayPrompts.Prompt> all;
    private final List<GatewayCompletions.Completion> completions;
    private final Duration listTtl;

    ModernPrompts(GatewayPrompts prompts, List<GatewayCompletions.Completion> completions, Duration listTtl) {
        this.prompts = prompts;
        this.all = prompts.prompts();
        this.completions = completions;
        this.listTtl = listTtl;
    }

    @Override
    public Mono<PromptsPage> list(McpRequestContext ctx, String cursor) {
        Principal principal = ModernTools.principal(ctx);
        return Mono.just(new PromptsPage(all.stream().filter(p -> prompts.visible(principal, p.definition().name()))
                .map(p -> ModernSchema.convert(p.definition(), McpSchema.Prompt.class)).toList(), null, listTtl.toMillis(),
                McpSchema.CacheScope.PRIVATE));
    }

    @Override
    public Mono<McpAsyncPrompt> find(McpRequestContext ctx, String name) {
        if (!prompts.visible(ModernTools.principal(ctx), name)) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(all.stream().filter(p -> p.definition().name().equals(name)).findFirst()
                .map(p -> McpAsyncPrompt.of(ModernSchema.convert(p.definition(), McpSchema.Prompt.class), (context, request) ->
                                Mono.fromSupplier(() -> McpAsyncResponse.<McpSchema.GetPromptOutcome>result(ModernSchema.convert(
                                        p.getter().get(ModernRequester.of(context), ModernSchema.convert(request,
                                                io.modelcontextprotocol.spec.McpSchema.GetPromptRequest.class)),
                                        McpSchema.GetPromptResult.class)))
                                        .onErrorMap(McpError.class, ModernRequester::modernError))
                        .withCompletionHandler(ModernRequester.completer(completions, name))));
    }

    @Override
    public boolean supportsCompletion() {
        return true;
    }
}
