package dev.awsmcp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A moto server ({@code python3 -m moto.server}) running as a child process on 127.0.0.1: one
 * endpoint that emulates every AWS service. {@link #start} blocks until moto answers; {@link #close}
 * stops it, and a JVM shutdown hook stops it when the JVM exits first. Used by tests and by the
 * gateway's {@code local-aws} and {@code demo} commands; thread-safe.
 */
public final class MotoServer implements AutoCloseable {

    static final String INSTALL_HINT = "pip install 'moto[server]'";
    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port, Path logFile, HttpClient http) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
        this.shutdownHook = new Thread(this::stopProcess, "moto-server-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts moto with {@link MotoServerOptions#DEFAULT}. */
    public static MotoServer start() {
        return start(MotoServerOptions.DEFAULT);
    }

    /**
     * Starts moto and waits until it answers. Blocks the calling thread for up to the start timeout.
     *
     * @throws MotoServerException when Python or moto is missing, moto exits, or it does not answer in time
     */
    public static MotoServer start(MotoServerOptions options) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean portChosenHere = options.port() == 0;
        for (int attempt = 1; ; attempt++) {
            int port = portChosenHere ? freePort() : options.port();
            Path logFile = logFile(options.logDirectory(), port);
            Process process = launch(options.python(), port, logFile);
            try {
                awaitReady(process, port, logFile, http, options);
                LOG.info("moto server listening on http://{}:{} (pid {}, log {})", HOST, port, process.pid(), logFile);
                return new MotoServer(process, port, logFile, http);
            } catch (PortTakenException e) {
                if (!portChosenHere || attempt >= PORT_ATTEMPTS) {
                    throw new MotoServerException("moto server could not listen on port " + port
                            + ": address already in use; choose another port (log: " + logFile + ")");
                }
                LOG.debug("port {} was taken before moto bound it; trying another", port);
            }
        }
    }

    /** The endpoint to point AWS SDK clients at, for example {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** The port moto listens on. */
    public int port() {
        return port;
    }

    /** The file receiving moto's standard output and error. */
    public Path logFile() {
        return logFile;
    }

    /** True while the moto process runs. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Drops every resource of every emulated service ({@code POST /moto-api/reset}). */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /**
     * Posts a JSON body to one of moto's own endpoints, for example {@code /moto-api/config} to
     * switch Lambda to its Docker-less mode. Returns the response body.
     *
     * @throws MotoServerException when moto does not answer with a 2xx status
     */
    public String post(String apiPath, String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve(apiPath))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new MotoServerException("moto answered " + response.statusCode() + " to POST " + apiPath
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new MotoServerException("moto did not answer POST " + apiPath + " (log: " + logFile + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoServerException("interrupted while posting to moto " + apiPath, e);
        }
    }

    /** Stops moto; idempotent. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; the process is stopped either way.
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("moto server on port {} stopped", port);
    }

    private static Process launch(String python, int port, Path logFile) {
        List<String> command = List.of(python, "-m", "moto.server", "-H", HOST, "-p", Integer.toString(port));
        ProcessBuilder builder = new ProcessBuilder(command)
                // moto writes files of its own (the request recorder's moto_recording) to its working directory.
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                // To a file, not a pipe: an unread pipe fills up and stalls moto.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new MotoServerException("Python 3 not found: cannot run '" + python + "' (" + e.getMessage()
                    + "). Install Python 3 so that '" + python + "' is on the PATH, then " + INSTALL_HINT, e);
        }
    }

    private static void awaitReady(Process process, int port, Path logFile, HttpClient http, MotoServerOptions options) {
        Instant deadline = Instant.now().plus(options.startTimeout());
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/moto-api/"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw exitedEarly(process, options.python(), logFile);
            }
            if (answers(http, probe)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        process.destroyForcibly();
        throw new MotoServerException("moto server did not answer on port " + port + " within "
                + options.startTimeout().toSeconds() + " s; see " + logFile);
    }

    private static boolean answers(HttpClient http, HttpRequest probe) {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoServerException("interrupted while waiting for moto server", e);
        }
    }

    private static RuntimeException exitedEarly(Process process, String python, Path logFile) {
        String output = tail(logFile);
        if (output.contains("Address already in use")) {
            return new PortTakenException();
        }
        if (output.contains("No module named")) {
            return new MotoServerException("moto server is not installed for '" + python + "': run "
                    + INSTALL_HINT + " (" + lastLine(output) + ")");
        }
        return new MotoServerException("moto server exited with code " + process.exitValue()
                + " before answering; last output:\n" + output);
    }

    private static String tail(Path logFile) {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8);
            return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new MotoServerException("cannot find a free port on " + HOST, e);
        }
    }

    private static Path logFile(Path directory, int port) {
        try {
            Path dir = directory != null ? directory
                    : Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "moto-" + port + "-", ".log").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create moto log file", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoServerException("interrupted while waiting for moto server", e);
        }
    }

    /** Moto lost the race for a port this class picked; retried with another port. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException() {
            super(null, null, false, false);
        }
    }
}
