package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.ArgumentRedactor;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation step of the pipeline: when the deciding team's policy lists the tool's access class
 * under {@code confirm}, a person is asked through the client (tool, resources, a digest of the exact
 * arguments) before anything runs. Completes empty when the call may go on, or with the refusal to
 * answer (or the question to hand the client, for a retry with the answer); the answer is recorded either way.
 */
final class CallConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(CallConfirmations.class);
    private static final int MAX_ARGUMENT_CHARS = 2_000;

    private CallConfirmations() {
    }

    /**
     * What the person is asked about a call of {@code tool} with {@code arguments} that {@code team} decides, naming its
     * {@code resources} and the {@code reasons} for asking: the arguments' digest and their redacted, shortened text.
     */
    static CallConfirmation.Request request(RegisteredTool tool, JsonNode arguments, String team, List<String> resources,
            List<String> reasons) {
        String access = tool.spec().access().name().toLowerCase(java.util.Locale.ROOT);
        String canonical = Json.canonical(arguments);
        String shown = ArgumentRedactor.redact(arguments).toString();
        return new CallConfirmation.Request(new CallConfirmation.Subject(tool.name(), access, team, resources),
                ArgumentRedactor.sha256Hex(canonical), shown.length() > MAX_ARGUMENT_CHARS ? shown.substring(0, MAX_ARGUMENT_CHARS) + "..."
                        : shown, reasons);
    }

    /**
     * Asks {@code confirmation} about {@code request}; records the answer in {@code record}. A caller that gives up while
     * the person is asked ({@code cancellation}) stops the question; the call is then cancelled. A question handed to the
     * client for a retry ({@link CallConfirmation.Answer#ASKED}) completes with {@link CallOutcome.InputRequired}.
     */
    static CompletableFuture<Optional<CallOutcome>> confirm(CallConfirmation.Request request, ToolCallRecord.Builder record,
            CallConfirmation confirmation, CallCancellation cancellation) {
        CompletableFuture<CallConfirmation.Answer> asked = confirmation.ask(request).toCompletableFuture();
        cancellation.whileWaiting(() -> asked.cancel(true));
        return asked.handle((answer, failure) -> {
            if (cancellation.cancelled()) {
                return Optional.of(cancelled(request, record));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ConfirmationRefusedException refused) {
                return refused(request, record, refused);
            }
            return decided(request, record, failure != null || answer == null ? CallConfirmation.Answer.CANCELLED : answer);
        });
    }

    private static Optional<CallOutcome> decided(CallConfirmation.Request request, ToolCallRecord.Builder record,
            CallConfirmation.Answer answer) {
        CallConfirmation.Subject call = request.call();
        String tool = call.tool();
        String access = call.access();
        logged(request, record, answer);
        return switch (answer) {
            case ACCEPTED -> Optional.empty();
            case ASKED -> Optional.of(new CallOutcome.InputRequired(record.correlationId(), request));
            case UNSUPPORTED -> refuse(record, "this " + access + " call needs a person's confirmation (" + String.join("; ", request.reasons())
                    + "), and this client cannot ask (it does not support MCP elicitation); run the call from a client that does",
                    ErrorKind.CONFIRMATION_REQUIRED);
            case DECLINED -> refuse(record, "the person asked to confirm " + tool + " declined; it did not run", ErrorKind.CONFIRMATION_DECLINED);
            case CANCELLED -> refuse(record, "no confirmation of " + tool + " was given (cancelled or no answer in time); it did not run",
                    ErrorKind.CONFIRMATION_DECLINED);
            case INVALID -> refuse(record, "the confirmation brought back does not hold for this call of " + tool
                    + "; it did not run; start the call again", ErrorKind.CONFIRMATION_INVALID);
        };
    }

    private static Optional<CallOutcome> refused(CallConfirmation.Request request, ToolCallRecord.Builder record,
            ConfirmationRefusedException refused) {
        logged(request, record, refused.answer());
        return refuse(record, refused.getMessage(), refused.kind());
    }

    private static void logged(CallConfirmation.Request request, ToolCallRecord.Builder record, CallConfirmation.Answer answer) {
        CallConfirmation.Subject call = request.call();
        record.confirmation(answer.audited());
        LOG.info("confirmation of {} ({}) for team {}: {} (correlation id {})", call.tool(), call.access(), call.team(), answer.audited(),
                record.correlationId());
    }

    private static CallOutcome cancelled(CallConfirmation.Request request, ToolCallRecord.Builder record) {
        record.confirmation(CallConfirmation.Answer.CANCELLED.audited());
        return new CallOutcome.Cancelled(record.correlationId(), "cancelled by the client while a person was asked to confirm "
                + request.call().tool() + "; it did not run; correlation id " + record.correlationId());
    }

    private static Optional<CallOutcome> refuse(ToolCallRecord.Builder record, String message, ErrorKind kind) {
        record.decision("refused", message, null);
        return Optional.of(new CallOutcome.Refused(record.correlationId(), kind, message + "; correlation id " + record.correlationId()));
    }
}
