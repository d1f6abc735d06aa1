package dev.awsmcp.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor under the gateway's protocol answers: the least an MCP server on Vert.x and Jackson does for a session's
 * {@code ping} and {@code tools/list} over Streamable HTTP, in a process of its own with the gateway's JVM options.
 * It reads each POST body, parses it with Jackson, and answers with prepared bytes (for {@code tools/list} the
 * gateway's own list for the bench's caller): no routing, authentication, policy, sessions kept, metrics or audit.
 * The CPU phase measures it with the same client and per-thread CPU as the gateway, so the gateway's ping and list
 * read as multiples of this floor. Not a product: a measuring stick.
 */
final class HttpFloor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpFloor() {
    }

    /**
     * Starts the floor server with {@code javaExecutable} and {@code jvmOptions} (JFR and the gateway's class-data archive dropped), serving {@code toolsList}
     * (a {@code tools/list} result, JSON) as its list.
     */
    static McpTarget start(String javaExecutable, List<String> jvmOptions, Path workDir, String toolsList, int port) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("http-floor"));
        Path list = Files.writeString(dir.resolve("tools-list.json"), toolsList);
        List<String> command = new ArrayList<>(List.of(javaExecutable));
        jvmOptions.stream().filter(o -> !o.isBlank() && !o.startsWith("-XX:StartFlightRecording")
                && !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-XX:AOTCache")).forEach(command::add);
        // The harness's class path, made absolute: the server runs in its own directory.
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        command.addAll(List.of("-cp", classPath, HttpFloor.class.getName(), String.valueOf(port), list.toString()));
        URI url = URI.create("http://127.0.0.1:" + port + "/mcp");
        ServerProcess server = ServerProcess.start("http-floor", command, Map.of(), dir, dir.resolve("http-floor.log"), url,
                Duration.ofSeconds(60));
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("what", "Vert.x HTTP server + Jackson parse + prepared answers (ping, tools/list); nothing else");
        description.put("jvm_options", command.subList(1, command.indexOf("-cp")));
        return new McpTarget("http-floor", () -> HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp").build(),
                operation -> null, operation -> "the floor server answers only ping and tools/list", 1, server, description);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] list = Files.readAllBytes(Path.of(args[1]));
        Buffer listTail = Buffer.buffer().appendString(",\"result\":").appendBytes(list).appendString("}");
        Buffer emptyTail = Buffer.buffer(",\"result\":{}}");
        Buffer initializeTail = Buffer.buffer(",\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                + "\"serverInfo\":{\"name\":\"http-floor\",\"version\":\"1\"}}}");
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> {
                    if (request.method() != io.vertx.core.http.HttpMethod.POST) {
                        request.response().setStatusCode(405).end();
                        return;
                    }
                    request.body().onSuccess(body -> answer(request, body, listTail, emptyTail, initializeTail));
                })
                .listen().await();
        System.out.println("http-floor listening on " + port);
    }

    private static void answer(HttpServerRequest request, Buffer body, Buffer listTail, Buffer emptyTail, Buffer initializeTail) {
        JsonNode message;
        try {
            message = JSON.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            request.response().setStatusCode(400).end();
            return;
        }
        JsonNode id = message.get("id");
        if (id == null) {
            request.response().setStatusCode(202).end();
            return;
        }
        String method = message.path("method").asText();
        Buffer tail = switch (method) {
            case "initialize" -> initializeTail;
            case "tools/list" -> listTail;
            default -> emptyTail;
        };
        if (method.equals("initialize")) {
            request.response().putHeader("Mcp-Session-Id", UUID.randomUUID().toString());
        }
        Buffer head = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":" + id);
        request.response().putHeader("Content-Type", "application/json")
                .end(head.appendBuffer(tail));
    }

}
