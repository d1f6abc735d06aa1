package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** {@code get_function_concurrency}: the function's reserved concurrency, or an explicit "none reserved". */
final class GetFunctionConcurrencyTool implements Tool<Arguments> {

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    GetFunctionConcurrencyTool(DeferredClient<LambdaAsyncClient> lambda) {
        this.lambda = lambda;
        this.spec = ToolSpecs.onFunction("get_function_concurrency", "Lambda reserved concurrency",
                "Use when a function may be throttled. Returns its reserved concurrency (0: throttled entirely), or reserved=false "
                        + "(it shares the account's unreserved pool).",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String function = arguments.function();
        return lambda.call(sdk -> sdk.getFunctionConcurrency(b -> b.functionName(function).overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> {
                    Integer reserved = response.reservedConcurrentExecutions();
                    ObjectNode result = Json.object();
                    result.put("function", function);
                    result.put("reserved", reserved != null);
                    result.put("reserved_concurrency", reserved);
                    result.put("summary", reserved == null ? "none reserved: uses the account's unreserved concurrency"
                            : reserved == 0 ? "reserved concurrency 0: every invocation is throttled"
                            : "at most " + reserved + " concurrent executions; further invocations are throttled");
                    return ToolResult.success(result);
                });
    }
}
