package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP 2026-07-28 on the gateway's one endpoint, as raw HTTP (the spec's wire format, checked field by field): discover,
 * per-request {@code _meta}, the header rules, {@code resultType}, cacheable lists, calls through the pipeline and their
 * audit, and 2025-11-25 sessions unchanged beside it.
 */
class ModernProtocolTest {

    private static final String VERSION = McpHttp.MODERN;
    private static RunningGateway gateway;
    private static McpHttp http;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
        http = new McpHttp(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String meta() {
        return McpHttp.modernMeta("raw-test");
    }

    static HttpResponse<String> modern(String method, String name, String params) throws Exception {
        return http.modern(7, method, name, params, "raw-test");
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return McpHttp.message(response);
    }

    @Test
    void discoverNamesTheModernRevisionAndTheServer() throws Exception {
        HttpResponse<String> response = modern("server/discover", null, "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response).path("result");
        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("supportedVersions").toString()).contains(VERSION);
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText()).isEqualTo("aws-mcp-gateway");
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }

    @Test
    void toolsListIsTheCallersOwnAndPrivate() throws Exception {
        JsonNode result = json(modern("tools/list", null, "")).path("result");

        assertThat(result.path("tools").findValuesAsText("name")).contains("t__echo", "t__sleep");
        assertThat(result.path("cacheScope").asText()).isEqualTo("private");
        assertThat(result.path("ttlMs").asLong()).isEqualTo(300_000L);
    }

    @Test
    void aCallRunsThroughThePipelineAndIsAuditedWithoutASession() throws Exception {
        HttpResponse<String> response = modern("tools/call", "t__echo", "\"name\":\"t__echo\",\"arguments\":{\"text\":\"modern\"}");

        JsonNode result = json(response).path("result");
        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(result.path("structuredContent").path("text").asText()).isEqualTo("modern");
        String correlationId = result.path("_meta").path("correlationId").asText();
        List<String> audit = Files.readAllLines(gateway.auditFile());
        assertThat(audit).anySatisfy(line -> assertThat(line).contains(correlationId).contains("\"outcome\":\"success\"")
                .contains("raw-test"));
    }

    @Test
    void aToolTheCallerMayNotSeeIsUnknownAndAudited() throws Exception {
        HttpResponse<String> response = modern("tools/call", "t__nope", "\"name\":\"t__nope\",\"arguments\":{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(Files.readAllLines(gateway.auditFile())).anySatisfy(line -> assertThat(line).contains("\"tool\":\"t__nope\"")
                .contains("UNKNOWN_TOOL"));
    }

    @Test
    void headersThatDisagreeWithTheBodyAreAHeaderMismatch() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"t__echo\",\"arguments\":{\"text\":\"x\"},"
                + meta() + "}}";
        HttpResponse<String> wrongName = http.post(body, "MCP-Protocol-Version", VERSION, "Mcp-Method", "tools/call", "Mcp-Name", "t__sleep");
        HttpResponse<String> noMethod = http.post(body, "MCP-Protocol-Version", VERSION, "Mcp-Name", "t__echo");

        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(json(wrongName).path("error").path("code").asInt()).isEqualTo(-32020);
        assertThat(json(wrongName).path("id").asInt()).isEqualTo(3);
        assertThat(noMethod.statusCode()).isEqualTo(400);
        assertThat(json(noMethod).path("error").path("message").asText()).contains("Mcp-Method");
    }

    @Test
    void anUnsupportedVersionNamesTheSupportedOnes() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpResponse<String> response = http.post(body, "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "server/discover");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32022);
        assertThat(error.path("data").path("supported").toString()).contains(VERSION).contains("2025-11-25");
        assertThat(error.path("data").path("requested").asText()).isEqualTo("2099-01-01");
    }

    @Test
    void aModernHeaderWithoutMetaIsAskedForIt() throws Exception {
        HttpResponse<String> response = http.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{}}",
                "MCP-Protocol-Version", VERSION, "Mcp-Method", "tools/list");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void legacySessionsStillWorkBesideIt() throws Exception {
        String session = http.initialize();
        HttpResponse<String> call = http.post(McpHttp.toolsCall(2, "t__echo", "{\"text\":\"legacy\"}"), "Mcp-Session-Id", session,
                "MCP-Protocol-Version", "2025-11-25");

        assertThat(McpHttp.response(call.body()).path("result").path("structuredContent").path("text").asText()).isEqualTo("legacy");
    }
}
