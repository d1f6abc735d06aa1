package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.cli.GatewayCommand.CommandFailedException;
import java.io.IOException;
import java.io.InputStream;
import dev.awsmcp.testkit.MotoServerException;
import dev.awsmcp.testkit.SeedScripts;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seeds a local AWS emulator with the demo incident. The scenario lives in Python scripts, one per
 * service ({@code local-aws/seed-demo-*.py}, listed in {@code local-aws/seed-demo.list}, shipped in the
 * jar), run with boto3 through the testkit's {@link SeedScripts}, so the scenario names no toolset.
 */
final class DemoScenario {

    private static final String LIST = "/local-aws/seed-demo.list";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

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
        try (InputStream source = DemoScenario.class.getResourceAsStream(script)) {
            if (source == null) {
                throw new IllegalStateException("seed script " + script + " is missing from the jar");
            }
            return SeedScripts.run(source, script, endpoint, region, TIMEOUT);
        } catch (MotoServerException e) {
            throw new CommandFailedException("seeding the demo data failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + script + " from the jar: " + e.getMessage(), e);
        }
    }
}
