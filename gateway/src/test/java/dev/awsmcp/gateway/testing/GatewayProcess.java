package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve --config FILE} as a real process of its own (a separate JVM on this test classpath, so
 * the test toolsets are installed), for what only a process shows: signals, exit codes, restarts,
 * several instances. Its output goes to a file, for assertions and their messages.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("MCP endpoint listening on (http://\\S+)");

    private final Process process;
    private final Path log;
    private URI url;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve --config config} (the file should bind port 0) and waits until it listens. */
    public static GatewayProcess serve(Path config, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.awsmcp.gateway.cli.GatewayCommand",
                "serve", "--config", config.toString()));
        // A file, not a pipe: a pipe read while the process exits can lose its last lines.
        Path log = Files.createTempFile("gateway-process", ".log");
        GatewayProcess gateway = new GatewayProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), log);
        gateway.url = gateway.awaitEndpoint();
        return gateway;
    }

    private URI awaitEndpoint() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = ENDPOINT.matcher(output());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("gateway did not start:\n" + output());
    }

    /** The MCP endpoint. */
    public URI url() {
        return url;
    }

    /** Sends SIGTERM, as an orchestrator stopping the container does. */
    public void terminate() {
        process.destroy();
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
    public void close() {
        process.destroyForcibly();
    }
}
