package dev.awsmcp.gateway.audit;

import dev.awsmcp.toolset.api.ToolResult;

/**
 * Why a tool call was answered with an error: the closed set of kinds the gateway writes into a result's
 * {@code _meta.errorKind}, the audit record's {@code error_kind} and the {@code error_kind} label of
 * {@code gateway.tool.errors}. Clients and dashboards read {@link #label()}; it never changes for a kind.
 */
public enum ErrorKind {
    /** The arguments are wrong (the toolset's {@link ToolResult.Kind#INVALID_ARGUMENT} or the gateway's checks). */
    INVALID_ARGUMENT,
    /** The named resource does not exist. */
    NOT_FOUND,
    /** AWS, STS or the team's grant refused the call. */
    ACCESS_DENIED,
    /** AWS throttled the call, or the team is over its rate limit. */
    THROTTLED,
    /** The call ran past its deadline. */
    TIMEOUT,
    /** A precondition of the request failed. */
    CONFLICT,
    /** AWS, STS or the network failed in a way the caller cannot fix. */
    UPSTREAM,
    /** No tool of that name is visible to the caller. */
    UNKNOWN_TOOL,
    /** The request's params are malformed (a refusal before any tool is known). */
    INVALID_PARAMS,
    /** The arguments are over the gateway's size or depth limits. */
    ARGUMENTS_TOO_LARGE,
    /** The call needs a person's confirmation the client cannot ask for. */
    CONFIRMATION_REQUIRED,
    /** The person declined, cancelled or did not answer the confirmation. */
    CONFIRMATION_DECLINED,
    /** The answer a retry brought back for a confirmation does not hold for the call (changed, expired, already used). */
    CONFIRMATION_INVALID,
    /** The session is tainted and the team's policy denies this access in it. */
    TAINTED_SESSION,
    /** The session's taint could not be read or recorded. */
    UNAVAILABLE,
    /** The service's circuit breaker is open. */
    CIRCUIT_OPEN,
    /** The service's bulkhead is full. */
    BULKHEAD_FULL,
    /** The audit trail is overloaded and refuses new calls. */
    AUDIT_OVERLOADED,
    /** The call's audit record could not be written. */
    AUDIT_UNAVAILABLE,
    /** The result guard failed, so the result is withheld. */
    GUARD,
    /** The client cancelled the call. */
    CANCELLED,
    /** The gateway shut down before the call finished. */
    SHUTDOWN,
    /** The gateway or the toolset failed unexpectedly. */
    INTERNAL;

    /** The kind as clients, audit records and metrics show it. */
    public String label() {
        return name();
    }

    /** The kind of a toolset's failure. */
    public static ErrorKind of(ToolResult.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> INVALID_ARGUMENT;
            case NOT_FOUND -> NOT_FOUND;
            case ACCESS_DENIED -> ACCESS_DENIED;
            case THROTTLED -> THROTTLED;
            case TIMEOUT -> TIMEOUT;
            case CONFLICT -> CONFLICT;
            case UPSTREAM -> UPSTREAM;
        };
    }
}
