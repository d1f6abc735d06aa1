package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** {@code scan}: a bounded number of pages of a whole table or index, with cursor paging. */
final class ScanTool implements Tool<Arguments> {

    static final int MAX_PAGES = 5;

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    ScanTool(DeferredClient<DynamoDbAsyncClient> dynamo, ToolNames names) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("scan", "Scan DynamoDB",
                "Use only when the partition key is unknown: it reads every item, slow and costly. Prefer " + names.qualified("query")
                        + " when it is known. Returns items as plain JSON, maybe few plus next_cursor.",
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
        ScanRequest base = ScanRequest.builder()
                .tableName(table)
                .indexName(index)
                .filterExpression(arguments.optionalText("filter"))
                .projectionExpression(arguments.optionalText("projection"))
                .expressionAttributeNames(arguments.names())
                .expressionAttributeValues(arguments.values())
                .consistentRead(arguments.optionalBoolean("consistent_read"))
                .build();
        PageReader reader = new PageReader((limit, start) -> dynamo.call(sdk -> sdk.scan(base.toBuilder()
                        .limit(limit)
                        .exclusiveStartKey(start == null ? null : KeyPositions.decode(start))
                        .overrideConfiguration(context.awsOverrides())
                        .build()))
                .thenApply(response -> new PageReader.Page(response.items(), response.scannedCount(),
                        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? KeyPositions.encode(response.lastEvaluatedKey()) : null)),
                "scan:" + table + ":" + (index == null ? "" : index), MAX_PAGES);
        return reader.read(arguments, context);
    }
}
