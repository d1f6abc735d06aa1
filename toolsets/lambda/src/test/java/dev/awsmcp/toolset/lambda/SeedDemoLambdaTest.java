package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static dev.awsmcp.toolset.lambda.LambdaFixture.json;
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

/** The gateway's demo seed script, run twice (it is idempotent) against the test moto, read back through the tools. */
@ExtendWith(LocalAwsExtension.class)
class SeedDemoLambdaTest {

    private static final Path SCRIPT = Path.of("../../gateway/src/main/resources/local-aws/seed-demo-lambda.py");
    private static final String FAKE_API_KEY = "sk_live_51HxDemoOnlyNotARealKey9f8e7d6c5b4a";

    private static LambdaFixture lambda;
    private static String output;

    @BeforeAll
    static void seed(LocalAws aws) {
        lambda = new LambdaFixture(aws);
        SeedScripts.run(aws, SCRIPT);
        output = SeedScripts.run(aws, SCRIPT);
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void printsOneSummaryLine() throws IOException {
        assertThat(Files.exists(SCRIPT)).isTrue();
        assertThat(output.strip()).isEqualTo("seeded demo lambda: functions=3, versions=2, aliases=1, event_source_mappings=1, "
                + "reserved_concurrency=5");
    }

    @Test
    void seedsTheThreeFunctionsOnce() {
        List<String> names = new ArrayList<>();
        lambda.success("list_functions", args("{}")).get("functions").forEach(f -> names.add(f.get("name").asText()));

        assertThat(names).containsExactlyInAnyOrder("payments-refund-worker", "payments-card-webhook", "inventory-reconciler");
    }

    @Test
    void theRefundWorkerTellsTheIncidentWithoutLeakingItsSecrets() {
        JsonNode config = lambda.success("get_function_configuration", args("{'function':'payments-refund-worker','qualifier':'live'}"));
        JsonNode versions = lambda.success("list_versions_by_function", args("{'function':'payments-refund-worker'}"));
        JsonNode aliases = lambda.success("list_aliases", args("{'function':'payments-refund-worker'}"));
        JsonNode concurrency = lambda.success("get_function_concurrency", args("{'function':'payments-refund-worker'}"));
        JsonNode mappings = lambda.success("list_event_source_mappings", args("{'function':'payments-refund-worker'}"));

        assertThat(config.get("version").asText()).isEqualTo("2");
        assertThat(config.get("environment").has("CARD_PROCESSOR_TIMEOUT_MS")).isTrue();
        assertThat(json(config)).doesNotContain(FAKE_API_KEY).doesNotContain("sk_live");
        assertThat(versions.get("versions")).extracting(v -> v.get("description").asText())
                .contains("payments-api@2024.11.2", "payments-api@2024.11.3");
        assertThat(aliases.at("/aliases/0/name").asText()).isEqualTo("live");
        assertThat(aliases.at("/aliases/0/function_version").asText()).isEqualTo("2");
        assertThat(concurrency.get("reserved_concurrency").asInt()).isEqualTo(5);
        assertThat(mappings.at("/event_source_mappings/0/event_source_arn").asText()).endsWith(":payments-refunds");
        assertThat(json(versions) + json(aliases) + json(mappings)).doesNotContain("sk_live");
    }
}
