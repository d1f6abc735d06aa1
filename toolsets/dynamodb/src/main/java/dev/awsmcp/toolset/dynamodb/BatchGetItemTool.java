package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code batch_get_item}: up to 100 items of one table by key. Keys DynamoDB leaves unprocessed
 * (throttling, 16 MB response cap) are retried up to {@value #ATTEMPTS} attempts in all with a short
 * non-blocking backoff; whatever is still unprocessed is returned in {@code unprocessed_keys}.
 */
final class BatchGetItemTool implements Tool<Arguments> {

    static final int MAX_KEYS = 100;
    static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration DEADLINE_RESERVE = Duration.ofSeconds(1);

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    BatchGetItemTool(DeferredClient<DynamoDbAsyncClient> dynamo) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.onTable("batch_get_item", "Get DynamoDB items",
                "Use to read up to 100 items of one table by full primary key. Returns them unordered, missing keys skipped, "
                        + "unserved keys in unprocessed_keys.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String table = arguments.table();
        JsonNode keys = arguments.node().path("keys");
        if (!keys.isArray() || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new ToolArgumentException("keys must be a list of 1 to " + MAX_KEYS + " primary keys");
        }
        List<Map<String, AttributeValue>> converted = new ArrayList<>(keys.size());
        keys.forEach(key -> converted.add(AttributeValues.fromJsonObject(key, "each key")));
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(converted)
                .projectionExpression(arguments.optionalText("projection"))
                .expressionAttributeNames(arguments.names())
                .consistentRead(arguments.optionalBoolean("consistent_read"))
                .build();
        ArrayNode items = Json.mapper().createArrayNode();
        return attempt(table, request, items, 1, context).thenApply(unprocessed -> result(items, unprocessed));
    }

    /** Completes with the keys still unprocessed after this and any later attempt. */
    private CompletableFuture<List<Map<String, AttributeValue>>> attempt(
            String table, KeysAndAttributes request, ArrayNode items, int attempt, CallContext context) {
        return dynamo.call(sdk -> sdk.batchGetItem(b -> b.requestItems(Map.of(table, request))
                        .overrideConfiguration(context.awsOverrides())))
                .thenCompose(response -> {
                    response.responses().getOrDefault(table, List.of()).forEach(item -> items.add(AttributeValues.toJson(item)));
                    List<Map<String, AttributeValue>> left = unprocessed(response, table);
                    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (2 * (attempt - 1)));
                    if (left.isEmpty() || attempt >= ATTEMPTS
                            || context.remaining().compareTo(backoff.plus(DEADLINE_RESERVE)) < 0) {
                        return CompletableFuture.completedFuture(left);
                    }
                    KeysAndAttributes retry = request.toBuilder().keys(left).build();
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(table, retry, items, attempt + 1, context));
                });
    }

    private static List<Map<String, AttributeValue>> unprocessed(BatchGetItemResponse response, String table) {
        KeysAndAttributes left = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
        return left == null || !left.hasKeys() ? List.of() : left.keys();
    }

    private static ToolResult result(ArrayNode items, List<Map<String, AttributeValue>> unprocessed) {
        ObjectNode result = Json.object();
        result.set("items", items);
        result.put("count", items.size());
        if (!unprocessed.isEmpty()) {
            result.set("unprocessed_keys", AttributeValues.toJson(unprocessed));
        }
        return ToolResult.success(result);
    }
}
