package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.toolset.support.Json;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * MCP 2026-07-28 requests of the tasks extension as raw HTTP, for one caller: every request carries the per-request
 * {@code _meta}, with the extension in its client capabilities or not, and the routing headers the spec asks for.
 */
final class ModernTaskRequests {

    static final String VERSION = "2026-07-28";
    static final String EXTENSION = "io.modelcontextprotocol/tasks";

    private final McpHttp http;
    private final boolean declaresTasks;
    private final java.util.concurrent.atomic.AtomicInteger id = new java.util.concurrent.atomic.AtomicInteger();

    ModernTaskRequests(McpHttp http, boolean declaresTasks) {
        this.http = http;
        this.declaresTasks = declaresTasks;
    }

    /** {@code method} with {@code params} (JSON members without braces), {@code Mcp-Name} set to {@code name} when not null. */
    HttpResponse<String> send(String method, String name, String params) throws Exception {
        String capabilities = declaresTasks ? "{\"extensions\":{\"" + EXTENSION + "\":{}}}" : "{}";
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\",\"io.modelcontextprotocol/clientCapabilities\":"
                + capabilities + ",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"tasks-test\",\"version\":\"1\"}}";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id.incrementAndGet() + ",\"method\":\"" + method + "\",\"params\":{" + params
                + (params.isEmpty() ? "" : ",") + meta + "}}";
        return name == null ? http.post(body, "MCP-Protocol-Version", VERSION, "Mcp-Method", method)
                : http.post(body, "MCP-Protocol-Version", VERSION, "Mcp-Method", method, "Mcp-Name", name);
    }

    /** A {@code tools/call} of {@code tool} with {@code arguments} (a JSON object). */
    HttpResponse<String> call(String tool, String arguments) throws Exception {
        return send("tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":" + arguments);
    }

    /** {@code tasks/get}, {@code tasks/update} or {@code tasks/cancel} of task {@code taskId}. */
    HttpResponse<String> task(String method, String taskId) throws Exception {
        return send(method, taskId, "\"taskId\":\"" + taskId + "\"");
    }

    /** The task's {@code tasks/get} result once its status is no longer {@code working}; fails after 10 seconds. */
    JsonNode awaitEnd(String taskId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode task = json(task("tasks/get", taskId)).path("result");
        while (task.path("status").asText().equals("working") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            task = json(task("tasks/get", taskId)).path("result");
        }
        return task;
    }

    /** The JSON-RPC message of a response, whether JSON or SSE. */
    static JsonNode json(HttpResponse<String> response) throws Exception {
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("text/event-stream") ? McpHttp.response(response.body()) : Json.mapper().readTree(response.body());
    }
}
