package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Creates Lambda toolsets ({@code type: lambda}): function listing and configuration (environment
 * values redacted), event source mappings, versions, aliases, reserved concurrency, and
 * {@code invoke} classed {@link dev.awsmcp.toolset.api.Access#INVOKE}. No type-specific options.
 */
public final class LambdaToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "lambda";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        LambdaAsyncClient lambda = context.buildClient(LambdaAsyncClient.builder(), config);
        try {
            return new LambdaToolset(lambda, config);
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
    }
}
