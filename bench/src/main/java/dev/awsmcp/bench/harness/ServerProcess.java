package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the harness runs as a child process (the gateway jar, an HTTP peer), its output in a log file.
 * {@link #start} returns once the server answers HTTP at {@code probe} (any status counts: the listener
 * is up), and records how long that took from launch: the startup time to ready.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Duration startup;
    private final Path log;

    private ServerProcess(String name, Process process, Duration startup, Path log) {
        this.name = name;
        this.process = process;
        this.startup = startup;
        this.log = log;
        // Never leave a server behind when the harness is stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-" + name));
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log, URI probe,
            Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        Process process = builder.start();
        // HTTP/1.1: the JDK client's default h2c upgrade now and then never completes against Vert.x listeners.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = launched + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before it answered; log: " + log
                        + "\n" + tail(log));
            }
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
                return new ServerProcess(name, process, Duration.ofNanos(System.nanoTime() - launched), log);
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not answer at " + probe + " within " + timeout.toSeconds() + " s; log: " + log);
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
        } catch (IOException e) {
            return "";
        }
    }

    String name() {
        return name;
    }

    Duration startup() {
        return startup;
    }

    Path log() {
        return log;
    }

    ProcessMeter meter() {
        return new ProcessMeter(process.pid());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the server to stop (SIGTERM, so a JVM runs its shutdown hooks), then forces it after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
