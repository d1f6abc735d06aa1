package dev.awsmcp.toolset.logs;

import static dev.awsmcp.toolset.logs.LogsFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.testkit.SeedScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the gateway's demo seed script for logs ({@code gateway/src/main/resources/local-aws/seed-demo-logs.py})
 * against the test moto, the way {@code mcp-gateway local-aws --seed demo} does, and reads the story back
 * through the tools.
 */
@ExtendWith(LocalAwsExtension.class)
class SeedDemoLogsScriptTest {

    private static final Path SCRIPT = Path.of("../../gateway/src/main/resources/local-aws/seed-demo-logs.py");
    private static LogsFixture logs;
    private static String firstSummary;
    private static String secondSummary;

    @BeforeAll
    static void seed(LocalAws aws) {
        logs = new LogsFixture(aws);
        firstSummary = SeedScripts.run(aws, SCRIPT).strip();
        // Idempotent: a second run replaces the groups instead of failing or doubling the events.
        secondSummary = SeedScripts.run(aws, SCRIPT).strip();
    }

    @AfterAll
    static void stop() {
        logs.close();
    }

    @Test
    void printsOneSummaryLineAndIsIdempotent() {
        assertThat(firstSummary).matches("seeded demo logs: groups=5, streams=\\d+, events=\\d+");
        assertThat(Integer.parseInt(firstSummary.replaceAll(".*events=", ""))).isBetween(200, 900);
        assertThat(secondSummary).isEqualTo(firstSummary);
    }

    @Test
    void createsThePaymentsAndInventoryGroups() {
        JsonNode result = logs.success("describe_log_groups", args("{}"));

        List<String> names = new ArrayList<>();
        result.get("log_groups").forEach(group -> names.add(group.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("/aws/lambda/payments-refund-worker", "/aws/lambda/payments-card-webhook",
                "/ecs/payments/api", "/ecs/inventory/sync", "/aws/lambda/inventory-reconciler");
        JsonNode streams = logs.success("describe_log_streams", args("{'log_group':'/ecs/payments/api'}"));
        assertThat(streams.get("count").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tellsTheDeployAndTimeoutStory() throws IOException {
        JsonNode deploy = logs.success("filter_log_events", args("{'log_group':'/ecs/payments/api','filter_pattern':'timeout_ms','start':'-3h'}"));
        JsonNode errors = logs.success("filter_log_events", args("{'log_group':'/ecs/payments/api','filter_pattern':'PaymentProviderTimeout'}"));

        assertThat(deploy.get("events")).anySatisfy(event -> assertThat(event.get("message").asText())
                .contains("starting payments-api 2024.11.3").contains("card_processor.timeout_ms=3000"));
        assertThat(deploy.get("events")).anySatisfy(event -> assertThat(event.get("message").asText())
                .contains("starting payments-api 2024.11.2").contains("card_processor.timeout_ms=10000"));
        assertThat(errors.get("events")).anySatisfy(event -> assertThat(event.get("message").asText())
                .contains("\u001b[31mERROR\u001b[0m").contains("order=ord-3104").contains("\n\tat com.acme.payments"));
        assertThat(Files.readString(SCRIPT)).contains("ord-");
    }
}
