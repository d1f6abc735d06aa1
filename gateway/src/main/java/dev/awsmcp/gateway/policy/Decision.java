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
     * @param reason what is not granted, for the operator and the audit record
     * @param toCaller what the caller is told: the reason, naming only what the caller itself sent (never a
     *     resource the toolset derived, such as another team's log group behind a query id)
     */
    record Denied(String reason, String toCaller) implements Decision {

        /** A denial whose reason names only what the caller sent. */
        public Denied(String reason) {
            this(reason, reason);
        }
    }
}
