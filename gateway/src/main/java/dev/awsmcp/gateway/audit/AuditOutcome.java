package dev.awsmcp.gateway.audit;

/**
 * How a tool call ended, as the audit record's {@code outcome} and the {@code outcome} label of
 * {@code gateway.tool.calls} show it ({@link #label()}).
 */
public enum AuditOutcome {
    /** The tool ran and answered with data. */
    SUCCESS("success"),
    /** The tool ran (or was about to) and answered with a tool error. */
    TOOL_ERROR("tool_error"),
    /** The team's policy does not grant the call. */
    DENIED("denied"),
    /** The gateway refused the call before it ran (arguments, rate limit, taint, confirmation, unknown tool). */
    REFUSED("refused"),
    /** The call ran past its deadline. */
    TIMEOUT("timeout"),
    /** The gateway or the toolset failed unexpectedly. */
    INTERNAL_ERROR("internal_error"),
    /** The client cancelled the call while it ran. */
    CANCELLED("cancelled"),
    /**
     * The call did not run: a person must confirm it first, and the question went back to the client, which sends
     * the person's answer with a retry of the call (MCP 2026-07-28). The retry has its own record.
     */
    INPUT_REQUIRED("input_required");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    /** The outcome as audit records and metrics show it. */
    public String label() {
        return label;
    }
}
