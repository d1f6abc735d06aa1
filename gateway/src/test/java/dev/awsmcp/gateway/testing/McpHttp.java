package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Raw Streamable HTTP requests, for tests of status codes and framing that a real client hides. Every
 * request carries {@code Authorization: Bearer <bearer>} ({@link RunningGateway#TEST_KEY} by default)
 * unless the bearer is null; headers given per request override it.
 */
public final class McpHttp {

    public static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}}";
    /** The protocol revision without sessions. */
    public static final String MODERN = "2026-07-28";
    public static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final HttpClient client = GatewayHttp.CLIENT;
    private final URI url;
    private final String bearer;

    public McpHttp(URI url) {
        this(url, RunningGateway.TEST_KEY);
    }

    /** Requests authenticated with {@code bearer} (an API key or a JWT); null sends no Authorization header. */
    public McpHttp(URI url, String bearer) {
        this.url = url;
        this.bearer = bearer;
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    /** A POST with the headers a conforming client sends, plus {@code extra} name/value pairs. */
    public HttpResponse<String> post(String body, String... extra) throws IOException, InterruptedException {
        HttpRequest.Builder b = request()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < extra.length; i += 2) {
            b.setHeader(extra[i], extra[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method with the Authorization header and exactly the given headers. */
    public HttpResponse<String> send(String method, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request()
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session and acknowledges it; returns the session id. */
    public String initialize() throws IOException, InterruptedException {
        HttpResponse<String> response = post(INITIALIZE);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("initialize answered " + response.statusCode() + ": " + response.body());
        }
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(INITIALIZED, "Mcp-Session-Id", session);
        return session;
    }

    /**
     * An MCP 2026-07-28 request (no session): {@code method} with {@code params} (JSON object members, possibly empty) and
     * the {@code _meta} of client {@code clientName}, with the headers that revision requires ({@code Mcp-Name} when
     * {@code name} is not null).
     */
    public HttpResponse<String> modern(int id, String method, String name, String params, String clientName)
            throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{" + params
                + (params.isEmpty() ? "" : ",") + modernMeta(clientName) + "}}";
        return name == null ? post(body, "MCP-Protocol-Version", MODERN, "Mcp-Method", method)
                : post(body, "MCP-Protocol-Version", MODERN, "Mcp-Method", method, "Mcp-Name", name);
    }

    /** An MCP 2026-07-28 {@code tools/call} of {@code tool} with {@code argumentsJson} from client {@code clientName}. */
    public HttpResponse<String> modernCall(String tool, String argumentsJson, String clientName) throws IOException, InterruptedException {
        return modern(1, "tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson, clientName);
    }

    /** The {@code _meta} member of an MCP 2026-07-28 request from client {@code clientName} (declaring no capabilities). */
    public static String modernMeta(String clientName) {
        return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"" + clientName + "\",\"version\":\"1\"}}";
    }

    /** The JSON-RPC message of a response, sent as JSON or in an SSE stream. */
    public static com.fasterxml.jackson.databind.JsonNode message(HttpResponse<String> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("text/event-stream") ? response(response.body())
                : dev.awsmcp.toolset.support.Json.mapper().readTree(response.body());
    }

    /** A tools/call request body. */
    public static String toolsCall(int id, String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
    }

    /** The JSON-RPC response in an SSE body (notifications such as log notices may come before it). */
    public static com.fasterxml.jackson.databind.JsonNode response(String sseBody) throws IOException {
        for (String data : sseData(sseBody)) {
            com.fasterxml.jackson.databind.JsonNode message = dev.awsmcp.toolset.support.Json.mapper().readTree(data);
            if (message.has("result") || message.has("error")) {
                return message;
            }
        }
        throw new IllegalStateException("no JSON-RPC response in " + sseBody);
    }

    /**
     * The JSON-RPC messages of an answer: the {@code data:} lines of an SSE body, or the body itself when the
     * gateway answered with plain JSON (a ping or tools/list of a session: {@code DirectAnswers}).
     */
    public static java.util.List<String> sseData(String body) {
        if (body.startsWith("{")) {
            return java.util.List.of(body.strip());
        }
        return body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }
}
