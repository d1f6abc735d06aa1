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

/** {@code put_item} (WRITE): creates or replaces one item, optionally only if a condition holds. */
final class PutItemTool implements Tool<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    PutItemTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("put_item", "Put a DynamoDB item (write)",
                "Create or fully replace one item (plain JSON, must include the primary key). Use condition, e.g. "
                        + "attribute_not_exists(pk), to avoid overwriting. Returns the replaced item, if any.",
                Access.WRITE);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return dynamo.call(sdk -> sdk.putItem(b -> b.tableName(arguments.table())
                        .item(arguments.item("item"))
                        .conditionExpression(arguments.optionalText("condition"))
                        .expressionAttributeNames(arguments.names())
                        .expressionAttributeValues(arguments.values())
                        .returnValues(ReturnValue.ALL_OLD)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> {
                    ObjectNode result = Json.object().put("written", true);
                    boolean replaced = response.hasAttributes() && !response.attributes().isEmpty();
                    result.put("replaced", replaced);
                    if (replaced) {
                        result.set("old_item", AttributeValues.toJson(response.attributes()));
                    }
                    return ToolResult.success(result);
                });
    }
}
