package dev.awsmcp.gateway.audit;

/** What happens to a call when the audit queue is full. */
public enum OverloadPolicy {
    /** The call is refused at once with a tool error ({@code AUDIT_OVERLOADED}); the default. */
    REFUSE,
    /** The call waits (asynchronously, its answer held back) until the queue has room. */
    BLOCK
}
