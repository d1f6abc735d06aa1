package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
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

    private final LambdaAsyncClient lambda;
    private final EnvironmentValues environment;
    private final ToolSpec spec;

    GetFunctionConfigurationTool(LambdaAsyncClient lambda, EnvironmentValues environment) {
        this.lambda = lambda;
        this.environment = environment;
        this.spec = ToolSpecs.onFunction("get_function_configuration", "Get a Lambda function's configuration",
                "Configuration of a function, version or alias: runtime, handler, memory, timeout, last update "
                        + "status, state and reason, layers, architectures, role, dead-letter target, VPC. Environment "
                        + "variables are listed by name; a value is shown only for names the operator marked as not "
                        + "secret, otherwise it reads \"[REDACTED]\", never the value.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return lambda.getFunctionConfiguration(b -> b.functionName(arguments.function())
                        .qualifier(arguments.qualifier())
                        .overrideConfiguration(context.awsOverrides()))
                .thenApply(response -> ToolResult.success(FunctionConfigurations.detail(response, environment)));
    }
}
