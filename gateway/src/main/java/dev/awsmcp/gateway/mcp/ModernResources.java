package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpAsyncResource;
import io.modelcontextprotocol.modern.server.feature.McpAsyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpAsyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The gateway's resources for MCP 2026-07-28 clients: the same {@link GatewayResources} a 2025-11-25 session reads
 * ({@code gateway://whoami}, usage notes, the toolsets' templates, each template read a call through the pipeline),
 * each caller's template list ({@code cacheScope: private}), completions of template variables. Not found is
 * {@code -32602}, as 2026-07-28 asks.
 */
final class ModernResources implements McpAsyncResourceRepository {

    private final GatewayResources resources;
    private final List<GatewayResources.Template> templates;
    private final List<GatewayCompletions.Completion> completions;
    private final Duration listTtl;

    ModernResources(GatewayResources resources, List<GatewayCompletions.Completion> completions, Duration listTtl) {
        this.resources = resources;
        this.templates = resources.templates();
        this.completions = completions;
        this.listTtl = listTtl;
    }

    @Override
    public Mono<ResourcesPage> list(McpRequestContext ctx, String cursor) {
        return Mono.just(new ResourcesPage(List.of(ModernSchema.convert(GatewayResources.whoamiResource(), McpSchema.Resource.class)), null,
                listTtl.toMillis(), McpSchema.CacheScope.PRIVATE));
    }

    @Override
    public Mono<ResourceTemplatesPage> listTemplates(McpRequestContext ctx, String cursor) {
        Principal principal = ModernTools.principal(ctx);
        List<McpSchema.ResourceTemplate> visible = templates.stream()
                .filter(t -> resources.templateVisible(principal, t.definition().uriTemplate()))
                .map(t -> ModernSchema.convert(t.definition(), McpSchema.ResourceTemplate.class))
                .toList();
        return Mono.just(new ResourceTemplatesPage(visible, null, listTtl.toMillis(), McpSchema.CacheScope.PRIVATE));
    }

    @Override
    public Mono<McpAsyncResource> find(McpRequestContext ctx, String uri) {
        if (GatewayResources.WHOAMI.equals(uri)) {
            return Mono.just(McpAsyncResource.of((context, request) -> answer(resources.whoami(ModernRequester.of(context)))));
        }
        Optional<GatewayResources.Template> template = templates.stream()
                .filter(t -> new DefaultMcpUriTemplateManager(t.definition().uriTemplate()).matches(uri))
                .findFirst();
        return Mono.justOrEmpty(template.map(t -> McpAsyncResource.of((context, request) ->
                answer(t.reader().read(ModernRequester.of(context), request.uri())))));
    }

    @Override
    public Mono<McpAsyncResourceTemplate> findTemplate(McpRequestContext ctx, String uriTemplate) {
        return Mono.justOrEmpty(templates.stream().filter(t -> t.definition().uriTemplate().equals(uriTemplate)).findFirst()
                .map(t -> McpAsyncResourceTemplate.of(ModernSchema.convert(t.definition(), McpSchema.ResourceTemplate.class))
                        .withCompletionHandler(ModernRequester.completer(completions, uriTemplate))));
    }

    @Override
    public boolean supportsCompletion() {
        return true;
    }

    private static Mono<McpAsyncResponse<McpSchema.ReadResourceOutcome>> answer(Mono<io.modelcontextprotocol.spec.McpSchema.ReadResourceResult> read) {
        return read.map(result -> McpAsyncResponse.<McpSchema.ReadResourceOutcome>result(ModernSchema.convert(result,
                        McpSchema.ReadResourceResult.class)))
                .onErrorMap(McpError.class, ModernRequester::modernError);
    }
}
