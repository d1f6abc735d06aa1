package dev.awsmcp.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to launch moto server.
 *
 * @param python the Python 3 executable (a name looked up on PATH, or a path); never blank
 * @param port the port to listen on, or 0 to pick a free one
 * @param startTimeout how long to wait for moto to answer before giving up
 * @param logDirectory where moto's output goes, or {@code null} for {@code target/} when the working
 *     directory has one, else the temp directory
 */
public record MotoServerOptions(String python, int port, Duration startTimeout, Path logDirectory) {

    /** The defaults: {@code python3}, a free port, 30 seconds to start. */
    public static final MotoServerOptions DEFAULT = new MotoServerOptions("python3", 0, Duration.ofSeconds(30), null);

    public MotoServerOptions {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (python.isBlank()) {
            throw new IllegalArgumentException("python executable must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, got " + port);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive");
        }
    }

    /** These options with another Python executable. */
    public MotoServerOptions withPython(String executable) {
        return new MotoServerOptions(executable, port, startTimeout, logDirectory);
    }

    /** These options with a fixed port (0 picks a free one). */
    public MotoServerOptions withPort(int listenPort) {
        return new MotoServerOptions(python, listenPort, startTimeout, logDirectory);
    }

    /** These options with another start timeout. */
    public MotoServerOptions withStartTimeout(Duration timeout) {
        return new MotoServerOptions(python, port, timeout, logDirectory);
    }

    /** These options with another log directory. */
    public MotoServerOptions withLogDirectory(Path directory) {
        return new MotoServerOptions(python, port, startTimeout, directory);
    }
}
