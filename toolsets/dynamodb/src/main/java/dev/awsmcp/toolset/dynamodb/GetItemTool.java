package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** {@code get_item}: one item by its full primary key. */
final class GetItemTool implements Tool<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    GetItemTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("get_item", "Get a DynamoDB item",
                "Use when the full primary key (partition plus sort key if any) is known. Returns the item, or found=false.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return dynamo.call(sdk -> sdk.getItem(b -> b.tableName(arguments.table())
                        .key(arguments.item("key"))
                        .projectionExpression(arguments.optionalText("projection"))
                        .expressionAttributeNames(arguments.names())
                        .consistentRead(arguments.optionalBoolean("consistent_read"))
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> {
                    ObjectNode result = Json.object();
                    boolean found = response.hasItem() && !response.item().isEmpty();
                    result.put("found", found);
                    result.set("item", found ? AttributeValues.toJson(response.item()) : Json.mapper().nullNode());
                    return ToolResult.success(result);
                });
    }
}
