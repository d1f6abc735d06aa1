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

    GatewayCompletions(ToolsetRegistry registry, ToolCallPipeline pipeline, GatewayResources resources, GatewayPrompts prompts) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.resources = resources;
        this.prompts = prompts;
    }

    /** How the values of one argument are completed for a requester. */
    @FunctionalInterface
    interface Completer {
        Mono<McpSchema.CompleteResult> complete(Requester requester, McpSchema.CompleteRequest request);
    }

    /** What is completed (a prompt or a resource template) and how. */
    record Completion(McpSchema.CompleteReference reference, Completer completer) {
    }

    /** The completions, for 2025-11-25 sessions whose requesters {@code requesters} tells. */
    List<AsyncCompletionSpecification> completions(Function<McpAsyncServerExchange, Requester> requesters) {
        return completions().stream().map(c -> new AsyncCompletionSpecification(c.reference(),
                (exchange, request) -> c.completer().complete(requesters.apply(exchange), request))).toList();
    }

    /** Every completion: of the usage notes' toolset, of toolset prompts' arguments, of toolset templates' variables. */
    List<Completion> completions() {
        List<Completion> completions = new ArrayList<>();
        completions.add(new Completion(new McpSchema.ResourceReference(GatewayResources.USAGE),
                (requester, request) -> Mono.fromSupplier(() -> result(resources.visibleToolsets(requester.principal()),
                        request.argument().value()))));
        for (GatewayPrompts.ToolsetPrompt prompt : prompts.toolsetPrompts()) {
            completions.add(new Completion(new McpSchema.PromptReference(prompt.name()), (requester, request) -> {
                Optional<ValueSource> source = prompt.spec().arguments().stream()
                        .filter(a -> a.name().equals(request.argument().name()))
                        .map(PromptSpec.Argument::completion)
                        .filter(java.util.Objects::nonNull)
                        .findFirst();
                if (!prompts.visible(requester.principal(), prompt.name()) || source.isEmpty()) {
                    return Mono.just(result(List.of(), ""));
                }
                return complete(requester, prompt.instance(), source.get(), request);
            }));
        }
        for (ToolsetInstance instance : registry.instances()) {
            for (ResourceTemplateSpec spec : instance.toolset().resourceTemplates()) {
                completions.add(new Completion(new McpSchema.ResourceReference(GatewayResources.uriTemplate(instance, spec)),
                        (requester, request) -> {
                            ValueSource source = spec.completions().get(request.argument().name());
                            return source == null ? Mono.just(result(List.of(), "")) : complete(requester, instance, source, request);
                        }));
            }
        }
        return completions;
    }

    private Mono<McpSchema.CompleteResult> complete(Requester requester, ToolsetInstance instance, ValueSource source,
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
        return McpCallResults.outcome(tool.get().name(), () -> pipeline.call(tool.get(), arguments, requester.principal(),
                        requester.origin()))
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
