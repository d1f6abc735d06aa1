package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** {@code list_functions}: the functions the caller may see, at most 200 per call, with a cursor for the rest. */
final class ListFunctionsTool implements Tool<Arguments> {

    static final int MAX_FUNCTIONS = 200;
    private static final String SCOPE = "list_functions";

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    ListFunctionsTool(DeferredClient<LambdaAsyncClient> lambda, ToolsetConfig config) {
        this.lambda = lambda;
        this.spec = ToolSpecs.spec("list_functions", "List Lambda functions",
                "Use to find functions (details: " + config.exposedName("get_function_configuration") + "). Returns name, "
                        + "runtime, memory, timeout and state.",
                Access.READ, arguments -> List.of());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        int limit = arguments.limit(MAX_FUNCTIONS, MAX_FUNCTIONS, context.limits());
        return MarkerPager.<FunctionConfiguration>read(SCOPE, arguments.cursorText(), limit,
                        function -> context.visible(new ResourceRef(LambdaResources.FUNCTION, function.functionName())),
                        (marker, maxItems) -> lambda.call(sdk -> sdk.listFunctions(b -> b.marker(marker).maxItems(maxItems)
                                        .overrideConfiguration(context.awsOverrides())))
                                .thenApply(response -> new MarkerPager.Page<>(response.functions(), response.nextMarker())))
                .thenApply(listing -> {
                    ArrayNode functions = Json.mapper().createArrayNode();
                    listing.entries().forEach(function -> functions.add(FunctionConfigurations.summary(function)));
                    return ToolResult.success(ListResults.of("functions", functions, listing.nextCursor()));
                });
    }
}
