package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.ArgumentRedactor;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The confirmation step of the pipeline: when the deciding team's policy lists the tool's access class
 * under {@code confirm}, a person is asked through the client (tool, resources, a digest of the exact
 * arguments) before anything runs. Completes empty when the call may go on, or with the refusal to
 * answer; the answer is recorded either way.
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
        return new CallConfirmation.Request(tool.name(), access, team, resources, ArgumentRedactor.sha256Hex(canonical),
                shown.length() > MAX_ARGUMENT_CHARS ? shown.substring(0, MAX_ARGUMENT_CHARS) + "..." : shown, reasons);
    }

    /** Asks {@code confirmation} about {@code request}; records the answer in {@code record}. */
    static Mono<CallToolResult> confirm(CallConfirmation.Request request, ToolCallRecord.Builder record, CallConfirmation confirmation) {
        String access = request.access();
        String tool = request.tool();
        List<String> reasons = request.reasons();
        String correlationId = record.correlationId();
        return confirmation.ask(request)
                .onErrorReturn(CallConfirmation.Answer.CANCELLED)
                .defaultIfEmpty(CallConfirmation.Answer.CANCELLED)
                .flatMap(answer -> {
                    record.confirmation(answer.audited());
                    LOG.info("confirmation of {} ({}) for team {}: {} (correlation id {})", tool, access, request.team(), answer.audited(),
                            correlationId);
                    return switch (answer) {
                        case ACCEPTED -> Mono.empty();
                        case UNSUPPORTED -> refuse(record, "this " + access + " call needs a person's confirmation (" + String.join("; ", reasons)
                                + "), and this client cannot ask (it does not support MCP elicitation); run the call from a client that does",
                                ErrorKind.CONFIRMATION_REQUIRED);
                        case DECLINED -> refuse(record, "the person asked to confirm " + tool + " declined; it did not run",
                                ErrorKind.CONFIRMATION_DECLINED);
                        case CANCELLED -> refuse(record, "no confirmation of " + tool + " was given (cancelled or no answer in "
                                + "time); it did not run", ErrorKind.CONFIRMATION_DECLINED);
                    };
                });
    }

    private static Mono<CallToolResult> refuse(ToolCallRecord.Builder record, String message, ErrorKind kind) {
        record.decision("refused", message, null);
        return Mono.just(ToolResultMapper.error(message + "; correlation id " + record.correlationId(), kind, record.correlationId()));
    }
}
