package dev.awsmcp.gateway.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.resilience.FaultInjector.Fault;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Figures for docs/resilience.md, not assertions: run with
 * {@code mvn -o -pl gateway -am test -Dtest=ResilienceBench -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@ExtendWith(LocalAwsExtension.class)
class ResilienceBench {

    private static final int ROUNDS = 20;
    private static final int CALLS_PER_ROUND = 5;

    @BeforeAll
    static void emulatorCredentials() {
        FaultInjectionTest.emulatorCredentials();
    }

    @Test
    void repeatedInvestigationWithAndWithoutCache(LocalAws aws) {
        for (boolean cache : new boolean[] {false, true}) {
            FaultInjector counter = new FaultInjector();
            try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                    + FaultInjectionTest.dynamo("ddb", aws.endpoint().toString())
                    + "resilience: { cache: { enabled: " + cache + " } }\n", List.of(counter))) {
                McpToolClient client = new McpToolClient(gateway);
                List<Long> micros = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (int limit = 1; limit <= CALLS_PER_ROUND; limit++) {
                        long start = System.nanoTime();
                        client.call("ddb__list_tables", "{\"limit\":" + limit + "}");
                        micros.add((System.nanoTime() - start) / 1_000);
                    }
                }
                System.out.printf("BENCH cache=%s calls=%d awsRequests=%d p50=%.1fms p99=%.1fms%n", cache, micros.size(),
                        counter.attempts(), percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0);
            }
        }
    }

    @Test
    void throttlingStorm(LocalAws aws) {
        for (double probability : new double[] {0.3, 0.6, 0.9}) {
            FaultInjector faults = new FaultInjector();
            try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                    + FaultInjectionTest.dynamo("ddb", aws.endpoint().toString())
                    + "resilience: { cache: { enabled: false } }\n", List.of(faults))) {
                McpToolClient client = new McpToolClient(gateway);
                faults.injectRandomly(Fault.THROTTLE, probability);
                int completed = 0;
                int errors = 0;
                List<Long> micros = new ArrayList<>();
                int calls = 50;
                for (int i = 0; i < calls; i++) {
                    long start = System.nanoTime();
                    JsonNode result = client.call("ddb__list_tables", "{}");
                    micros.add((System.nanoTime() - start) / 1_000);
                    if (result.path("isError").asBoolean()) {
                        errors++;
                    } else {
                        completed++;
                    }
                }
                System.out.printf("BENCH storm throttled=%.0f%% calls=%d completed=%d errors=%d attemptsPerCall=%.2f p99=%.0fms%n",
                        probability * 100, calls, completed, errors, faults.attempts() / (double) calls, percentile(micros, 99) / 1000.0);
            }
        }
    }

    private static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
