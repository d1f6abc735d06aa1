package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** {@code list_versions_by_function}: $LATEST and the published versions of one function, oldest first. */
final class ListVersionsByFunctionTool implements Tool<Arguments> {

    static final int DEFAULT_VERSIONS = 50;
    static final int MAX_VERSIONS = 200;

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    ListVersionsByFunctionTool(DeferredClient<LambdaAsyncClient> lambda, ToolsetConfig config) {
        this.lambda = lambda;
        this.spec = ToolSpecs.onFunction("list_versions_by_function", "Lambda function versions",
                "Use to see what was deployed when (compare two with " + config.exposedName("get_function_configuration")
                        + " and qualifier). Returns versions oldest first with last modified, code SHA-256, runtime and memory.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String function = arguments.function();
        int limit = arguments.limit(DEFAULT_VERSIONS, MAX_VERSIONS, context.limits());
        return MarkerPager.<FunctionConfiguration>read("list_versions_by_function:" + function, arguments.cursorText(), limit,
                        version -> true,
                        (marker, maxItems) -> lambda.call(sdk -> sdk.listVersionsByFunction(b -> b.functionName(function).marker(marker)
                                        .maxItems(maxItems).overrideConfiguration(context.awsOverrides())))
                                .thenApply(response -> new MarkerPager.Page<>(response.versions(), response.nextMarker())))
                .thenApply(listing -> {
                    ArrayNode versions = Json.mapper().createArrayNode();
                    listing.entries().forEach(version -> versions.add(FunctionConfigurations.version(version)));
                    return ToolResult.success(ListResults.of(function, "versions", versions, listing.nextCursor()));
                });
    }
}
