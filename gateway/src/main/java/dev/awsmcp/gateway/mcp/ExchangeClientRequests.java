package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.ClientRequests;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A toolset's {@link ClientRequests} over the MCP exchange of its call: log notifications (logger: the
 * exposed tool name; the client's {@code logging/setLevel} filters them), {@code sampling/createMessage}
 * and {@code elicitation/create}, the last two only when the client declared the capability. Requests
 * time out with the SDK's request timeout.
 */
final class ExchangeClientRequests implements ClientRequests {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private final McpAsyncServerExchange exchange;
    private final String tool;

    ExchangeClientRequests(McpAsyncServerExchange exchange, String tool) {
        this.exchange = exchange;
        this.tool = tool;
    }

    @Override
    public CompletionStage<Void> log(LogLevel level, String message) {
        return exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                        .level(McpSchema.LoggingLevel.valueOf(level.name())).logger(tool).data(message).build())
                .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .toFuture();
    }

    @Override
    public CompletionStage<String> sample(String prompt, int maxTokens) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.sampling() == null) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("the client did not declare the sampling capability"));
        }
        McpSchema.CreateMessageRequest request = McpSchema.CreateMessageRequest.builder()
                .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent(prompt))))
                .maxTokens(maxTokens)
                .build();
        return exchange.createMessage(request)
                .map(result -> result.content() instanceof McpSchema.TextContent text ? text.text() : "")
                .toFuture();
    }

    @Override
    public CompletionStage<Elicited> elicit(String message, ObjectNode requestedSchema) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.elicitation() == null) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("the client did not declare the elicitation capability"));
        }
        return exchange.createElicitation(McpSchema.ElicitRequest.builder(message, Json.mapper().convertValue(requestedSchema, MAP)).build())
                .map(result -> new Elicited(Action.valueOf(result.action().name().toUpperCase(Locale.ROOT)),
                        result.content() == null ? null : Json.mapper().valueToTree(result.content())))
                .toFuture();
    }
}
