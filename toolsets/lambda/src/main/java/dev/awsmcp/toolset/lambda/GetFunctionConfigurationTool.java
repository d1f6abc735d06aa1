package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * {@code get_function_configuration}: one function's (or version's, or alias's) settings; environment values only for
 * the names the operator lists ({@link EnvironmentValues}).
 */
final class GetFunctionConfigurationTool implements Tool<Arguments> {

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final EnvironmentValues environment;
    private final ToolSpec spec;

    GetFunctionConfigurationTool(DeferredClient<LambdaAsyncClient> lambda, EnvironmentValues environment) {
        this.lambda = lambda;
        this.environment = environment;
        this.spec = ToolSpecs.onFunction("get_function_configuration", "Lambda function configuration",
                "Use to check the setup of a function, version or alias. Returns runtime, handler, memory, timeout, state, layers, "
                        + "role, VPC and environment variables, values \"[REDACTED]\" unless marked as not secret: never the value.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return lambda.call(sdk -> sdk.getFunctionConfiguration(b -> b.functionName(arguments.function())
                        .qualifier(arguments.qualifier())
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> ToolResult.success(FunctionConfigurations.detail(response, environment)));
    }
}
