package dev.awsmcp.gateway.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks a person, through the caller's client, to confirm one call before it runs (team policy
 * {@code confirm}). The transport side decides how: an elicitation while the call waits (2025-11-25), or a
 * question handed to the client with the call's answer, the person's answer coming back with a retry of the
 * call (2026-07-28: {@link Answer#ASKED}). A client that cannot ask answers {@link Answer#UNSUPPORTED}, and the
 * call is refused.
 */
@FunctionalInterface
public interface CallConfirmation {

    /**
     * What the person (or the client on their behalf) answered: {@code ASKED} when the question went to the client
     * and the answer will come with a retry of the call (which does not run now); {@code INVALID} when the answer
     * a retry brought back does not hold for it ({@link ConfirmationRefusedException}).
     */
    enum Answer {
        ACCEPTED, DECLINED, CANCELLED, UNSUPPORTED, ASKED, INVALID;

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

    /**
     * Asks. Fails only with {@link ConfirmationRefusedException} when the gateway refuses the call on its own account
     * (the answer a retry brought back does not hold for this call); any other error or a timeout is
     * {@link Answer#CANCELLED}.
     */
    CompletionStage<Answer> ask(Request request);
}
