package dev.awsmcp.gateway.transport;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * The SDK transport context of a session request: the request's own context (the caller) plus the
 * session's external id under {@link StreamableHttpTransport#SESSION_ID_KEY}, which the audit trail
 * uses instead of the SDK-internal id (a restored session has a new one).
 */
record SessionTransportContext(McpTransportContext request, String sessionId) implements McpTransportContext {

    @Override
    public Object get(String key) {
        return StreamableHttpTransport.SESSION_ID_KEY.equals(key) ? sessionId : request.get(key);
    }
}
