package dev.awsmcp.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a demo seed script ({@code python3 - --endpoint <moto> --region <region>}, the script on
 * stdin) against {@link LocalAws}, the way the gateway's demo command does, so tests can read the
 * seeded story back through a toolset. Blocks the calling thread; needs {@code python3} with boto3.
 */
public final class SeedScripts {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SeedScripts() {
    }

    /**
     * Runs {@code script} and returns what it printed (stdout and stderr, merged).
     *
     * @throws AssertionError when the script is missing, runs longer than 60 seconds or exits non-zero
     */
    public static String run(LocalAws aws, Path script) {
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("seed script " + script.toAbsolutePath() + " not found");
        }
        try {
            File output = File.createTempFile("seed-", ".log");
            try {
                Process process = new ProcessBuilder("python3", "-", "--endpoint", aws.endpoint().toString(),
                        "--region", aws.region().id())
                        .redirectInput(script.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output)
                        .start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(script + " did not finish within " + TIMEOUT.toSeconds() + " s: " + read(output));
                }
                String printed = read(output);
                if (process.exitValue() != 0) {
                    throw new AssertionError(script + " exited with " + process.exitValue() + ": " + printed);
                }
                return printed;
            } finally {
                Files.deleteIfExists(output.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script + " with python3", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private static String read(File output) throws IOException {
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }
}
