package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.support.ToolArguments;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * {@code list_tables}: the table names the caller may see (the gateway's visibility filter), at most
 * 200 per call, with a cursor for the rest. Reads at most {@value #MAX_PAGES} pages of AWS per call, so
 * an account with many hidden tables still answers promptly (with a cursor).
 */
final class ListTablesTool implements Tool<Arguments> {

    static final int MAX_TABLES = 200;
    private static final int AWS_PAGE = 100;
    static final int MAX_PAGES = 20;
    private static final String SCOPE = "list_tables";

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    ListTablesTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.spec("list_tables", "List DynamoDB tables",
                "Use to find a table's exact name. Returns up to 200 table names per call.",
                Access.READ, arguments -> List.of());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        Integer requested = arguments.optionalInt("limit");
        int limit = requested == null || requested <= 0 ? MAX_TABLES : Math.min(requested, MAX_TABLES);
        String cursor = arguments.optionalText("cursor");
        String start = cursor == null || cursor.isEmpty() ? null : decode(cursor);
        return page(Json.mapper().createArrayNode(), limit, start, context, 1).thenApply(ToolResult::success);
    }

    private CompletableFuture<ObjectNode> page(ArrayNode names, int limit, String start, CallContext context, int pageNumber) {
        return dynamo.call(sdk -> sdk.listTables(b -> b.limit(Math.min(AWS_PAGE, limit - names.size()))
                        .exclusiveStartTableName(start)
                        .overrideConfiguration(context.awsOverrides())))
                .thenCompose(response -> {
                    response.tableNames().stream()
                            .filter(name -> context.visible(new ResourceRef(DynamoDbResources.TABLE, name)))
                            .forEach(names::add);
                    String last = response.lastEvaluatedTableName();
                    if (last != null && names.size() < limit && pageNumber < MAX_PAGES) {
                        return page(names, limit, last, context, pageNumber + 1);
                    }
                    return CompletableFuture.completedFuture(result(names, last));
                });
    }

    private static ObjectNode result(ArrayNode names, String last) {
        ObjectNode result = Json.object();
        result.set("tables", names);
        result.put("count", names.size());
        result.put("truncated", last != null);
        if (last != null) {
            result.put("next_cursor", PageCursor.encode(SCOPE, TextNode.valueOf(last)));
        }
        return result;
    }

    private static String decode(String cursor) {
        JsonNode position = ToolArguments.decodeCursor(cursor, SCOPE);
        if (!position.isTextual()) {
            throw new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned");
        }
        return position.textValue();
    }
}
