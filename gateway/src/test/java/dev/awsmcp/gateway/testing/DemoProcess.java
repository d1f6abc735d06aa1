package dev.awsmcp.gateway.testing;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's first quick-start command as a real process: {@code java -jar gateway/target/mcp-gateway.jar
 * demo} from the repository root, read until it prints its endpoint and keys.
 */
public final class DemoProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("MCP endpoint : (http://\\S+)");
    private static final Pattern AWS = Pattern.compile("local AWS    : (http://\\S+)");
    private static final Pattern PAYMENTS_KEY = Pattern.compile("payments-oncall key: (\\S+)");
    private static final Pattern INVENTORY_KEY = Pattern.compile("inventory key      : (\\S+)");
    private static final Pattern AUDIT_FILE = Pattern.compile("audit trail  : (\\S+)");
    private static final Pattern CONSOLE = Pattern.compile("audit console: (http://\\S+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private volatile URI url;
    private volatile URI aws;
    private volatile String paymentsKey;
    private volatile String inventoryKey;
    private volatile String auditFile;
    private volatile URI console;

    private DemoProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the demo on a free port and waits (up to two minutes) until it printed everything.
     *
     * @param demoArgs more arguments of the {@code demo} command, e.g. {@code --config FILE}
     */
    public static DemoProcess start(String... demoArgs) throws Exception {
        Path root = ExternalCommand.repositoryRoot();
        Path jar = root.resolve("gateway/target/mcp-gateway.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("run with mvn verify: the jar is built in the package phase");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "demo", "--port", String.valueOf(port), "--admin-port", "0"));
        command.addAll(List.of(demoArgs));
        DemoProcess demo = new DemoProcess(new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start());
        demo.awaitReady();
        return demo;
    }

    private void awaitReady() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    url = match(ENDPOINT, line, url);
                    aws = match(AWS, line, aws);
                    paymentsKey = text(PAYMENTS_KEY, line, paymentsKey);
                    inventoryKey = text(INVENTORY_KEY, line, inventoryKey);
                    auditFile = text(AUDIT_FILE, line, auditFile);
                    console = match(CONSOLE, line, console);
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("demo exited before it was ready:\n" + output));
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(120, TimeUnit.SECONDS);
    }

    private static URI match(Pattern p, String line, URI previous) {
        Matcher m = p.matcher(line);
        return m.find() ? URI.create(m.group(1)) : previous;
    }

    private static String text(Pattern p, String line, String previous) {
        Matcher m = p.matcher(line);
        return m.find() ? m.group(1) : previous;
    }

    public URI url() {
        return url;
    }

    /** The local AWS endpoint the demo started. */
    public URI aws() {
        return aws;
    }

    public String paymentsKey() {
        return paymentsKey;
    }

    public String inventoryKey() {
        return inventoryKey;
    }

    /** The audit file the demo writes (in a fresh temporary directory). */
    public Path auditFile() {
        return Path.of(auditFile);
    }

    /** The audit console's URL as the demo printed it. */
    public URI console() {
        return console;
    }

    public String output() {
        return output.toString();
    }

    /** An initialized MCP Java SDK client authenticating with {@code key}. */
    public McpSyncClient client(String key) {
        String base = url.toString().replace(url.getPath(), "");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint(url.getPath())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key)).build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    /** Stops the demo with SIGTERM; true when it exited within 30 seconds. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly();
        }
    }
}
