package dev.awsmcp.gateway.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks a person, through the caller's client, to confirm one call before it runs (team policy
 * {@code confirm}). The transport side decides how (MCP elicitation); a client that cannot ask answers
 * {@link Answer#UNSUPPORTED}, and the call is refused.
 */
@FunctionalInterface
public interface CallConfirmation {

    /** What the person (or the client on their behalf) answered. */
    enum Answer {
        ACCEPTED, DECLINED, CANCELLED, UNSUPPORTED;

        /** The audit record's word for it. */
        public String audited() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the person is shown.
     *
     * @param call the call: tool, access class, deciding team and resources
     * @param payloadDigest SHA-256 of the call's canonical arguments, hex: what the person confirms
     * @param arguments the arguments as JSON text, secrets redacted, shortened
     * @param reasons why confirmation is asked, e.g. the policy rule
     */
    record Request(Subject call, String payloadDigest, String arguments, List<String> reasons) {
        public Request {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The call a person confirms.
     *
     * @param tool the exposed tool name
     * @param access its access class
     * @param team the team whose policy allowed the call and asks for confirmation
     * @param resources the resources the call names, canonical
     */
    record Subject(String tool, String access, String team, List<String> resources) {
        public Subject {
            resources = List.copyOf(resources);
        }
    }

    /** A client that cannot ask anyone. */
    CallConfirmation UNSUPPORTED = request -> CompletableFuture.completedFuture(Answer.UNSUPPORTED);

    /** Asks; never fails (an error or a timeout is {@link Answer#CANCELLED}). */
    CompletionStage<Answer> ask(Request request);
}
