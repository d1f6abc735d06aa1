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
 * Seeds a local AWS emulator with the demo incident. The scenario lives in one Python script
 * ({@code local-aws/seed-demo.py}, shipped in the jar) run with boto3, which moto's server install
 * brings along, so the scenario names no toolset and can grow with every service the demo covers.
 */
final class DemoScenario {

    private static final String SCRIPT = "/local-aws/seed-demo.py";
    private static final long TIMEOUT_SECONDS = 120;

    private DemoScenario() {
    }

    /** Runs the seed script against {@code endpoint}; returns its one-line summary. */
    static String seed(URI endpoint, String region) {
        Process process;
        try {
            process = new ProcessBuilder(List.of("python3", "-", "--endpoint", endpoint.toString(), "--region", region))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot run python3 to seed the demo data: " + e.getMessage()
                    + "; install Python 3 with pip install 'moto[server]'", e);
        }
        try (InputStream script = DemoScenario.class.getResourceAsStream(SCRIPT); OutputStream stdin = process.getOutputStream()) {
            if (script == null) {
                throw new IllegalStateException("seed script " + SCRIPT + " is missing from the jar");
            }
            script.transferTo(stdin);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new CommandFailedException("cannot send the seed script to python3: " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException("seeding the demo data took longer than " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new CommandFailedException("seeding the demo data failed (exit " + process.exitValue() + "):\n" + output);
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
