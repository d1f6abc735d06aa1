package dev.awsmcp.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code gateway/target/mcp-gateway.jar}) as a real process with its own environment:
 * {@code serve} until stopped, or any other command run to completion. Output (stdout and stderr
 * merged) is kept for assertion messages.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final URI url;
    private final Thread reader;

    private GatewayProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
            }
        }, "gateway-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code serve --config config} with {@code env} added to this JVM's environment and
     * {@code GATEWAY_PORT} set to {@code port}; waits (up to a minute) until the endpoint answers.
     */
    public static GatewayProcess serve(Path config, int port, Map<String, String> env) throws Exception {
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("GATEWAY_PORT", Integer.toString(port));
        GatewayProcess gateway = new GatewayProcess(start(withPort, "serve", "--config", config.toString()),
                URI.create("http://127.0.0.1:" + port + "/mcp"));
        gateway.awaitListening();
        return gateway;
    }

    /** Runs the jar with {@code args} to completion (at most two minutes); returns its exit code and output. */
    public static ExternalCommand.Outcome run(Map<String, String> env, String... args) throws Exception {
        GatewayProcess command = new GatewayProcess(start(env, args), null);
        if (!command.process.waitFor(120, TimeUnit.SECONDS)) {
            command.process.destroyForcibly();
            throw new IllegalStateException(List.of(args) + " did not finish:\n" + command.output);
        }
        command.reader.join(10_000);
        return new ExternalCommand.Outcome(command.process.exitValue(), command.output.toString(), "");
    }

    private static Process start(Map<String, String> env, String... args) throws IOException {
        Path root = ExternalCommand.repositoryRoot();
        Path jar = root.resolve("gateway/target/mcp-gateway.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("run with mvn verify: the jar is built in the package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A free loopback port. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + ":\n" + output);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gateway did not listen on " + url + " within a minute:\n" + output);
    }

    /** The MCP endpoint. */
    public URI url() {
        return url;
    }

    /** Everything printed so far. */
    public String output() {
        return output.toString();
    }

    /** Stops the process with SIGTERM; true when it exited within 30 seconds. */
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
