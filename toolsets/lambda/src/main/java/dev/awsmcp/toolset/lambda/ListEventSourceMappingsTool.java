package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** {@code list_event_source_mappings}: the queues and streams feeding one function. */
final class ListEventSourceMappingsTool implements Tool<Arguments> {

    static final int DEFAULT_MAPPINGS = 50;
    static final int MAX_MAPPINGS = 200;

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final ToolSpec spec;

    ListEventSourceMappingsTool(DeferredClient<LambdaAsyncClient> lambda) {
        this.lambda = lambda;
        this.spec = ToolSpecs.onFunction("list_event_source_mappings", "Lambda event sources",
                "Use to see what invokes a function (SQS, Kinesis, DynamoDB streams, Kafka). Returns each mapping's source ARN, "
                        + "state and why, batch size and last result.",
                Access.READ);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String function = arguments.function();
        int limit = arguments.limit(DEFAULT_MAPPINGS, MAX_MAPPINGS, context.limits());
        return MarkerPager.<EventSourceMappingConfiguration>read("list_event_source_mappings:" + function,
                        arguments.cursorText(), limit, mapping -> true,
                        (marker, maxItems) -> lambda.call(sdk -> sdk.listEventSourceMappings(b -> b.functionName(function).marker(marker)
                                        .maxItems(maxItems).overrideConfiguration(context.awsOverrides())))
                                .thenApply(response -> new MarkerPager.Page<>(response.eventSourceMappings(), response.nextMarker())))
                .thenApply(listing -> {
                    ArrayNode mappings = Json.mapper().createArrayNode();
                    listing.entries().forEach(mapping -> mappings.add(toJson(mapping)));
                    return ToolResult.success(ListResults.of(function, "event_source_mappings", mappings, listing.nextCursor()));
                });
    }

    private static ObjectNode toJson(EventSourceMappingConfiguration mapping) {
        ObjectNode json = Json.object();
        json.put("uuid", mapping.uuid());
        json.put("event_source_arn", mapping.eventSourceArn());
        json.put("function_arn", mapping.functionArn());
        json.put("state", mapping.state());
        json.put("state_transition_reason", mapping.stateTransitionReason());
        json.put("batch_size", mapping.batchSize());
        json.put("maximum_batching_window_s", mapping.maximumBatchingWindowInSeconds());
        json.put("last_processing_result", mapping.lastProcessingResult());
        json.put("last_modified", mapping.lastModified() == null ? null : mapping.lastModified().toString());
        return json;
    }
}
