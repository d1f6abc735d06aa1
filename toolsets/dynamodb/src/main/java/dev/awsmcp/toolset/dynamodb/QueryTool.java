package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@code query}: items of one partition of a table or index, with cursor paging. */
final class QueryTool implements Tool<Arguments> {

    static final int MAX_PAGES = 10;

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    QueryTool(DeferredClient<DynamoDbAsyncClient> dynamo, ToolNames names) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("query", "Query DynamoDB",
                "Use to read the items of one partition key, optionally a sort key range (key names: "
                        + names.qualified("describe_table") + "). Returns items as plain JSON.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String table = arguments.table();
        String index = arguments.optionalText("index");
        QueryRequest base = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(arguments.text("key_condition"))
                .filterExpression(arguments.optionalText("filter"))
                .projectionExpression(arguments.optionalText("projection"))
                .expressionAttributeNames(arguments.names())
                .expressionAttributeValues(arguments.values())
                .scanIndexForward(arguments.optionalBoolean("scan_index_forward"))
                .consistentRead(arguments.optionalBoolean("consistent_read"))
                .build();
        PageReader reader = new PageReader((limit, start) -> dynamo.call(sdk -> sdk.query(base.toBuilder()
                        .limit(limit)
                        .exclusiveStartKey(start == null ? null : KeyPositions.decode(start))
                        .overrideConfiguration(context.awsOverrides())
                        .build()))
                .thenApply(response -> new PageReader.Page(response.items(), response.scannedCount(),
                        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? KeyPositions.encode(response.lastEvaluatedKey()) : null)),
                "query:" + table + ":" + (index == null ? "" : index), MAX_PAGES);
        return reader.read(arguments, context);
    }
}
