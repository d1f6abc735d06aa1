package dev.awsmcp.gateway.audit;

/** A record could not be accepted; the call it belongs to must not be answered with success. */
public final class AuditException extends RuntimeException {

    /** Why a record was not accepted. */
    public enum Reason {
        /** The queue is full and the overload policy is {@code refuse}: retry shortly. */
        OVERLOADED,
        /** The audit log is closed or a sink failed to write. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AuditException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
