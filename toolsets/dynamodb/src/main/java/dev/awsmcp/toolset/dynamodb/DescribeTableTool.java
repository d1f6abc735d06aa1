package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * {@code describe_table}: keys, indexes, size, status, billing, stream and TTL of one table. The TTL
 * comes from a second request sent in parallel; when it fails (for example a role without
 * {@code dynamodb:DescribeTimeToLive}) the result simply has no {@code ttl}.
 */
final class DescribeTableTool implements Tool<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    DescribeTableTool(DeferredClient<DynamoDbAsyncClient> dynamo, ToolNames names) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("describe_table", "Describe DynamoDB table",
                "Use before " + names.qualified("query") + " to learn the key names. Returns partition/sort keys with types, "
                        + "secondary indexes, item count, size, status, billing mode, stream, TTL.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String table = arguments.table();
        CompletableFuture<TimeToLiveDescription> ttl = dynamo
                .call(sdk -> sdk.describeTimeToLive(b -> b.tableName(table).overrideConfiguration(context.awsOverrides())))
                .handle((response, failure) -> failure == null ? response.timeToLiveDescription() : null);
        return dynamo.call(sdk -> sdk.describeTable(b -> b.tableName(table).overrideConfiguration(context.awsOverrides())))
                .thenCombine(ttl, (described, timeToLive) -> {
                    ObjectNode result = TableDescriptions.toJson(described.table());
                    TableDescriptions.addTimeToLive(result, timeToLive);
                    return ToolResult.success(result);
                });
    }
}
