package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallConfirmation;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.call.ConfirmationRefusedException;
import dev.awsmcp.gateway.confirmation.ConfirmationTicket;
import dev.awsmcp.gateway.confirmation.ConfirmationTickets;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.RequestStateCodec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Confirmation by a person for an MCP 2026-07-28 client, across two requests: a call that needs it is answered with
 * an {@code InputRequiredResult} (the elicitation form of {@link ElicitedConfirmation}, and a sealed
 * {@code requestState}), and runs when the client retries it with the person's answer in {@code inputResponses} and
 * the state it got ({@link ConfirmationTickets} checks that the state holds for this very call, once). A client that
 * did not declare form elicitation in this request is never asked (the SDK would turn that into an internal error);
 * its call is refused with the reason. A retry that brings back state without an answer is asked again.
 */
final class ModernConfirmation implements CallConfirmation {

    /**
     * The SDK's hook for request state, passing it through: the state is sealed and checked by
     * {@link ConfirmationTickets} in the call's confirmation step, so that a refused retry is audited and told what does
     * not hold. (The SDK's own HMAC codec refuses it earlier with a bare -32602 and no record, binds no arguments, and
     * without a key signs with a random key of each process.)
     */
    static final RequestStateCodec CHECKED_BY_THE_CALL = new RequestStateCodec() {
        @Override
        public String seal(McpRequestContext ctx, String state) {
            return state;
        }

        @Override
        public String open(McpRequestContext ctx, String sealed) {
            return sealed;
        }
    };

    private final ConfirmationTickets tickets;
    private final Principal principal;
    private final boolean canAsk;
    private final McpSchema.CallToolRequest request;

    private ModernConfirmation(ConfirmationTickets tickets, Principal principal, boolean canAsk, McpSchema.CallToolRequest request) {
        this.tickets = tickets;
        this.principal = principal;
        this.canAsk = canAsk;
        this.request = request;
    }

    /** How the call {@code request} of {@code ctx}'s client is confirmed. */
    static ModernConfirmation of(ConfirmationTickets tickets, McpRequestContext ctx, McpSchema.CallToolRequest request) {
        McpSchema.ClientCapabilities capabilities = ctx.clientCapabilities();
        return new ModernConfirmation(tickets, ModernTools.principal(ctx), capabilities != null && capabilities.supportsElicitationForm(),
                request);
    }

    @Override
    public CompletionStage<Answer> ask(Request question) {
        if (principal == null) {
            return CompletableFuture.completedFuture(Answer.UNSUPPORTED);
        }
        return tickets.available(question.call().tool()).thenCompose(ready -> {
            if (request.requestState() == null) {
                return asked();
            }
            ConfirmationTicket ticket = tickets.check(request.requestState(), principal.id(), question);
            McpSchema.ElicitResult answer = answer();
            return answer == null ? asked() : tickets.use(ticket).thenApply(used -> ElicitedConfirmation.answer(answer.action().name(),
                    answer.content()));
        });
    }

    /** The question to hand the client for {@code asked}, with a ticket sealed for it. */
    McpSchema.InputRequiredResult question(CallOutcome.InputRequired asked) {
        String state = tickets.issue(principal.id(), asked.question(), asked.correlationId());
        return McpSchema.InputRequiredResult.builder()
                .elicit(ElicitedConfirmation.FIELD, McpSchema.ElicitFormRequest.builder(ElicitedConfirmation.message(asked.question()),
                        ElicitedConfirmation.FORM).build())
                .requestState(state)
                .meta(Map.of("correlationId", asked.correlationId()))
                .build();
    }

    private CompletableFuture<Answer> asked() {
        return CompletableFuture.completedFuture(canAsk ? Answer.ASKED : Answer.UNSUPPORTED);
    }

    /** The person's answer the retry brought; null when it brought none. */
    private McpSchema.ElicitResult answer() {
        Object raw = request.inputResponses() == null ? null : request.inputResponses().get(ElicitedConfirmation.FIELD);
        if (raw == null) {
            return null;
        }
        try {
            return McpServerFactory.JSON.convertValue(raw, McpSchema.ElicitResult.class);
        } catch (RuntimeException e) {
            throw ConfirmationRefusedException.invalid("inputResponses." + ElicitedConfirmation.FIELD + " is not an elicitation result "
                    + "({\"action\": \"accept\", \"content\": {\"confirm\": true}}); the call did not run. Start the call again and send "
                    + "the person's answer as the elicitation result");
        }
    }
}
