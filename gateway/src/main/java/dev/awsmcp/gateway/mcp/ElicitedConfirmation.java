package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.call.CallConfirmation;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Confirmation by a person through MCP elicitation ({@code elicitation/create} on the call's own
 * stream): the message shows the tool, the resources, the team rule and the SHA-256 of the exact
 * arguments; the form has one required boolean. A client that did not declare the elicitation
 * capability cannot ask; no answer within the SDK's request timeout counts as cancelled.
 */
final class ElicitedConfirmation implements CallConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(ElicitedConfirmation.class);
    static final String FIELD = "confirm";
    static final Map<String, Object> FORM = Map.of(
            "type", "object",
            "properties", Map.of(FIELD, Map.of("type", "boolean", "title", "Run this call",
                    "description", "Check the tool, resources and arguments above before you confirm.")),
            "required", List.of(FIELD));

    private final McpAsyncServerExchange exchange;

    private ElicitedConfirmation(McpAsyncServerExchange exchange) {
        this.exchange = exchange;
    }

    /** How calls of {@code exchange}'s client are confirmed: by elicitation when it can, else not at all. */
    static CallConfirmation of(McpAsyncServerExchange exchange) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        return capabilities == null || capabilities.elicitation() == null ? CallConfirmation.UNSUPPORTED : new ElicitedConfirmation(exchange);
    }

    static String message(Request request) {
        CallConfirmation.Subject call = request.call();
        return "Confirm " + call.access() + " call " + call.tool() + "\n"
                + "Resources: " + (call.resources().isEmpty() ? "(none named)" : String.join(", ", call.resources())) + "\n"
                + "Arguments: " + request.arguments() + "\n"
                + "Arguments SHA-256: " + request.payloadDigest() + "\n"
                + "Why: " + String.join("; ", request.reasons());
    }

    /**
     * The answer in an elicitation result with {@code action} ({@code ACCEPT}, {@code DECLINE}, {@code CANCEL}) and
     * {@code content}: only an accept with the box ticked confirms.
     */
    static Answer answer(String action, Map<String, Object> content) {
        return switch (action) {
            case "ACCEPT" -> content != null && Boolean.TRUE.equals(content.get(FIELD)) ? Answer.ACCEPTED : Answer.DECLINED;
            case "DECLINE" -> Answer.DECLINED;
            default -> Answer.CANCELLED;
        };
    }

    @Override
    public CompletionStage<Answer> ask(Request request) {
        return exchange.createElicitation(McpSchema.ElicitRequest.builder(message(request), FORM).build())
                .map(result -> answer(result.action().name(), result.content()))
                .onErrorResume(e -> {
                    LOG.info("confirmation of {} not answered: {}", request.call().tool(), e.toString());
                    return Mono.just(Answer.CANCELLED);
                })
                .toFuture();
    }
}
