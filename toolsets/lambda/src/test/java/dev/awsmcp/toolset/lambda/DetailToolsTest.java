package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Versions, aliases, concurrency and event source mappings of one function, against moto. */
@ExtendWith(LocalAwsExtension.class)
class DetailToolsTest {

    private static LambdaFixture lambda;
    private static String queueArn;

    @BeforeAll
    static void start(LocalAws aws) {
        lambda = new LambdaFixture(aws);
        lambda.createFunction("worker", Map.of("TIMEOUT_MS", "10000"));
        lambda.publishVersion("worker", "payments-api@2024.11.2");
        lambda.updateEnvironment("worker", Map.of("TIMEOUT_MS", "3000"));
        lambda.publishVersion("worker", "payments-api@2024.11.3");
        lambda.admin.createAlias(b -> b.functionName("worker").name("live").functionVersion("2")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("1", 0.1)))
                .overrideConfiguration(lambda.overrides())).join();
        lambda.admin.createAlias(b -> b.functionName("worker").name("previous").functionVersion("1")
                .overrideConfiguration(lambda.overrides())).join();
        lambda.admin.putFunctionConcurrency(b -> b.functionName("worker").reservedConcurrentExecutions(5)
                .overrideConfiguration(lambda.overrides())).join();
        queueArn = lambda.createQueue("payments-refunds");
        lambda.admin.createEventSourceMapping(b -> b.functionName("worker").eventSourceArn(queueArn).batchSize(10)
                .overrideConfiguration(lambda.overrides())).join();
        lambda.createFunction("idle", Map.of());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void listVersionsShowsLatestAndPublishedVersionsWithoutEnvironment() {
        JsonNode result = lambda.success("list_versions_by_function", args("{'function':'worker'}"));

        assertThat(result.get("function").asText()).isEqualTo("worker");
        assertThat(result.get("versions")).extracting(v -> v.get("version").asText()).containsExactly("$LATEST", "1", "2");
        assertThat(result.at("/versions/1/description").asText()).isEqualTo("payments-api@2024.11.2");
        assertThat(result.at("/versions/2/code_sha256").asText()).isNotBlank();
        assertThat(result.at("/versions/2").has("environment")).isFalse();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void listVersionsPagesWithLimitAndCursor() {
        JsonNode first = lambda.success("list_versions_by_function", args("{'function':'worker','limit':2}"));
        JsonNode rest = lambda.success("list_versions_by_function",
                args("{'function':'worker','limit':2,'cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(first.get("versions")).extracting(v -> v.get("version").asText()).containsExactly("$LATEST", "1");
        assertThat(rest.get("versions")).extracting(v -> v.get("version").asText()).containsExactly("2");
        assertThat(rest.has("next_cursor")).isFalse();
    }

    @Test
    void aCursorOfOneFunctionIsRefusedForAnother() {
        String cursor = lambda.success("list_versions_by_function", args("{'function':'worker','limit':1}")).get("next_cursor").asText();

        var failure = lambda.failure("list_versions_by_function", args("{'function':'idle','cursor':'" + cursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void listAliasesShowsTargetVersionAndRoutingWeights() {
        JsonNode result = lambda.success("list_aliases", args("{'function':'worker'}"));

        List<String> names = new ArrayList<>();
        result.get("aliases").forEach(alias -> names.add(alias.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("live", "previous");
        JsonNode live = result.get("aliases").get(names.indexOf("live"));
        assertThat(live.get("function_version").asText()).isEqualTo("2");
        assertThat(live.at("/routing_config/additional_version_weights/1").asDouble()).isEqualTo(0.1);
        JsonNode previous = result.get("aliases").get(names.indexOf("previous"));
        assertThat(previous.at("/routing_config/additional_version_weights")).isEmpty();
    }

    @Test
    void listAliasesOfAFunctionWithoutAliasesIsEmpty() {
        JsonNode result = lambda.success("list_aliases", args("{'function':'idle'}"));

        assertThat(result.get("aliases")).isEmpty();
        assertThat(result.get("count").asInt()).isZero();
    }

    @Test
    void getFunctionConcurrencyReportsReservedConcurrency() {
        JsonNode result = lambda.success("get_function_concurrency", args("{'function':'worker'}"));

        assertThat(result.get("reserved").asBoolean()).isTrue();
        assertThat(result.get("reserved_concurrency").asInt()).isEqualTo(5);
    }

    @Test
    void getFunctionConcurrencySaysNoneReservedClearly() {
        JsonNode result = lambda.success("get_function_concurrency", args("{'function':'idle'}"));

        assertThat(result.get("reserved").asBoolean()).isFalse();
        assertThat(result.get("reserved_concurrency").isNull()).isTrue();
        assertThat(result.get("summary").asText()).startsWith("none reserved");
    }

    @Test
    void getFunctionConcurrencyOfAMissingFunctionIsNotFound() {
        var failure = lambda.failure("get_function_concurrency", args("{'function':'nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).contains("function nope not found").contains("lambda__list_functions");
    }

    @Test
    void listEventSourceMappingsShowsTheQueueFeedingTheFunction() {
        JsonNode result = lambda.success("list_event_source_mappings", args("{'function':'worker'}"));

        assertThat(result.get("count").asInt()).isEqualTo(1);
        JsonNode mapping = result.at("/event_source_mappings/0");
        assertThat(mapping.get("event_source_arn").asText()).isEqualTo(queueArn);
        assertThat(mapping.get("state").asText()).isEqualTo("Enabled");
        assertThat(mapping.get("batch_size").asInt()).isEqualTo(10);
        assertThat(mapping.has("last_processing_result")).isTrue();
        assertThat(mapping.get("uuid").asText()).isNotBlank();
    }

    @Test
    void listEventSourceMappingsOfAFunctionWithoutSourcesIsEmpty() {
        JsonNode result = lambda.success("list_event_source_mappings", args("{'function':'idle'}"));

        assertThat(result.get("event_source_mappings")).isEmpty();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }
}
