package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Creates Lambda toolsets ({@code type: lambda}): function listing and configuration (environment
 * values only for the names of option {@code showEnvironment}, and never when they look like secrets),
 * event source mappings, versions, aliases, reserved concurrency, and {@code invoke} classed
 * {@link dev.awsmcp.toolset.api.Access#INVOKE}.
 */
public final class LambdaToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "lambda";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public java.util.Set<String> optionKeys() {
        return java.util.Set.of(EnvironmentValues.OPTION);
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        DeferredClient<LambdaAsyncClient> lambda = context.deferredClient(LambdaAsyncClient.builder(), config);
        try {
            return new LambdaToolset(lambda, config);
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
    }
}
