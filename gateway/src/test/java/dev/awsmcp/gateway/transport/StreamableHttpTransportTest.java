package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP transport at the HTTP level: status codes, headers, framing and error envelopes. */
class StreamableHttpTransportTest {

    private static RunningGateway gateway;
    private static McpHttp http;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("maxRequestBytes: 4096\nallowedOrigins: [\"https://console.example.com\"]");
        http = new McpHttp(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void initializeAnswersJsonWithSessionId() throws Exception {
        HttpResponse<String> response = http.post(McpHttp.INITIALIZE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(body.at("/result/serverInfo/name").asText()).isEqualTo("aws-mcp-gateway");
        assertThat(body.at("/result/capabilities/tools").isObject()).isTrue();
    }

    @Test
    void notificationIsAcceptedWith202() throws Exception {
        String session = http.initialize();
        HttpResponse<String> response = http.post(McpHttp.INITIALIZED, "Mcp-Session-Id", session);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void requestAnswersWithServerSentEvents() throws Exception {
        String session = http.initialize();
        HttpResponse<String> response = http.post(McpHttp.toolsCall(7, "t__echo", "{\"text\":\"hi\"}"), "Mcp-Session-Id", session);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body()).contains("event: message\ndata: ");
        assertThat(response.body()).endsWith("\n\n");
        JsonNode message = McpHttp.response(response.body());
        assertThat(message.get("id").asInt()).isEqualTo(7);
        assertThat(message.at("/result/structuredContent/text").asText()).isEqualTo("hi");
        assertThat(message.at("/result/isError").asBoolean()).isFalse();
        assertThat(message.at("/result/_meta/correlationId").asText()).isNotBlank();
    }

    @Test
    void requestWithoutSessionIdIsRefusedWith400() throws Exception {
        HttpResponse<String> response = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertJsonRpcError(response, -32000, "Mcp-Session-Id header is required");
    }

    @Test
    void unknownSessionIsRefusedWith404() throws Exception {
        HttpResponse<String> response = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", "no-such-session");
        assertThat(response.statusCode()).isEqualTo(404);
        assertJsonRpcError(response, -32000, "session not found");
    }

    @Test
    void deleteEndsTheSession() throws Exception {
        String session = http.initialize();
        assertThat(http.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(200);
        assertThat(http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", null).statusCode()).isEqualTo(400);
    }

    @Test
    void getWithoutSessionIsRefusedAndOtherMethodsAre405() throws Exception {
        assertThat(http.send("GET", null, "Accept", "text/event-stream").statusCode()).isEqualTo(400);
        assertThat(http.send("GET", null, "Accept", "text/event-stream", "Mcp-Session-Id", "nope").statusCode()).isEqualTo(404);
        assertThat(http.send("GET", null, "Accept", "application/json").statusCode()).isEqualTo(406);
        HttpResponse<String> put = http.send("PUT", "{}", "Content-Type", "application/json");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    }

    @Test
    void unsupportedProtocolVersionIsRefusedWith400() throws Exception {
        String session = http.initialize();
        HttpResponse<String> bad = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"),
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertJsonRpcError(bad, -32022, "unsupported MCP-Protocol-Version '1999-01-01'");
        HttpResponse<String> good = http.post(McpHttp.toolsCall(2, "t__echo", "{\"text\":\"x\"}"),
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(good.statusCode()).isEqualTo(200);
    }

    @Test
    void foreignOriginIsRefusedWith403() throws Exception {
        HttpResponse<String> evil = http.post(McpHttp.INITIALIZE, "Origin", "https://evil.example.net");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertJsonRpcError(evil, -32000, "Origin 'https://evil.example.net' is not allowed");
        assertThat(http.post(McpHttp.INITIALIZE, "Origin", "https://console.example.com").statusCode()).isEqualTo(200);
        assertThat(http.post(McpHttp.INITIALIZE, "Origin", "http://localhost:6274").statusCode()).isEqualTo(200);
    }

    @Test
    void foreignHostIsRefusedWith403() throws Exception {
        HttpResponse<String> rebound = http.post(McpHttp.INITIALIZE, "Host", "evil.example.net");
        assertThat(rebound.statusCode()).isEqualTo(403);
        assertJsonRpcError(rebound, -32000, "Host 'evil.example.net' is not allowed");
        assertThat(http.post(McpHttp.INITIALIZE, "Host", "localhost:" + gateway.url().getPort()).statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        String session = http.initialize();
        String big = McpHttp.toolsCall(1, "t__echo", "{\"text\":\"" + "x".repeat(5000) + "\"}");
        HttpResponse<String> response = http.post(big, "Mcp-Session-Id", session);
        assertThat(response.statusCode()).isEqualTo(413);
        assertJsonRpcError(response, -32000, "request body exceeds 4096 bytes");
    }

    @Test
    void malformedJsonRpcGetsClearErrors() throws Exception {
        String session = http.initialize();
        HttpResponse<String> notJson = http.post("{\"jsonrpc\":", "Mcp-Session-Id", session);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertJsonRpcError(notJson, -32700, "body is not valid JSON");

        HttpResponse<String> batch = http.post("[" + McpHttp.INITIALIZED + "]", "Mcp-Session-Id", session);
        assertThat(batch.statusCode()).isEqualTo(400);
        assertJsonRpcError(batch, -32600, "batches are not supported");

        HttpResponse<String> wrongVersion = http.post("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}", "Mcp-Session-Id", session);
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertJsonRpcError(wrongVersion, -32600, "\"jsonrpc\" must be \"2.0\"");
        assertThat(Json.mapper().readTree(wrongVersion.body()).get("id").asInt()).isEqualTo(3);

        HttpResponse<String> duplicateKeys = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", "Mcp-Session-Id", session);
        assertThat(duplicateKeys.statusCode()).isEqualTo(400);
        assertJsonRpcError(duplicateKeys, -32700, "Duplicate field 'id'");

        HttpResponse<String> noMethod = http.post("{\"jsonrpc\":\"2.0\"}", "Mcp-Session-Id", session);
        assertThat(noMethod.statusCode()).isEqualTo(400);
        assertJsonRpcError(noMethod, -32600, "neither \"method\" nor \"id\"");
    }

    @Test
    void wrongAcceptOrContentTypeIsRefused() throws Exception {
        assertThat(http.post(McpHttp.INITIALIZE, "Accept", "application/json").statusCode()).isEqualTo(406);
        assertThat(http.post(McpHttp.INITIALIZE, "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    }

    @Test
    void unknownMethodIsAJsonRpcErrorInTheStream() throws Exception {
        String session = http.initialize();
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"no/such\"}", "Mcp-Session-Id", session);
        JsonNode message = McpHttp.response(response.body());
        assertThat(message.at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(message.get("id").asInt()).isEqualTo(9);
    }

    static void assertJsonRpcError(HttpResponse<String> response, int code, String messagePart) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.at("/error/code").asInt()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).contains(messagePart);
    }
}
