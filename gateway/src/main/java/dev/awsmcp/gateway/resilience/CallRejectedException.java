package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.audit.ErrorKind;

/**
 * A call the gateway refused to send to AWS to protect the service or itself (open circuit breaker,
 * full bulkhead). The pipeline answers it as a tool error of {@link #kind()} with the message as text.
 */
public final class CallRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /**
     * @param kind the error kind the model and the audit record see, e.g. {@code CIRCUIT_OPEN}
     * @param message what happened and what to do, for the model
     */
    public CallRejectedException(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** The error kind of the tool error. */
    public ErrorKind kind() {
        return kind;
    }
}
