package dev.awsmcp.toolset.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;

/**
 * {@code list_metrics}: the metrics of one namespace (the resource the call touches), optionally by metric
 * name, dimension names or values, and activity in the last three hours. ListMetrics has no page size
 * (AWS answers up to 500 per page); the cursor's offset cuts a page where the limit falls.
 */
final class ListMetricsTool implements Tool<Arguments> {

    private static final String NAME = "list_metrics";

    private final DeferredClient<CloudWatchAsyncClient> cloudWatch;
    private final ToolSpec spec;

    ListMetricsTool(DeferredClient<CloudWatchAsyncClient> cloudWatch, ToolsetConfig config) {
        this.cloudWatch = cloudWatch;
        this.spec = ToolSpecs.onNamespace(NAME, "List CloudWatch metrics",
                "Use to find the exact metric name and dimensions " + config.exposedName("get_metric_data") + " needs, in one "
                        + "namespace (e.g. AWS/Lambda). Returns metrics with their dimensions.");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String namespace = arguments.namespace();
        String metricName = arguments.optionalNonEmptyText("metric_name");
        List<Arguments.Dimension> dimensions = arguments.dimensions(false);
        boolean recent = arguments.flag("recently_active", false);
        List<DimensionFilter> filters = dimensions.stream()
                .map(dimension -> DimensionFilter.builder().name(dimension.name()).value(dimension.value()).build()).toList();
        String scope = Arguments.scope(NAME, namespace, metricName, dimensions, recent);
        TokenPager.Position from = arguments.position(scope);
        return TokenPager.<ObjectNode>read(from, arguments.limit(context.limits()), Integer.MAX_VALUE, metric -> true,
                (token, wanted) -> cloudWatch.call(sdk -> sdk.listMetrics(b -> b.namespace(namespace).metricName(metricName)
                                .dimensions(filters.isEmpty() ? null : filters)
                                .recentlyActive(recent ? RecentlyActive.PT3_H : null)
                                .nextToken(token)
                                .overrideConfiguration(context.awsOverrides())))
                        .thenApply(response -> new TokenPager.Page<>(
                                response.metrics().stream().map(Descriptions::metric).toList(), response.nextToken())),
                context)
                .thenApply(listing -> {
                    ObjectNode result = Json.object().put("namespace", namespace);
                    return ToolResult.success(Descriptions.listing(result, "metrics", listing.entries(), scope,
                            listing.next() == null ? null : listing.next().json()));
                });
    }
}
