package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.cli.GatewayCommand.CommandFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Seeds a local AWS emulator with the demo incident. The scenario lives in Python scripts, one per
 * service ({@code local-aws/seed-demo-*.py}, listed in {@code local-aws/seed-demo.list}, shipped in the
 * jar), run with boto3, which moto's server install brings along, so the scenario names no toolset.
 */
final class DemoScenario {

    private static final String LIST = "/local-aws/seed-demo.list";
    private static final long TIMEOUT_SECONDS = 120;

    private DemoScenario() {
    }

    /** Runs every seed script against {@code endpoint}; returns their summary lines. */
    static String seed(URI endpoint, String region) {
        StringBuilder summary = new StringBuilder();
        for (String script : scripts()) {
            summary.append(summary.isEmpty() ? "" : "\n").append(run("/local-aws/" + script, endpoint, region));
        }
        return summary.toString();
    }

    private static List<String> scripts() {
        try (InputStream in = DemoScenario.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LIST, e);
        }
    }

    private static String run(String script, URI endpoint, String region) {
        Process process;
        try {
            process = new ProcessBuilder(List.of("python3", "-", "--endpoint", endpoint.toString(), "--region", region))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot run python3 to seed the demo data: " + e.getMessage()
                    + "; install Python 3 with pip install 'moto[server]'", e);
        }
        try (InputStream source = DemoScenario.class.getResourceAsStream(script); OutputStream stdin = process.getOutputStream()) {
            if (source == null) {
                throw new IllegalStateException("seed script " + script + " is missing from the jar");
            }
            source.transferTo(stdin);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new CommandFailedException("cannot send the seed script to python3: " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException(script + " took longer than " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new CommandFailedException(script + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new CommandFailedException("cannot read the seed script's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new CommandFailedException("interrupted while seeding the demo data", e);
        }
    }
}
