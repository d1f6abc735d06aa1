package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.ClientRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text a toolset sends to the caller's client while its call runs, through the result guard like its
 * result: log notices, sampling prompts (they reach the client's model), elicitation messages (a person
 * reads them) and progress messages may quote AWS data, so secrets are redacted and injection is handled per
 * the team's mode before any of it leaves the gateway. Findings are logged with the call's correlation id.
 */
final class GuardedClientRequests implements ClientRequests {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedClientRequests.class);

    private final ClientRequests client;
    private final ResultGuard guard;
    private final GuardMode mode;
    private final String tool;
    private final String correlationId;

    GuardedClientRequests(ClientRequests client, ResultGuard guard, GuardMode mode, String tool, String correlationId) {
        this.client = client;
        this.guard = guard;
        this.mode = mode;
        this.tool = tool;
        this.correlationId = correlationId;
    }

    /** {@code channel}'s progress and client requests, guarded; confirmation is the gateway's own text. */
    static CallControl control(ClientChannel channel, ResultGuard guard, GuardMode mode, String tool, String correlationId) {
        GuardedClientRequests guarded = new GuardedClientRequests(channel.client(), guard, mode, tool, correlationId);
        CallControl.ProgressListener progress = channel.progress() == null ? null
                : (done, total, message) -> channel.progress().progress(done, total, message == null ? null
                        : guarded.guarded(message, "$.progress"));
        return CallControl.reportingTo(progress, guarded);
    }

    @Override
    public CompletionStage<Void> log(LogLevel level, String message) {
        return client.log(level, guarded(message, "$.log"));
    }

    @Override
    public CompletionStage<String> sample(String prompt, int maxTokens) {
        return client.sample(guarded(prompt, "$.sampling.prompt"), maxTokens);
    }

    @Override
    public CompletionStage<Elicited> elicit(String message, ObjectNode requestedSchema) {
        return client.elicit(guarded(message, "$.elicitation.message"), requestedSchema);
    }

    /** {@code text} guarded at {@code path}; a guard failure withholds the text (fail closed). */
    String guarded(String text, String path) {
        if (text == null) {
            return null;
        }
        List<GuardFinding> findings = new ArrayList<>();
        String guarded;
        try {
            guarded = guard.applyToText(text, path, mode, findings);
        } catch (RuntimeException e) {
            LOG.error("guard failed on {} of {} (correlation id {}); the text is withheld", path, tool, correlationId, e);
            return "[withheld: the gateway could not check this text]";
        }
        if (!findings.isEmpty()) {
            LOG.warn("guard findings in {} of {} (correlation id {}): {}", path, tool, correlationId,
                    findings.stream().map(f -> f.family() + "/" + f.rule()).distinct().collect(Collectors.joining(", ")));
        }
        return guarded;
    }
}
