package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOrigin;

/**
 * Who asks for a resource, a prompt or a completion, whatever the protocol revision: the principal (null when
 * nobody authenticated) and where the request came from (session or none, client, taint key, trace context).
 */
record Requester(Principal principal, CallOrigin origin) {
}
