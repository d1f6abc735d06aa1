package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * {@code invoke}: runs a function synchronously (or only checks that it could, with DryRun) and returns
 * its response, the decoded log tail and any function error. Never retried: a retry after a timeout or
 * a 5xx could run the function's side effects twice, so one call is at most one invocation.
 */
final class InvokeTool implements Tool<Arguments> {

    /** The largest request payload, as serialized JSON; AWS allows 6 MB, a model has no business sending that much. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    static final String DRY_RUN = "DryRun";
    static final String REQUEST_RESPONSE = "RequestResponse";

    /** A per-request plugin switching the gateway's retry strategy off for this one request. */
    static final SdkPlugin NO_RETRIES = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    InvokeTool(DeferredClient<LambdaAsyncClient> lambda, ToolsetConfig config) {
        this.lambda = lambda;
        this.spec = ToolSpecs.onFunction("invoke", "Invoke a Lambda function",
                "Run a function synchronously with a JSON payload (at most 256 KiB) and return its response, "
                        + "executed version and decoded log tail. Runs real code with real side effects; never retried. "
                        + "invocation_type DryRun only checks permission and parameters. A function that throws returns "
                        + "outcome=function_error with its error payload. Inspect first with "
                        + config.exposedName("get_function_configuration") + ".",
                Access.INVOKE);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String function = arguments.function();
        boolean dryRun = DRY_RUN.equals(arguments.optionalText("invocation_type"));
        byte[] payload = serialize(arguments.node().get("payload"));
        // One request that may run for minutes: the start is all there is to report. Not aborted on
        // cancellation: the function may already run, and the gateway's answer says so.
        context.control().progress(0, 1L, (dryRun ? "checking " : "invoking ") + arguments.qualifiedFunction());
        return lambda.call(sdk -> sdk.invoke(b -> b.functionName(function)
                        .qualifier(arguments.qualifier())
                        .invocationType(dryRun ? InvocationType.DRY_RUN : InvocationType.REQUEST_RESPONSE)
                        .logType(dryRun ? LogType.NONE : LogType.TAIL)
                        .payload(SdkBytes.fromByteArrayUnsafe(payload))
                        .overrideConfiguration(context.awsOverrides().toBuilder().addPlugin(NO_RETRIES).build())))
                .thenApply(response -> {
                    context.control().progress(1, 1L, "answered");
                    return response;
                })
                .thenApply(response -> ToolResult.success(InvocationResults.toJson(response, arguments.qualifiedFunction(),
                        dryRun ? DRY_RUN : REQUEST_RESPONSE, context.limits().maxResultBytes())));
    }

    private static byte[] serialize(JsonNode payload) {
        if (payload == null || payload.isMissingNode()) {
            return new byte[] {'{', '}'};
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new ToolArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (json.length > MAX_PAYLOAD_BYTES) {
            throw new ToolArgumentException("payload is " + json.length + " bytes of JSON; invoke accepts at most "
                    + MAX_PAYLOAD_BYTES + " bytes: send a smaller event");
        }
        return json;
    }
}
