package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as a real process of its own, for what only a process shows: signals, exit codes,
 * restarts, several instances. Either the built jar ({@code gateway/target/mcp-gateway.jar}, as
 * operators run it) or a JVM on this test classpath (so the test toolsets are installed). Output
 * (stdout and stderr) goes to a file, not a pipe: a pipe read while the process exits can lose its
 * last lines.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("MCP endpoint listening on (http://[^\\s\"]+)");

    private final Process process;
    private final Path log;
    private URI url;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve --config config} on this test classpath (the file should bind port 0) and waits until it listens. */
    public static GatewayProcess serve(Path config, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.awsmcp.gateway.cli.GatewayCommand",
                "serve", "--config", config.toString()));
        return listening(start(command, Map.of()));
    }

    /**
     * Starts the jar's {@code serve --config config} with {@code env} added to this JVM's environment and
     * {@code GATEWAY_PORT} set to {@code port}; waits (up to a minute) until it listens.
     */
    public static GatewayProcess serve(Path config, int port, Map<String, String> env) throws Exception {
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("GATEWAY_PORT", Integer.toString(port));
        return listening(start(jarCommand("serve", "--config", config.toString()), withPort));
    }

    /** Runs the jar with {@code args} to completion (at most two minutes); returns its exit code and output. */
    public static ExternalCommand.Outcome run(Map<String, String> env, String... args) throws Exception {
        GatewayProcess command = start(jarCommand(args), env);
        int code = command.awaitExit(120);
        return new ExternalCommand.Outcome(code, command.output(), "");
    }

    /**
     * Starts {@code command} (a launcher that serves, e.g. the distribution's {@code bin/mcp-gateway serve ...}) in
     * {@code directory} with {@code env} added to this JVM's environment; waits (up to a minute) until it listens.
     */
    public static GatewayProcess launch(Path directory, List<String> command, Map<String, String> env) throws Exception {
        return listening(start(directory, command, env));
    }

    private static List<String> jarCommand(String... args) {
        Path jar = ExternalCommand.repositoryRoot().resolve("gateway/target/mcp-gateway.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("run with mvn verify: the jar is built in the package phase");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static GatewayProcess start(List<String> command, Map<String, String> env) throws IOException {
        return start(ExternalCommand.repositoryRoot(), command, env);
    }

    private static GatewayProcess start(Path directory, List<String> command, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile("gateway-process", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new GatewayProcess(builder.start(), log);
    }

    private static GatewayProcess listening(GatewayProcess gateway) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && gateway.process.isAlive()) {
            Matcher m = ENDPOINT.matcher(gateway.output());
            if (m.find()) {
                gateway.url = URI.create(m.group(1));
                return gateway;
            }
            Thread.sleep(50);
        }
        gateway.process.destroyForcibly();
        throw new IllegalStateException("gateway did not start:\n" + gateway.output());
    }

    /** A free loopback port. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The MCP endpoint. */
    public URI url() {
        return url;
    }

    /** Sends SIGTERM, as an orchestrator stopping the container does. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code once the process ended, or empty while it runs. */
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    /** SIGTERM, then waits; true when it exited within 30 seconds. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the exit; returns the exit code, or fails with the output when it did not exit in time. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway did not exit within " + seconds + "s:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly();
        }
    }
}
