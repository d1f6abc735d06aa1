package dev.awsmcp.gateway.transport;

import java.util.List;

/**
 * The MCP protocol versions served over Streamable HTTP: the revisions that define it (2025-03-26 and
 * later; 2024-11-05 had the older HTTP+SSE transport). A client asking for another version at initialize
 * gets the newest (the spec's negotiation); its later requests name the negotiated one in
 * {@code MCP-Protocol-Version}, if they send that header.
 */
final class HttpProtocolVersions {

    /** Oldest first, as the SDK expects (it answers an unsupported request with the last). */
    static final List<String> SUPPORTED = List.of("2025-03-26", "2025-06-18", "2025-11-25");

    private HttpProtocolVersions() {
    }

    /** The version a session asking for {@code requested} speaks. */
    static String negotiate(String requested) {
        return SUPPORTED.contains(requested) ? requested : SUPPORTED.get(SUPPORTED.size() - 1);
    }
}
