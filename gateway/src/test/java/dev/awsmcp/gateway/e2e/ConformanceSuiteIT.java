package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.HeaderInjectingProxy;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole server side of the official MCP conformance suite ({@code e2e/conformance.sh URL all}) against
 * the real gateway serving the conformance fixture toolset ({@code toolsets/conformance}, bare names), through
 * the header-adding proxy (the suite cannot send an API key). Every scenario must pass except those listed in
 * {@code e2e/conformance-expected-failures.txt}, and every listed one must still fail, so the list stays honest.
 */
class ConformanceSuiteIT {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static final Path EXPECTED = ROOT.resolve("e2e/conformance-expected-failures.txt");
    private static final Pattern RESULT = Pattern.compile("^(PASS|FAIL) ([\\w./-]+): ", Pattern.MULTILINE);

    @Test
    void everyServerScenarioPassesOrIsListedWithAReason() throws Exception {
        Map<String, String> expected = expectedFailures();
        try (RunningGateway gateway = RunningGateway.start("server:\n  host: 127.0.0.1\n"
                + "toolsets:\n  - { id: test, type: conformance, region: us-east-1, bareNames: true }\n");
                HeaderInjectingProxy proxy = HeaderInjectingProxy.start(gateway.url(), "Authorization", "Bearer " + RunningGateway.TEST_KEY)) {
            ExternalCommand.Outcome run = ExternalCommand.run(ROOT, 1200, List.of("bash", "e2e/conformance.sh",
                    proxy.url(gateway.url()).toString(), "all"));
            Set<String> passed = new TreeSet<>();
            Set<String> failed = new TreeSet<>();
            Matcher m = RESULT.matcher(run.stdout());
            while (m.find()) {
                ("PASS".equals(m.group(1)) ? passed : failed).add(m.group(2));
            }
            assertThat(passed.size() + failed.size()).as("scenarios run\n" + run.transcript()).isGreaterThanOrEqualTo(30);
            assertThat(failed).as("failing scenarios not listed in " + EXPECTED + "\n" + run.transcript())
                    .isSubsetOf(expected.keySet());
            assertThat(passed).as("listed in " + EXPECTED + " but now passing: remove them from the list").doesNotContainAnyElementsOf(expected.keySet());
            assertThat(expected.keySet()).as("listed scenarios the suite does not have").isSubsetOf(failed);
        }
    }

    /** Scenario name to reason: one scenario per line, its first word, then the reason; '#' starts a comment. */
    private static Map<String, String> expectedFailures() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            assertThat(parts).as("'" + entry + "' in " + EXPECTED + " needs a reason after the scenario name").hasSize(2);
            expected.put(parts[0], parts[1]);
        }
        return expected;
    }
}
