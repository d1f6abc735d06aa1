package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.CapturedLogs;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RawHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway does with malformed MCP over HTTP (issue #16): every request with an id gets exactly
 * one JSON-RPC response echoing the id exactly; malformed tools/call params are refused (-32602) and
 * audited; error texts name the field, never a Java type; responses and notifications nobody waits for
 * get 202; header and HTTP-level mistakes get a JSON-RPC error with a precise status.
 */
class ProtocolStrictnessTest {

    private static final String JAVA_INTERNALS = "(?s).*([A-Za-z]\\$[A-Z]|java\\.|com\\.fasterxml|io\\.modelcontextprotocol|Exception|JsonNode"
            + "|StreamRead|McpSchema|`).*";
    private static RunningGateway gateway;
    private static McpHttp http;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
        http = new McpHttp(gateway.url());
        raw = new RawHttp(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void toolsCallWithMalformedParamsGetsOneInvalidParamsErrorAndARefusedAuditRecord() throws Exception {
        String session = http.initialize();
        Map<String, String> refusals = Map.of(
                "{\"name\":\"t__echo\",\"arguments\":5}", "params.arguments must be an object, got a number",
                "\"x\"", "params must be an object, got a string",
                "{\"name\":5,\"arguments\":{}}", "params.name must be a string, got a number",
                "{\"arguments\":{}}", "params.name is required (a string)");
        int id = 40;
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            id++;
            JsonNode answer = call(session, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + refusal.getKey() + "}");
            assertThat(answer.get("id").asInt()).isEqualTo(id);
            assertThat(answer.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(answer.at("/error/message").asText()).isEqualTo("invalid params: " + refusal.getValue());
        }
        List<JsonNode> records = AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> session.equals(r.path("session_id").asText())).toList();
        assertThat(records).hasSize(4).allSatisfy(r -> {
            assertThat(r.path("decision").asText()).isEqualTo("refused");
            assertThat(r.path("decision_reason").asText()).startsWith("invalid params: params");
            assertThat(r.path("principal").asText()).isEqualTo("apikey:test");
        });
        assertThat(records).extracting(r -> r.path("tool").asText()).containsExactlyInAnyOrder("t__echo", "(missing)", "5", "(missing)");
    }

    @Test
    void everyMethodsMalformedParamsAreNamedInTheClientsTerms() throws Exception {
        String session = http.initialize();
        Map<String, String> refusals = Map.of(
                "\"resources/read\",\"params\":\"x\"", "params must be an object, got a string",
                "\"prompts/get\",\"params\":{\"name\":\"investigate_incident\",\"arguments\":{\"service\":5}}",
                "params.arguments.service must be a string, got a number",
                "\"completion/complete\",\"params\":{}", "params.ref is required (an object)",
                "\"logging/setLevel\",\"params\":{\"level\":\"loud\"}", "params.level must be one of debug, info, notice, warning, error, critical, alert, emergency",
                "\"tools/list\",\"params\":{\"cursor\":7}", "params.cursor must be a string, got a number",
                "\"ping\",\"params\":{\"_meta\":{\"progressToken\":{}}}", "params._meta.progressToken must be a string or an integer, got an object");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            JsonNode answer = call(session, "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"method\":" + refusal.getKey() + "}");
            assertThat(answer.at("/error/code").asInt()).as(refusal.getKey()).isEqualTo(-32602);
            assertThat(answer.at("/error/message").asText()).isEqualTo("invalid params: " + refusal.getValue());
        }
        for (String params : List.of("{\"protocolVersion\":5,\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}",
                "{\"protocolVersion\":\"\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}",
                "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":5},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}",
                "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\",\"icons\":5}}")) {
            HttpResponse<String> refused = http.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"initialize\",\"params\":" + params + "}");
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = Json.mapper().readTree(refused.body());
            assertThat(error.get("id").asInt()).isEqualTo(9);
            assertThat(error.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(error.at("/error/message").asText()).startsWith("invalid initialize params: params.").doesNotMatch(JAVA_INTERNALS);
        }
    }

    @Test
    void jsonSyntaxErrorsSayWhatIsWrongWithoutParserNames() throws Exception {
        String session = http.initialize();
        Map<String, String> bodies = Map.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", "Unexpected end-of-input: expected close marker for Object (line 1, column ",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}", "more data after the JSON message; send exactly one JSON object",
                "[".repeat(300) + "]".repeat(300), "JSON nested too deeply (at most 200 levels)",
                "{\"jsonrpc\":\"2.0\",\"id\":" + "1".repeat(1200) + ",\"method\":\"ping\"}", "a number has too many digits (at most 1000)");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> refused = http.post(body.getKey(), "Mcp-Session-Id", session);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(refused.body()).at("/error/message").asText())
                    .startsWith("body is not valid JSON: ").contains(body.getValue()).doesNotMatch(JAVA_INTERNALS);
        }
    }

    @Test
    void bodiesAreUtf8JsonAsciiOrNot() throws Exception {
        String session = http.initialize();
        List<String[]> headers = List.of(new String[] {"Authorization", "Bearer " + RunningGateway.TEST_KEY},
                new String[] {"Content-Type", "application/json"}, new String[] {"Accept", "application/json, text/event-stream"},
                new String[] {"Mcp-Session-Id", session});
        RawHttp.Answer accented = raw.post("{\"jsonrpc\":\"2.0\",\"id\":\"caf\u00e9-\u2603\",\"method\":\"ping\"}"
                .getBytes(StandardCharsets.UTF_8), headers);
        assertThat(accented.status()).isEqualTo(200);
        assertThat(accented.body()).contains("\"id\":\"caf\u00e9-\u2603\"");
        Map<byte[], String> refused = Map.of(
                "{\"jsonrpc\":\"2.0\",\"id\":\"caf\u00e9\",\"method\":\"ping\"}".getBytes(StandardCharsets.ISO_8859_1), "body is not valid UTF-8",
                "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8), "body starts with a byte order mark",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_16LE), "body must be UTF-8 JSON; it contains NUL bytes",
                " \n\t ".getBytes(StandardCharsets.US_ASCII), "body is empty");
        for (Map.Entry<byte[], String> body : refused.entrySet()) {
            RawHttp.Answer answer = raw.post(body.getKey(), headers);
            assertThat(answer.status()).as(body.getValue()).isEqualTo(400);
            assertThat(Json.mapper().readTree(answer.body()).at("/error/message").asText()).startsWith(body.getValue());
        }
    }

    @Test
    void responsesAndNotificationsNobodyWaitsForAreAcceptedWith202() throws Exception {
        String session = http.initialize();
        for (String message : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32601,\"message\":\"no such method\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/something_new\",\"params\":{}}")) {
            HttpResponse<String> answer = http.post(message, "Mcp-Session-Id", session);
            assertThat(answer.statusCode()).as(message).isEqualTo(202);
            assertThat(answer.body()).isEmpty();
        }
        HttpResponse<String> both = http.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}",
                "Mcp-Session-Id", session);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(both.body()).get("id").isNull()).as("refusals of responses carry no id").isTrue();
    }

    @Test
    void requestIdsAreEchoedExactly() throws Exception {
        String session = http.initialize();
        String longest = "\"" + "i".repeat(JsonRpcMessageReader.MAX_ID_CHARS) + "\"";
        for (String id : List.of("9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
                "1.50", "-0.25", longest)) {
            HttpResponse<String> answer = http.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", "Mcp-Session-Id", session);
            assertThat(McpHttp.sseData(answer.body())).as(id).containsExactly("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}");
        }
        HttpResponse<String> call = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"hi\"}").replace("\"id\":1", "\"id\":1e400"),
                "Mcp-Session-Id", session);
        assertThat(McpHttp.response(call.body()).get("id").decimalValue()).isEqualByComparingTo("1e400");
        for (String unusable : List.of("\"" + "i".repeat(JsonRpcMessageReader.MAX_ID_CHARS + 1) + "\"", "true", "null", "{}")) {
            HttpResponse<String> refused = http.post("{\"jsonrpc\":\"2.0\",\"id\":" + unusable + ",\"method\":\"ping\"}", "Mcp-Session-Id", session);
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = Json.mapper().readTree(refused.body());
            assertThat(error.get("id").isNull()).isTrue();
            assertThat(error.at("/error/message").asText()).startsWith("\"id\" ");
        }
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        RawHttp.Answer answer = raw.post(McpHttp.INITIALIZE.getBytes(StandardCharsets.UTF_8), List.of(
                new String[] {"Authorization", "Bearer " + RunningGateway.TEST_KEY}, new String[] {"Authorization", "Bearer " + RunningGateway.OTHER_KEY},
                new String[] {"Content-Type", "application/json"}, new String[] {"Accept", "application/json, text/event-stream"}));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(Json.mapper().readTree(answer.body()).at("/error/message").asText())
                .isEqualTo("send exactly one Authorization header; this request has 2");
    }

    @Test
    void malformedHttpGetsAJsonRpcErrorAndOneLogLine() throws Exception {
        String auth = "Authorization: Bearer " + RunningGateway.TEST_KEY + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String host = "Host: 127.0.0.1:" + gateway.url().getPort() + "\r\n";
        List<String> requests = List.of("POST /mcp HTTP/1.1\r\n" + auth + "Content-Length: 2\r\n\r\n{}",
                "POST /mcp HTTP/1.1\r\n" + host + auth + "Content-Length: 2x\r\n\r\n{}",
                "POST /mcp HTTP/1.1\r\n" + host + "X-Test: a\u0000b\r\n" + auth + "Content-Length: 2\r\n\r\n{}");
        try (CapturedLogs logs = new CapturedLogs()) {
            for (String request : requests) {
                RawHttp.Answer answer = raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.header("Content-Type")).isEqualTo("application/json");
                JsonNode error = Json.mapper().readTree(answer.body());
                assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
                assertThat(error.at("/error/message").asText()).isNotBlank().doesNotMatch(JAVA_INTERNALS);
            }
            assertThat(logs.messagesContaining("refused a malformed HTTP request")).hasSize(3);
            assertThat(logs.errorsAndStackTraces()).isEmpty();
        }
    }

    @Test
    void mediaTypesAreMatchedExactly() throws Exception {
        String session = http.initialize();
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertRefused(http.post(ping, "Mcp-Session-Id", session, "Content-Type", "application/jsonx"), 415, "Content-Type must be application/json");
        assertRefused(http.post(ping, "Mcp-Session-Id", session, "Content-Type", "application/json; charset=utf-16"), 415,
                "charset 'utf-16' is not supported");
        assertRefused(http.post(ping, "Mcp-Session-Id", session, "Content-Encoding", "gzip"), 415, "Content-Encoding 'gzip' is not supported");
        assertRefused(http.post(ping, "Mcp-Session-Id", session, "Accept", "application/jsonx, text/event-stream"), 406, "Accept header");
        assertThat(http.post(ping, "Mcp-Session-Id", session, "Content-Type", "Application/JSON; charset=\"UTF-8\"").statusCode()).isEqualTo(200);
        RawHttp.Answer utf16 = raw.post(ping.getBytes(StandardCharsets.UTF_16LE), List.of(
                new String[] {"Authorization", "Bearer " + RunningGateway.TEST_KEY}, new String[] {"Content-Type", "application/json"},
                new String[] {"Accept", "application/json, text/event-stream"}, new String[] {"Mcp-Session-Id", session}));
        assertThat(utf16.status()).isEqualTo(400);
        assertThat(utf16.body()).contains("body must be UTF-8 JSON");
    }

    @Test
    void protocolVersionHeaderMustNameAServedVersionNoNewerThanTheSessions() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        HttpResponse<String> unsupported = http.post(McpHttp.INITIALIZE, "MCP-Protocol-Version", "2024-11-05");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        StreamableHttpTransportTest.assertJsonRpcError(unsupported, -32022, "unsupported MCP-Protocol-Version '2024-11-05'");
        assertThat(Json.mapper().readTree(unsupported.body()).at("/error/data/supported").toString()).contains("2025-11-25", "2026-07-28");
        HttpResponse<String> older = http.post(McpHttp.INITIALIZE.replace("2025-11-25", "2025-06-18"));
        assertThat(Json.mapper().readTree(older.body()).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        String session = older.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertRefused(http.post(ping, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"), 400,
                "MCP-Protocol-Version 2025-11-25 is newer than the version negotiated for this session (2025-06-18)");
        assertThat(http.post(ping, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18").statusCode()).isEqualTo(200);
        assertThat(http.post(ping, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26").statusCode())
                .as("an older served version, as the conformance suite sends").isEqualTo(200);
        assertThat(http.post(ping, "Mcp-Session-Id", session).statusCode()).as("no header: the negotiated version").isEqualTo(200);
        HttpResponse<String> legacy = http.post(McpHttp.INITIALIZE.replace("2025-11-25", "2024-11-05"));
        assertThat(Json.mapper().readTree(legacy.body()).at("/result/protocolVersion").asText())
                .as("2024-11-05 has no Streamable HTTP: the newest version is offered").isEqualTo("2025-11-25");
    }

    private static JsonNode call(String session, String body) throws Exception {
        HttpResponse<String> response = http.post(body, "Mcp-Session-Id", session);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        List<String> messages = McpHttp.sseData(response.body());
        assertThat(messages).as("exactly one response").hasSize(1);
        assertThat(messages.get(0)).doesNotMatch(JAVA_INTERNALS);
        return Json.mapper().readTree(messages.get(0));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        StreamableHttpTransportTest.assertJsonRpcError(response, -32000, messagePart);
    }
}
