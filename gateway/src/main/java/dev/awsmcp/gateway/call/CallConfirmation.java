package dev.awsmcp.gateway.call;

import java.util.List;
import reactor.core.publisher.Mono;

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
     * @param tool the exposed tool name
     * @param access its access class
     * @param team the team whose policy allowed the call and asks for confirmation
     * @param resources the resources the call names, canonical
     * @param payloadDigest SHA-256 of the call's canonical arguments, hex: what the person confirms
     * @param arguments the arguments as JSON text, secrets redacted, shortened
     * @param reasons why confirmation is asked, e.g. the policy rule
     */
    record Request(String tool, String access, String team, List<String> resources, String payloadDigest, String arguments,
            List<String> reasons) {
        public Request {
            resources = List.copyOf(resources);
            reasons = List.copyOf(reasons);
        }
    }

    /** A client that cannot ask anyone. */
    CallConfirmation UNSUPPORTED = request -> Mono.just(Answer.UNSUPPORTED);

    /** Asks; never fails (an error or a timeout is {@link Answer#CANCELLED}). */
    Mono<Answer> ask(Request request);
}
