package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ClientInfo;
import dev.awsmcp.gateway.taint.TaintKey;

/**
 * Where a tool call came from, for its audit record and the taint of what it reads.
 *
 * @param sessionId the MCP session id; null when the transport has none (stdio, MCP 2026-07-28)
 * @param client the client's self-declared name and version; null when unknown
 * @param taintKey what the taint of the call's reads is kept under: the session, or for a client without sessions
 *     the principal, so that taint cannot be shed by leaving a session out; null: nothing is kept
 * @param traceParent the W3C trace context of the request ({@code traceparent}), recorded with the call; anything not
 *     of the W3C form is dropped (null)
 */
public record CallOrigin(String sessionId, ClientInfo client, TaintKey taintKey, String traceParent) {

    /** Nothing known about the origin. */
    public static final CallOrigin UNKNOWN = new CallOrigin(null, null, null, null);
    private static final java.util.regex.Pattern TRACE_PARENT = java.util.regex.Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    public CallOrigin {
        traceParent = traceParent != null && TRACE_PARENT.matcher(traceParent).matches() ? traceParent : null;
    }

    /** A call in session {@code sessionId}: its taint is the session's. */
    public CallOrigin(String sessionId, ClientInfo client) {
        this(sessionId, client, TaintKey.session(sessionId), null);
    }

    /** This origin with the request's trace context {@code parent}, when it has one (else unchanged). */
    public CallOrigin traced(String parent) {
        return parent == null ? this : new CallOrigin(sessionId, client, taintKey, parent);
    }
}
