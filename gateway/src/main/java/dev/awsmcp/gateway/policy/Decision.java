package dev.awsmcp.gateway.policy;

/** The outcome of authorizing one call: allowed by a named rule, or denied with a reason. */
public sealed interface Decision {

    /**
     * Allowed.
     *
     * @param team the team whose grant allowed it
     * @param rule the grant, as {@code file:line: tools ..., resources ...}
     */
    record Allowed(String team, String rule) implements Decision {
    }

    /**
     * Denied.
     *
     * @param reason what is not granted, for the model, the operator and the audit record
     */
    record Denied(String reason) implements Decision {
    }
}
