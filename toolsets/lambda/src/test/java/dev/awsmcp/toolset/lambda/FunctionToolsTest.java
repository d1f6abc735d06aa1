package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static dev.awsmcp.toolset.lambda.LambdaFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** list_functions and get_function_configuration against moto. */
@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunctionToolsTest {

    static final String SECRET = "sk_live_51HxTestOnlyNotARealKey";

    private static LambdaFixture lambda;

    @BeforeAll
    static void start(LocalAws aws) {
        lambda = new LambdaFixture(aws);
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("functions").forEach(function -> names.add(function.get("name").asText()));
        return names;
    }

    @Test
    @Order(1)
    void listFunctionsOnAnEmptyAccountReturnsNoneAndIsNotTruncated() {
        JsonNode result = lambda.success("list_functions", args("{}"));

        assertThat(result.get("functions")).isEmpty();
        assertThat(result.get("count").asInt()).isZero();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    @Order(2)
    void listFunctionsCapsAt200AndTheCursorReturnsTheRest() {
        lambda.createFunctions(IntStream.range(0, 205).mapToObj(i -> String.format("fn-%03d", i)).toList());

        JsonNode first = lambda.success("list_functions", args("{}"));
        assertThat(first.get("count").asInt()).isEqualTo(200);
        assertThat(first.get("truncated").asBoolean()).isTrue();

        JsonNode rest = lambda.success("list_functions", args("{'cursor':'" + first.get("next_cursor").asText() + "'}"));
        assertThat(rest.get("count").asInt()).isEqualTo(5);
        assertThat(rest.has("next_cursor")).isFalse();

        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(rest));
        assertThat(all).hasSize(205).doesNotHaveDuplicates().contains("fn-000", "fn-204");
    }

    @Test
    @Order(3)
    void listFunctionsEntriesCarryTheSummaryFields() {
        JsonNode entry = lambda.success("list_functions", args("{'limit':1}")).at("/functions/0");

        assertThat(entry.get("runtime").asText()).isEqualTo("python3.12");
        assertThat(entry.get("memory_mb").asInt()).isEqualTo(256);
        assertThat(entry.get("timeout_s").asInt()).isEqualTo(30);
        assertThat(entry.get("last_modified").asText()).isNotBlank();
        assertThat(entry.has("state")).isTrue();
    }

    @Test
    @Order(4)
    void listFunctionsWithASmallLimitWalksEveryFunctionOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            JsonNode page = lambda.success("list_functions",
                    args(cursor == null ? "{'limit':60}" : "{'limit':60,'cursor':'" + cursor + "'}"));
            seen.addAll(names(page));
            cursor = page.has("next_cursor") ? page.get("next_cursor").asText() : null;
            calls++;
        } while (cursor != null);

        assertThat(calls).isEqualTo(4);
        assertThat(seen).hasSize(205).doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void listFunctionsLeavesOutFunctionsTheCallerMayNotSee() {
        CallContext onlyTens = new CallContext(LocalAws.TEST_CALLER, LocalAws.TEST_CREDENTIALS, Instant.now().plusSeconds(30),
                ResultLimits.DEFAULT, "c-visibility",
                ref -> ref.kind().equals(LambdaResources.FUNCTION) && ref.name().matches("fn-\\d\\d0"));

        JsonNode first = lambda.success("list_functions", args("{'limit':15}"), onlyTens);
        JsonNode rest = lambda.success("list_functions", args("{'limit':15,'cursor':'" + first.get("next_cursor").asText() + "'}"),
                onlyTens);

        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(rest));
        assertThat(names(first)).hasSize(15);
        assertThat(rest.has("next_cursor")).isFalse();
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(0, 20).mapToObj(i -> String.format("fn-%03d", i * 10)).toList());
    }

    @Test
    void listFunctionsRefusesAMalformedCursorOrOneOfAnotherTool() {
        assertThat(lambda.failure("list_functions", args("{'cursor':'not-a-cursor'}")).message())
                .isEqualTo("cursor is not valid; pass next_cursor exactly as returned by the previous call");

        String aliasCursor = PageCursor.encode("list_aliases:fn-001", args("{'m':null,'o':0}"));
        var failure = lambda.failure("list_functions", args("{'cursor':'" + aliasCursor + "'}"));
        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");

        String forged = PageCursor.encode("list_functions", args("{'m':7,'o':-1}"));
        assertThat(lambda.failure("list_functions", args("{'cursor':'" + forged + "'}")).kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void getFunctionConfigurationRedactsEveryEnvironmentValue() {
        lambda.createFunction("payments-refund-worker", Map.of("CARD_PROCESSOR_API_KEY", SECRET,
                "CARD_PROCESSOR_TIMEOUT_MS", "3000", "ORDERS_TABLE", "payments-orders"));

        JsonNode config = lambda.success("get_function_configuration", args("{'function':'payments-refund-worker'}"));

        assertThat(config.get("name").asText()).isEqualTo("payments-refund-worker");
        assertThat(config.get("runtime").asText()).isEqualTo("python3.12");
        assertThat(config.get("handler").asText()).isEqualTo("handler.handler");
        assertThat(config.get("memory_mb").asInt()).isEqualTo(256);
        assertThat(config.get("timeout_s").asInt()).isEqualTo(30);
        assertThat(config.get("role").asText()).isEqualTo(LambdaFixture.ROLE);
        assertThat(config.get("version").asText()).isEqualTo("$LATEST");
        assertThat(config.get("state").asText()).isEqualTo("Active");
        assertThat(config.get("architectures")).extracting(JsonNode::asText).containsExactly("x86_64");
        assertThat(config.get("layers")).isEmpty();
        assertThat(config.get("environment")).isEqualTo(args(
                "{'CARD_PROCESSOR_API_KEY':'[REDACTED]','CARD_PROCESSOR_TIMEOUT_MS':'[REDACTED]','ORDERS_TABLE':'[REDACTED]'}"));
        assertThat(json(config)).doesNotContain(SECRET).doesNotContain("payments-orders");
    }

    @Test
    void getFunctionConfigurationShowsTheValuesOfListedNamesUnlessTheyLookLikeSecrets() {
        lambda.createFunction("payments-card-webhook", Map.of("CARD_PROCESSOR_API_KEY", SECRET, "CARD_PROCESSOR_TIMEOUT_MS", "3000",
                "ORDERS_TABLE", "payments-orders", "LEAKY_TABLE", "whsec_DemoOnlyNotARealSecret0123456789"));
        try (LambdaFixture allowing = new LambdaFixture(lambda.aws(),
                args("{'showEnvironment':['CARD_PROCESSOR_TIMEOUT_MS','*_TABLE']}"))) {
            JsonNode environment = allowing.success("get_function_configuration", args("{'function':'payments-card-webhook'}"))
                    .get("environment");

            assertThat(environment.get("CARD_PROCESSOR_TIMEOUT_MS").asText()).isEqualTo("3000");
            assertThat(environment.get("ORDERS_TABLE").asText()).isEqualTo("payments-orders");
            assertThat(environment.get("CARD_PROCESSOR_API_KEY").asText()).isEqualTo("[REDACTED]");
            assertThat(environment.get("LEAKY_TABLE").asText()).startsWith("[REDACTED: listed in showEnvironment but looks like a secret");
            assertThat(json(environment)).doesNotContain(SECRET).doesNotContain("whsec_");
        }
    }

    @Test
    void getFunctionConfigurationReadsVersionsAndAliasesInBothQualifierForms() {
        lambda.createFunction("versioned", Map.of("TIMEOUT_MS", "10000"));
        String first = lambda.publishVersion("versioned", "release 1");
        lambda.updateEnvironment("versioned", Map.of("TIMEOUT_MS", "3000", "API_KEY", SECRET));
        String second = lambda.publishVersion("versioned", "release 2");
        lambda.admin.createAlias(b -> b.functionName("versioned").name("live").functionVersion(second)
                .overrideConfiguration(lambda.overrides())).join();

        JsonNode byArgument = lambda.success("get_function_configuration", args("{'function':'versioned','qualifier':'" + first + "'}"));
        JsonNode byName = lambda.success("get_function_configuration", args("{'function':'versioned:" + first + "'}"));
        JsonNode alias = lambda.success("get_function_configuration", args("{'function':'versioned','qualifier':'live'}"));

        assertThat(byArgument.get("version").asText()).isEqualTo(first);
        assertThat(byArgument.get("description").asText()).isEqualTo("release 1");
        assertThat(byArgument.get("environment").fieldNames()).toIterable().containsExactly("TIMEOUT_MS");
        assertThat(byName).isEqualTo(byArgument);
        assertThat(alias.get("version").asText()).isEqualTo(second);
        assertThat(alias.get("environment").fieldNames()).toIterable().containsExactly("API_KEY", "TIMEOUT_MS");
        assertThat(json(alias)).doesNotContain(SECRET);
    }

    @Test
    void getFunctionConfigurationOfAMissingFunctionSaysHowToFindFunctions() {
        var failure = lambda.failure("get_function_configuration", args("{'function':'nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("function nope not found; call lambda__list_functions to see the functions");
    }

    @Test
    void getFunctionConfigurationOfAMissingQualifierPointsAtVersionsAndAliases() {
        lambda.createFunction("unpublished", Map.of());

        var failure = lambda.failure("get_function_configuration", args("{'function':'unpublished','qualifier':'9'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).startsWith("function unpublished:9 not found")
                .contains("lambda__list_aliases").contains("lambda__list_versions_by_function");
    }

    @Test
    void checkIsHealthyAgainstLocalAws() {
        Health health = lambda.toolset().check(lambda.aws().callContext()).toCompletableFuture().join();

        assertThat(health).isEqualTo(Health.up());
    }
}
