package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ClientInfo;

/**
 * Where a tool call came from, for its audit record.
 *
 * @param sessionId the MCP session id; null when the transport has none
 * @param client the client's self-declared name and version from initialize; null when unknown
 */
public record CallOrigin(String sessionId, ClientInfo client) {

    /** Nothing known about the origin. */
    public static final CallOrigin UNKNOWN = new CallOrigin(null, null);
}
