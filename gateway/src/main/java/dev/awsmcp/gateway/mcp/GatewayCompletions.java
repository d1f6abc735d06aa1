package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.api.PromptSpec;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.ValueSource;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Completions of prompt arguments and resource-template variables: each declared {@link ValueSource}
 * runs its listing tool through the {@link ToolCallPipeline} as the caller (so only names its policy
 * lets it list come back, and the call is audited), then the values are filtered by the typed prefix.
 * The {@code {toolset}} variable of the usage notes completes to the toolsets the caller may use.
 * Anything that cannot be completed completes to nothing.
 */
final class GatewayCompletions {

    private static final int MAX_VALUES = 100;

    private final ToolsetRegistry registry;
    private final ToolCallPipeline pipeline;
    private final GatewayResources resources;
    private final GatewayPrompts prompts;
    private final Function<McpAsyncServerExchange, Principal> principals;

    GatewayCompletions(ToolsetRegistry registry, ToolCallPipeline pipeline, GatewayResources resources, GatewayPrompts prompts,
            Function<McpAsyncServerExchange, Principal> principals) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.resources = resources;
        this.prompts = prompts;
        this.principals = principals;
    }

    List<AsyncCompletionSpecification> completions() {
        List<AsyncCompletionSpecification> completions = new ArrayList<>();
        completions.add(new AsyncCompletionSpecification(new McpSchema.ResourceReference(GatewayResources.USAGE),
                (exchange, request) -> Mono.fromSupplier(() -> result(resources.visibleToolsets(principals.apply(exchange)),
                        request.argument().value()))));
        for (GatewayPrompts.ToolsetPrompt prompt : prompts.toolsetPrompts()) {
            completions.add(new AsyncCompletionSpecification(new McpSchema.PromptReference(prompt.name()), (exchange, request) -> {
                Optional<ValueSource> source = prompt.spec().arguments().stream()
                        .filter(a -> a.name().equals(request.argument().name()))
                        .map(PromptSpec.Argument::completion)
                        .filter(java.util.Objects::nonNull)
                        .findFirst();
                if (!prompts.visible(principals.apply(exchange), prompt.name()) || source.isEmpty()) {
                    return Mono.just(result(List.of(), ""));
                }
                return complete(exchange, prompt.instance(), source.get(), request);
            }));
        }
        for (ToolsetInstance instance : registry.instances()) {
            for (ResourceTemplateSpec spec : instance.toolset().resourceTemplates()) {
                completions.add(new AsyncCompletionSpecification(new McpSchema.ResourceReference(GatewayResources.uriTemplate(instance, spec)),
                        (exchange, request) -> {
                            ValueSource source = spec.completions().get(request.argument().name());
                            return source == null ? Mono.just(result(List.of(), "")) : complete(exchange, instance, source, request);
                        }));
            }
        }
        return completions;
    }

    private Mono<McpSchema.CompleteResult> complete(McpAsyncServerExchange exchange, ToolsetInstance instance, ValueSource source,
            McpSchema.CompleteRequest request) {
        Optional<RegisteredTool> tool = registry.find(instance.config().exposedName(source.tool()));
        String prefix = request.argument().value() == null ? "" : request.argument().value();
        Map<String, String> chosen = request.context() == null || request.context().arguments() == null ? Map.of()
                : request.context().arguments();
        if (tool.isEmpty()) {
            return Mono.just(result(List.of(), prefix));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = Json.mapper().convertValue(source.arguments().apply(prefix, chosen), Map.class);
        return McpCallResults.outcome(tool.get().name(), () -> pipeline.call(tool.get(), arguments, principals.apply(exchange),
                        McpServerFactory.origin(exchange)))
                .map(outcome -> outcome instanceof CallOutcome.Succeeded succeeded
                        ? result(source.values().apply(succeeded.answer().data().json()), prefix)
                        : result(List.of(), prefix))
                // A tool the caller may not see completes to nothing, like an unknown one.
                .onErrorResume(io.modelcontextprotocol.spec.McpError.class, e -> Mono.just(result(List.of(), prefix)));
    }

    private static McpSchema.CompleteResult result(List<String> candidates, String prefix) {
        List<String> matching = candidates.stream().filter(v -> prefix == null || v.startsWith(prefix)).sorted().toList();
        List<String> shown = matching.subList(0, Math.min(MAX_VALUES, matching.size()));
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(shown, matching.size(),
                matching.size() > shown.size()));
    }
}
