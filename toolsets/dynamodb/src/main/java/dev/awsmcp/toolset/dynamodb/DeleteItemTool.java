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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@code delete_item} (WRITE): deletes one item by key, optionally only if a condition holds. */
final class DeleteItemTool implements Tool<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    DeleteItemTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("delete_item", "Delete a DynamoDB item (write)",
                "Delete one item by primary key, optionally only if condition holds. Returns the deleted item; "
                        + "existed=false when there was none.",
                Access.WRITE);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return dynamo.call(sdk -> sdk.deleteItem(b -> b.tableName(arguments.table())
                        .key(arguments.item("key"))
                        .conditionExpression(arguments.optionalText("condition"))
                        .expressionAttributeNames(arguments.names())
                        .expressionAttributeValues(arguments.values())
                        .returnValues(ReturnValue.ALL_OLD)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> {
                    boolean existed = response.hasAttributes() && !response.attributes().isEmpty();
                    ObjectNode result = Json.object().put("existed", existed);
                    if (existed) {
                        result.set("old_item", AttributeValues.toJson(response.attributes()));
                    }
                    return ToolResult.success(result);
                });
    }
}
