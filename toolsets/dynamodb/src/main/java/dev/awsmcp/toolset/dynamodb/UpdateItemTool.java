package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@code update_item} (WRITE): changes attributes of one item with an update expression. */
final class UpdateItemTool implements Tool<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    UpdateItemTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("update_item", "Update a DynamoDB item (write)",
                "Change attributes of one item by primary key with an update expression (SET, REMOVE, ADD, DELETE); "
                        + "creates the item if missing unless condition forbids it. Returns the item after the update.",
                Access.WRITE);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return dynamo.call(sdk -> sdk.updateItem(b -> b.tableName(arguments.table())
                        .key(arguments.item("key"))
                        .updateExpression(arguments.text("update"))
                        .conditionExpression(arguments.optionalText("condition"))
                        .expressionAttributeNames(arguments.names())
                        .expressionAttributeValues(arguments.values())
                        .returnValues(ReturnValue.ALL_NEW)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> ToolResult.success(Json.object().put("updated", true)
                        .set("item", AttributeValues.toJson(response.attributes()))));
    }
}
