package dev.awsmcp.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a demo seed script as {@code python3 - --endpoint <url> --region <region>} with the script on
 * stdin: the one way the gateway's {@code local-aws}/{@code demo} commands and the toolset tests load
 * the demo story. Output goes to a file (never an unread pipe), so the time limit holds. Blocks the
 * calling thread; needs {@code python3} with boto3 (moto's server install brings it).
 */
public final class SeedScripts {

    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);

    private SeedScripts() {
    }

    /**
     * Runs {@code script} against {@code aws} and returns what it printed (stdout and stderr, merged).
     *
     * @throws MotoServerException when the script is missing, runs longer than 60 seconds or exits non-zero
     */
    public static String run(LocalAws aws, Path script) {
        if (!Files.isRegularFile(script)) {
            throw new MotoServerException("seed script " + script.toAbsolutePath() + " not found");
        }
        try (InputStream source = Files.newInputStream(script)) {
            return run(source, script.toString(), aws.endpoint(), aws.region().id(), TEST_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    /**
     * Runs the script read from {@code source} (named {@code name} in messages) against {@code endpoint}
     * and returns what it printed, trimmed.
     *
     * @throws MotoServerException when python3 cannot run, the script runs longer than {@code timeout} or exits non-zero
     */
    public static String run(InputStream source, String name, URI endpoint, String region, Duration timeout) {
        File output = null;
        try {
            output = File.createTempFile("seed-", ".log");
            Process process = start(output, endpoint, region);
            try (OutputStream stdin = process.getOutputStream()) {
                source.transferTo(stdin);
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MotoServerException(name + " did not finish within " + timeout.toSeconds() + " s: " + read(output));
            }
            String printed = read(output).trim();
            if (process.exitValue() != 0) {
                throw new MotoServerException(name + " exited with " + process.exitValue() + ":\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new MotoServerException("cannot run " + name + " with python3: " + e.getMessage()
                    + "; install Python 3, then " + MotoServer.INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoServerException("interrupted while running " + name, e);
        } finally {
            if (output != null) {
                output.delete();
            }
        }
    }

    private static Process start(File output, URI endpoint, String region) throws IOException {
        return new ProcessBuilder("python3", "-", "--endpoint", endpoint.toString(), "--region", region)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }

    private static String read(File output) throws IOException {
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }
}
