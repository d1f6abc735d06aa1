package dev.awsmcp.bench.harness;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * An MCP server driven by the MCP Java SDK's sync client (2.1.0), over Streamable HTTP or stdio: the
 * gateway and every peer go through this one class, so the client's cost is the same for all of them.
 * {@code mapping} turns an operation into the server's tool call ({@code null}: the server has no such
 * operation, and {@code unsupported} says why).
 */
final class McpTarget implements Target {

    static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

    private final String name;
    private final Callable<McpClientTransport> transports;
    private final Function<Operation, Operation.ToolCall> mapping;
    private final Function<Operation, String> unsupported;
    private final int maxClients;
    private final ServerProcess server;
    private final Map<String, Object> description;
    private java.util.function.Predicate<String> failedText = text -> false;

    McpTarget(String name, Callable<McpClientTransport> transports, Function<Operation, Operation.ToolCall> mapping,
            Function<Operation, String> unsupported, int maxClients, ServerProcess server, Map<String, Object> description) {
        this.name = name;
        this.transports = transports;
        this.mapping = mapping;
        this.unsupported = unsupported;
        this.maxClients = maxClients;
        this.server = server;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unsupported(Operation operation) {
        return operation.protocol() ? null : unsupported.apply(operation);
    }

    @Override
    public int maxClients() {
        return maxClients;
    }

    @Override
    public ProcessMeter meter() {
        if (server != null) {
            return server.meter();
        }
        // A stdio server is the SDK transport's child process: found by its command line.
        return ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains(name))
                .findFirst().map(p -> new ProcessMeter(p.pid())).orElse(null);
    }

    /**
     * Also counts a call as failed when its text matches {@code failed}: for servers that report an AWS
     * error inside a successful tool result.
     */
    McpTarget failsWhen(java.util.function.Predicate<String> failed) {
        this.failedText = failed;
        return this;
    }

    ServerProcess server() {
        return server;
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    @Override
    public Client connect() throws Exception {
        McpSyncClient client = McpClient.sync(transports.call())
                .clientInfo(McpSchema.Implementation.builder("aws-mcp-gateway-bench", "1").build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new Session(client);
    }

    /** The {@code tools/list} result a new client of this server gets, as JSON. */
    String toolsListJson() throws Exception {
        try (Session session = (Session) connect()) {
            return JSON.writeValueAsString(session.client.listTools());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private final class Session implements Client {
        private final McpSyncClient client;

        Session(McpSyncClient client) {
            this.client = client;
        }

        @Override
        public Outcome call(Operation operation) throws Exception {
            if (operation == Operation.PING) {
                client.ping();
                return new Outcome(false, null, -1, -1, "pong");
            }
            if (operation == Operation.TOOLS_LIST) {
                McpSchema.ListToolsResult tools = client.listTools();
                return new Outcome(false, null, JSON.writeValueAsBytes(tools).length, -1, tools.tools().size() + " tools");
            }
            Operation.ToolCall call = mapping.apply(operation);
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(call.tool(), call.arguments(), null));
            long text = result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                    .mapToLong(c -> ((McpSchema.TextContent) c).text().getBytes(StandardCharsets.UTF_8).length).sum();
            String first = firstText(result);
            boolean error = Boolean.TRUE.equals(result.isError()) || failedText.test(first);
            return new Outcome(error, error ? Outcome.sample(first) : null, JSON.writeValueAsBytes(result).length, text, Outcome.sample(first));
        }

        private static String firstText(McpSchema.CallToolResult result) {
            return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                    .map(c -> ((McpSchema.TextContent) c).text()).findFirst().orElse("(no text content)");
        }

        @Override
        public void close() {
            client.closeGracefully();
        }
    }
}
