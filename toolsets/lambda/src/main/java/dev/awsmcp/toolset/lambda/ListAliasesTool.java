package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;

/** {@code list_aliases}: a function's aliases, the version each points at and any weighted routing. */
final class ListAliasesTool implements Tool<Arguments> {

    static final int DEFAULT_ALIASES = 50;
    static final int MAX_ALIASES = 200;

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    ListAliasesTool(DeferredClient<LambdaAsyncClient> lambda, ToolsetConfig config) {
        this.lambda = lambda;
        this.spec = ToolSpecs.onFunction("list_aliases", "Lambda function aliases",
                "Use to see which version an alias serves. Returns each alias's version and routing_config (canary weights).",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String function = arguments.function();
        int limit = arguments.limit(DEFAULT_ALIASES, MAX_ALIASES, context.limits());
        return MarkerPager.<AliasConfiguration>read("list_aliases:" + function, arguments.cursorText(), limit, alias -> true,
                        (marker, maxItems) -> lambda.call(sdk -> sdk.listAliases(b -> b.functionName(function).marker(marker)
                                        .maxItems(maxItems).overrideConfiguration(context.awsOverrides())))
                                .thenApply(response -> new MarkerPager.Page<>(response.aliases(), response.nextMarker())))
                .thenApply(listing -> {
                    ArrayNode aliases = Json.mapper().createArrayNode();
                    listing.entries().forEach(alias -> aliases.add(toJson(alias)));
                    return ToolResult.success(ListResults.of(function, "aliases", aliases, listing.nextCursor()));
                });
    }

    private static ObjectNode toJson(AliasConfiguration alias) {
        ObjectNode json = Json.object();
        json.put("name", alias.name());
        json.put("function_version", alias.functionVersion());
        json.put("description", alias.description());
        json.put("alias_arn", alias.aliasArn());
        ObjectNode weights = Json.object();
        if (alias.routingConfig() != null && alias.routingConfig().hasAdditionalVersionWeights()) {
            alias.routingConfig().additionalVersionWeights().forEach(weights::put);
        }
        // Always present so "no canary" reads as an explicit empty object, not a missing field.
        json.putObject("routing_config").set("additional_version_weights", weights);
        return json;
    }
}
