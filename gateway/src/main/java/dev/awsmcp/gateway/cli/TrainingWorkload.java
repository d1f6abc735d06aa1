package dev.awsmcp.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.server.HttpGateway;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * What {@code training-run} asks of the gateway it serves: what a client and a scraper do in the first minutes of a
 * real deployment, so that the class-data archive holds the classes of that path. A refused request (no credentials),
 * an MCP 2025-11-25 session (initialize, tools/list, every tool called, twice when AWS answers, with arguments made from
 * its input schema, a call that fails validation, the session's end), MCP 2026-07-28 requests without a session, and the admin
 * listener's health and metrics. Tool calls may end in an AWS error (the resources do not exist); what must hold is
 * that every request was answered as the protocol says.
 */
final class TrainingWorkload {

    private static final String PROTOCOL = "2025-11-25";
    private static final String MODERN = "2026-07-28";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpGateway gateway;
    private final String key;
    private final int rounds;

    /** {@code rounds}: how often every tool is called (a second round runs the paths of cached roles and warm clients). */
    TrainingWorkload(HttpGateway gateway, String key, int rounds) {
        this.gateway = gateway;
        this.key = key;
        this.rounds = rounds;
    }

    /** How the run went: tool calls answered (as results, tool errors included) and the first problem, if any. */
    record Result(int tools, int calls, String problem) {
        boolean ok() {
            return problem == null && calls > 0;
        }

        @Override
        public String toString() {
            return tools + " tools, " + calls + " calls answered" + (problem == null ? "" : "; FAILED: " + problem);
        }
    }

    /** Writes a team policy for API key {@code training} granting every toolset's read tools. */
    static void writePolicy(Path dir) throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        StringBuilder policy = new StringBuilder("team: training\nmembers: [ { apiKey: training } ]\ntoolsets:\n");
        for (String toolset : new String[] {"ddb", "s3", "logs", "lambda", "cw"}) {
            policy.append("  ").append(toolset).append(": { tools: [\"*\"], resources: [\"*\"], sessionPolicy: true }\n");
        }
        Files.writeString(policies.resolve("training.yaml"), policy + "limits: { maxResultBytes: 65536, callsPerMinute: 100000 }\n"
                + "guard: { injection: flag }\n");
    }

    /**
     * The gateway configuration of the run (production-shaped, on loopback); returns its path. With {@code roles} the
     * toolsets assume roles through STS as in production; without (no AWS to answer) they call with the process's
     * credentials, so that their calls still run the SDK's request path up to the connection.
     */
    static Path writeConfig(Path dir, boolean roles) throws IOException {
        StringBuilder toolsets = new StringBuilder();
        Map<String, String> types = Map.of("ddb", "dynamodb", "s3", "s3", "logs", "logs", "lambda", "lambda", "cw", "cloudwatch");
        for (String id : new String[] {"ddb", "s3", "logs", "lambda", "cw"}) {
            toolsets.append("  - { id: ").append(id).append(", type: ").append(types.get(id))
                    .append(", region: us-east-1, endpoint: \"${TRAINING_AWS}\"")
                    .append(roles ? ", roleArn: \"arn:aws:iam::123456789012:role/training-" + id + "\"" : "").append(" }\n");
        }
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                server: { host: 127.0.0.1, port: 0, path: /mcp }
                admin: { enabled: true, host: 127.0.0.1, port: 0 }
                auth:
                  apiKeys: { file: "${TRAINING_KEYS}" }
                toolsets:
                %ssts: { region: us-east-1, endpoint: "${TRAINING_AWS}" }
                policies: { dir: "${TRAINING_DIR}/policies", watch: true }
                guard: { secretHash: true }
                limits: { callTimeout: 20s }
                audit:
                  sinks:
                    - { type: file, path: "${TRAINING_DIR}/audit/audit.jsonl", durable: true }
                """.formatted(toolsets));
        return config;
    }

    Result run() {
        int tools = 0;
        int calls = 0;
        try {
            URI mcp = gateway.mcpUrl();
            expect(send(HttpRequest.newBuilder(mcp).GET()), 401, "GET without credentials");
            HttpResponse<String> init = post(mcp, null, null, rpc(1, "initialize", "{\"protocolVersion\":\"" + PROTOCOL
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training-run\",\"version\":\"1\"}}"));
            expect(init, 200, "initialize");
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException("no Mcp-Session-Id"));
            post(mcp, session, null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            JsonNode list = answer(post(mcp, session, null, rpc(2, "tools/list", "{}")), "tools/list");
            JsonNode listed = list.path("result").path("tools");
            tools = listed.size();
            if (tools == 0) {
                return new Result(0, 0, "tools/list returned no tools: " + list);
            }
            for (int round = 0; round < rounds; round++) {
                for (JsonNode tool : listed) {
                    String name = tool.path("name").asText();
                    String params = "{\"name\":\"" + name + "\",\"arguments\":" + arguments(tool.path("inputSchema")) + "}";
                    answer(post(mcp, session, null, rpc(10 + calls, "tools/call", params)), "tools/call " + name);
                    calls++;
                }
            }
            answer(post(mcp, session, null, rpc(9, "tools/call", "{\"name\":\"" + listed.get(0).path("name").asText()
                    + "\",\"arguments\":{\"not_a_parameter\":1}}")), "an invalid call");
            send(HttpRequest.newBuilder(mcp).header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session).DELETE());
            String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                    + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"training-run\",\"version\":\"1\"}}";
            answer(post(mcp, null, "tools/list", rpc(3, "tools/list", "{" + meta + "}")), "2026-07-28 tools/list");
            String first = listed.get(0).path("name").asText();
            answer(post(mcp, null, "tools/call", rpc(4, "tools/call", "{\"name\":\"" + first + "\",\"arguments\":"
                    + arguments(listed.get(0).path("inputSchema")) + "," + meta + "}"), "Mcp-Name", first), "2026-07-28 tools/call");
            gateway.admin().ifPresent(admin -> {
                for (String path : new String[] {"/health/live", "/health/ready", "/metrics"}) {
                    send(HttpRequest.newBuilder(admin.url().resolve(path)).GET());
                }
            });
            return new Result(tools, calls, null);
        } catch (RuntimeException e) {
            return new Result(tools, calls, e.getMessage());
        }
    }

    /** Arguments that satisfy {@code schema}'s required properties by type (names no resource that exists). */
    static String arguments(JsonNode schema) {
        ObjectNode arguments = Json.mapper().createObjectNode();
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            JsonNode property = properties.path(required.asText());
            JsonNode choices = property.path("enum");
            switch (choices.isArray() && !choices.isEmpty() ? "enum" : property.path("type").asText("string")) {
                case "enum" -> arguments.set(required.asText(), choices.get(0));
                case "integer", "number" -> arguments.put(required.asText(), Math.max(1, property.path("minimum").asLong(1)));
                case "boolean" -> arguments.put(required.asText(), false);
                case "array" -> arguments.putArray(required.asText()).add("training");
                case "object" -> arguments.putObject(required.asText()).put("pk", "training");
                default -> arguments.put(required.asText(), "training");
            }
        }
        return arguments.toString();
    }

    private static String rpc(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private HttpResponse<String> post(URI mcp, String session, String modernMethod, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", PROTOCOL);
        }
        if (modernMethod != null) {
            request.header("MCP-Protocol-Version", MODERN).header("Mcp-Method", modernMethod);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }

    /** The JSON-RPC response of a 200 answer, sent as JSON or as the one response event of an SSE stream. */
    private static JsonNode answer(HttpResponse<String> response, String what) {
        expect(response, 200, what);
        try {
            for (Iterator<String> it = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).iterator(); it.hasNext(); ) {
                JsonNode message = Json.mapper().readTree(it.next());
                if (message.has("result") || message.has("error")) {
                    return message;
                }
            }
            JsonNode message = Json.mapper().readTree(response.body());
            if (message.has("result") || message.has("error")) {
                return message;
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + ": unreadable answer " + response.body(), e);
        }
        throw new IllegalStateException(what + ": no JSON-RPC response in " + response.body());
    }
}
