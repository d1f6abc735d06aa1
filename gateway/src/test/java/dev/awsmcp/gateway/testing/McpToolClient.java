package dev.awsmcp.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One initialized MCP session with a test gateway (API key {@link RunningGateway#TEST_KEY} unless given) that calls tools. */
public final class McpToolClient {

    private final McpHttp http;
    private final String session;
    private int id = 1;

    public McpToolClient(RunningGateway gateway) {
        this(gateway, RunningGateway.TEST_KEY);
    }

    /** A session authenticated with {@code key}, e.g. {@link RunningGateway#OTHER_KEY}. */
    public McpToolClient(RunningGateway gateway, String key) {
        try {
            this.http = new McpHttp(gateway.url(), key);
            this.session = http.initialize();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result of one tools/call. */
    public synchronized JsonNode call(String tool, String arguments) {
        try {
            String body = http.post(McpHttp.toolsCall(++id, tool, arguments), "Mcp-Session-Id", session).body();
            return McpHttp.response(body).path("result");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
