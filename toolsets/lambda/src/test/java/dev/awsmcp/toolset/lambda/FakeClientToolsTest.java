package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Behaviour moto cannot produce, shown against {@link FakeLambda}. */
class FakeClientToolsTest {

    private static final String LOG = "START RequestId: 1f2e Version: 2\n"
            + "[ERROR] PaymentProviderTimeout: card-processor did not answer within 3000 ms\n"
            + "END RequestId: 1f2e\nREPORT RequestId: 1f2e Duration: 3004.12 ms\n";
    private static final String ERROR = "{\"errorMessage\":\"card-processor did not answer within 3000 ms\","
            + "\"errorType\":\"PaymentProviderTimeout\",\"stackTrace\":[\"handler.py line 12\"]}";

    private final FakeLambda fake = new FakeLambda();
    private final LambdaToolset toolset = new LambdaToolset(DeferredClient.built(fake),
            new ToolsetConfig("lambda", "lambda", Region.US_EAST_1, null, null));

    private static CallContext context(ResultLimits limits) {
        return new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
                Instant.now().plusSeconds(30), limits, "c-1");
    }

    private ToolResult call(String tool, ObjectNode arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, arguments), context).toCompletableFuture().join();
    }

    private JsonNode success(String tool, String arguments) {
        ToolResult result = call(tool, args(arguments), context(ResultLimits.DEFAULT));
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    private static InvokeResponse response(String payload, String functionError, String log) {
        return InvokeResponse.builder().statusCode(200).executedVersion("2").functionError(functionError)
                .logResult(log == null ? null : Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)))
                .payload(SdkBytes.fromUtf8String(payload)).build();
    }

    @Test
    void invokeDecodesTheLogTailAndReportsTheExecutedVersion() {
        fake.invokeOutcomes.add(response("{\"refunded\":3}", null, LOG));

        JsonNode result = success("invoke", "{'function':'payments-refund-worker','qualifier':'live','payload':{}}");

        assertThat(result.get("log_tail").asText()).isEqualTo(LOG);
        assertThat(result.get("executed_version").asText()).isEqualTo("2");
        assertThat(result.get("outcome").asText()).isEqualTo("succeeded");
        var request = fake.invokeRequests.get(0);
        assertThat(request.logType()).isEqualTo(LogType.TAIL);
        assertThat(request.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
        assertThat(request.qualifier()).isEqualTo("live");
        assertThat(request.overrideConfiguration().orElseThrow().plugins()).contains(InvokeTool.NO_RETRIES);
        assertThat(request.overrideConfiguration().orElseThrow().credentialsIdentityProvider()).isPresent();
    }

    @Test
    void aFunctionErrorIsAResultCarryingTheErrorPayloadAndLog() {
        fake.invokeOutcomes.add(response(ERROR, "Unhandled", LOG));

        JsonNode result = success("invoke", "{'function':'payments-refund-worker'}");

        assertThat(result.get("outcome").asText()).isEqualTo("function_error");
        assertThat(result.get("function_error").asText()).isEqualTo("Unhandled");
        assertThat(result.get("error_type").asText()).isEqualTo("PaymentProviderTimeout");
        assertThat(result.get("error_message").asText()).contains("3000 ms");
        assertThat(result.at("/payload/stackTrace/0").asText()).isEqualTo("handler.py line 12");
        assertThat(result.get("log_tail").asText()).contains("[ERROR] PaymentProviderTimeout");
    }

    @Test
    void aLongLogTailKeepsItsEndWithinTheBudget() {
        String log = "line\n".repeat(2000) + "REPORT last line\n";
        fake.invokeOutcomes.add(response("{}", null, log));

        ToolResult result = call("invoke", args("{'function':'f'}"), context(new ResultLimits(100, 1000, 4096)));

        String tail = ((ToolResult.Success) result).data().get("log_tail").asText();
        assertThat(tail).startsWith("[truncated by the gateway").endsWith("REPORT last line\n");
        assertThat(tail.length()).isLessThanOrEqualTo(1024);
    }

    @Test
    void dryRunAsksForNoLogTail() {
        fake.invokeOutcomes.add(InvokeResponse.builder().statusCode(204).build());

        JsonNode result = success("invoke", "{'function':'f','invocation_type':'DryRun'}");

        assertThat(fake.invokeRequests.get(0).invocationType()).isEqualTo(InvocationType.DRY_RUN);
        assertThat(fake.invokeRequests.get(0).logType()).isEqualTo(LogType.NONE);
        assertThat(result.get("outcome").asText()).isEqualTo("dry_run_passed");
    }

    @Test
    void invokeOfAMissingFunctionIsNotFound() {
        // Moto answers 200 and echoes; AWS answers 404 ResourceNotFoundException.
        fake.invokeOutcomes.add(ResourceNotFoundException.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ResourceNotFoundException").errorMessage("Function not found: arn:aws:lambda:...:nope").build()).build());

        ToolResult result = call("invoke", args("{'function':'nope','qualifier':'live'}"), context(ResultLimits.DEFAULT));

        assertThat(result).isEqualTo(ToolResult.failure(ToolResult.Kind.NOT_FOUND, "function nope:live not found; call "
                + "lambda__list_functions to see the functions, or lambda__list_aliases and "
                + "lambda__list_versions_by_function for its qualifiers"));
    }

    @Test
    void invokeThrottledByReservedConcurrencyIsThrottledAndNotRetried() {
        fake.invokeOutcomes.add(TooManyRequestsException.builder().statusCode(429).reason("ReservedFunctionConcurrentInvocationLimitExceeded")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage("Rate Exceeded.").build()).build());

        ToolResult result = call("invoke", args("{'function':'payments-refund-worker'}"), context(ResultLimits.DEFAULT));

        assertThat(((ToolResult.Failure) result).kind()).isEqualTo(ToolResult.Kind.THROTTLED);
        assertThat(fake.invokeRequests).hasSize(1);
    }

    @Test
    void listFunctionsFollowsAwsMarkersAndCutsPagesForVisibility() {
        IntStream.range(0, 130).mapToObj(i -> String.format("f-%03d", i)).forEach(fake.functions::add);
        CallContext evensOnly = new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
                Instant.now().plusSeconds(30), ResultLimits.DEFAULT, "c-2",
                ref -> ref.equals(new ResourceRef("function", ref.name())) && Integer.parseInt(ref.name().substring(2)) % 2 == 0);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ObjectNode arguments = args("{'limit':20}");
            if (cursor != null) {
                arguments.put("cursor", cursor);
            }
            JsonNode page = ((ToolResult.Success) call("list_functions", arguments, evensOnly)).data();
            page.get("functions").forEach(f -> seen.add(f.get("name").asText()));
            cursor = page.has("next_cursor") ? page.get("next_cursor").asText() : null;
        } while (cursor != null);

        assertThat(seen).hasSize(65).doesNotHaveDuplicates().allMatch(name -> Integer.parseInt(name.substring(2)) % 2 == 0);
        assertThat(fake.listRequests).allMatch(request -> request.maxItems() <= MarkerPager.AWS_PAGE);
    }

    @Test
    void listFunctionsStopsAfterTwentyRequestsAndHandsBackACursor() {
        IntStream.range(0, 1500).mapToObj(i -> String.format("f-%04d", i)).forEach(fake.functions::add);
        CallContext onlyLast = new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
                Instant.now().plusSeconds(30), ResultLimits.DEFAULT, "c-3", ref -> ref.name().equals("f-1499"));

        JsonNode first = ((ToolResult.Success) call("list_functions", args("{}"), onlyLast)).data();
        JsonNode second = ((ToolResult.Success) call("list_functions",
                args("{'cursor':'" + first.get("next_cursor").asText() + "'}"), onlyLast)).data();

        assertThat(first.get("functions")).isEmpty();
        assertThat(first.get("truncated").asBoolean()).isTrue();
        assertThat(second.at("/functions/0/name").asText()).isEqualTo("f-1499");
        assertThat(second.has("next_cursor")).isFalse();
        assertThat(fake.listRequests).hasSize(MarkerPager.MAX_REQUESTS + 10);
    }
}
