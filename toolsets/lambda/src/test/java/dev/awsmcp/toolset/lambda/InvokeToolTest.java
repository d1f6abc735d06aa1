package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static dev.awsmcp.toolset.lambda.LambdaFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * invoke against moto's Docker-less Lambda, which echoes the request payload or answers queued canned
 * results. Moto never sets LogResult or FunctionError and answers 200 for a missing function; those
 * paths are in {@link FakeClientToolsTest}.
 */
@ExtendWith(LocalAwsExtension.class)
class InvokeToolTest {

    private static LambdaFixture lambda;

    @BeforeAll
    static void start(LocalAws aws) {
        lambda = new LambdaFixture(aws);
        lambda.createFunction("echo", Map.of());
        lambda.publishVersion("echo", "v1");
        lambda.admin.createAlias(b -> b.functionName("echo").name("live").functionVersion("1")
                .overrideConfiguration(lambda.overrides())).join();
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void invokeReturnsTheFunctionsJsonResponse() {
        JsonNode result = lambda.success("invoke", args("{'function':'echo','payload':{'order_id':'ord-31042','amount':12.5}}"));

        assertThat(result.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(result.get("status_code").asInt()).isEqualTo(200);
        assertThat(result.get("invocation_type").asText()).isEqualTo("RequestResponse");
        assertThat(result.get("function_error").isNull()).isTrue();
        assertThat(result.get("payload")).isEqualTo(args("{'order_id':'ord-31042','amount':12.5}"));
        assertThat(result.get("payload_truncated").asBoolean()).isFalse();
        // Moto sends no LogResult even with LogType=Tail.
        assertThat(result.get("log_tail").isNull()).isTrue();
    }

    @Test
    void invokeWithoutPayloadSendsAnEmptyObject() {
        JsonNode result = lambda.success("invoke", args("{'function':'echo'}"));

        assertThat(result.get("payload")).isEqualTo(Json.object());
    }

    @Test
    void invokeReturnsCannedResultsAndNonJsonResponsesAsText() {
        lambda.queueResults(List.of("{\"refunded\":0,\"error\":\"card processor timeout\"}", "not json"));

        JsonNode canned = lambda.success("invoke", args("{'function':'echo','qualifier':'live'}"));
        JsonNode text = lambda.success("invoke", args("{'function':'echo:live'}"));

        assertThat(canned.get("payload")).isEqualTo(args("{'refunded':0,'error':'card processor timeout'}"));
        assertThat(canned.get("function").asText()).isEqualTo("echo:live");
        assertThat(text.get("payload").asText()).isEqualTo("not json");
    }

    @Test
    void dryRunChecksWithoutRunning() {
        JsonNode result = lambda.success("invoke", args("{'function':'echo','invocation_type':'DryRun','payload':{'a':1}}"));

        assertThat(result.get("outcome").asText()).isEqualTo("dry_run_passed");
        assertThat(result.get("status_code").asInt()).isEqualTo(204);
        assertThat(result.has("payload")).isFalse();
    }

    @Test
    void invokeRefusesAPayloadAbove256KiBWithoutCallingLambda() {
        ObjectNode arguments = args("{'function':'does-not-exist'}");
        arguments.putObject("payload").put("blob", "x".repeat(InvokeTool.MAX_PAYLOAD_BYTES));

        var failure = lambda.failure("invoke", arguments);

        // A call reaching moto would have echoed: the refusal came first.
        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("invoke accepts at most 262144 bytes");
    }

    @Test
    void invokeCutsALargeResponseToTheCallersByteBudgetWithAMarker() {
        ObjectNode arguments = args("{'function':'echo'}");
        arguments.putObject("payload").put("rows", "\"quoted\" row\n".repeat(2000));
        ResultLimits small = new ResultLimits(100, 1000, 8192);

        JsonNode result = lambda.success("invoke", arguments, small);

        assertThat(result.get("payload_truncated").asBoolean()).isTrue();
        assertThat(result.get("payload_bytes").asInt()).isGreaterThan(26000);
        assertThat(result.get("payload").asText()).startsWith("{\"rows\":").contains("...[truncated by the gateway: payload is ");
        assertThat(json(result).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(8192);
    }
}
