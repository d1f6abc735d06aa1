package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a tool may send to or ask of the caller's MCP client while its call runs, on the call's own
 * stream: log notifications, a sampling request (the client's model answers a prompt) and an elicitation
 * (a person fills in a form). Reached through {@link CallControl#client()}; the gateway wires it to the
 * MCP exchange of the call. Requests the client did not declare a capability for complete exceptionally
 * with {@link UnsupportedOperationException}; toolsets turn that into a {@link ToolResult.Failure}. The
 * gateway passes every text sent here (log messages, sampling prompts, elicitation messages) through the
 * result guard, in the caller's team's mode, like a tool result: secrets are redacted and injection handled.
 */
public interface ClientRequests {

    /** MCP log levels a tool may use. */
    enum LogLevel { DEBUG, INFO, NOTICE, WARNING, ERROR }

    /** What a person answered to an elicitation. */
    enum Action { ACCEPT, DECLINE, CANCEL }

    /**
     * The answer to an elicitation.
     *
     * @param action what the person did
     * @param content the form's values when accepted, else null
     */
    record Elicited(Action action, JsonNode content) {
        public Elicited {
            Objects.requireNonNull(action, "action");
        }
    }

    /** A client that can be asked nothing: logs go nowhere, sampling and elicitation fail. */
    ClientRequests NONE = new ClientRequests() {
        @Override
        public CompletionStage<Void> log(LogLevel level, String message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<String> sample(String prompt, int maxTokens) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("the client cannot be asked for sampling"));
        }

        @Override
        public CompletionStage<Elicited> elicit(String message, ObjectNode requestedSchema) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("the client cannot be asked for input"));
        }
    };

    /**
     * Sends a log notification (logger: the toolset's tool) unless the client's {@code logging/setLevel}
     * filters it out; completes when sent. Never fails the call.
     */
    CompletionStage<Void> log(LogLevel level, String message);

    /**
     * Asks the client's model to answer {@code prompt} (one user message) in at most {@code maxTokens}
     * tokens ({@code sampling/createMessage}); completes with the text of the answer (empty when it was not
     * text).
     */
    CompletionStage<String> sample(String prompt, int maxTokens);

    /**
     * Asks a person to fill in a form ({@code elicitation/create}): {@code requestedSchema} is the MCP
     * restricted JSON Schema of a flat object.
     */
    CompletionStage<Elicited> elicit(String message, ObjectNode requestedSchema);
}
