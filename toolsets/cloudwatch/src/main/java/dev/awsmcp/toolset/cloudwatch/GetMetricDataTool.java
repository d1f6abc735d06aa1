package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * {@code get_metric_data}: one metric's statistics (up to five, e.g. Sum and p99) at one period over a
 * window (default the last 3 hours, at most 7 days), as datapoints oldest first, one row per timestamp
 * with a column per statistic. GetMetricData rather than GetMetricStatistics: percentiles, sorted
 * results and partial-data status in one call. Bounded by {@link DatapointBudget} before AWS is called;
 * AWS pages (rare at this size) are followed up to {@value #MAX_PAGES} times.
 */
final class GetMetricDataTool implements Tool<Arguments> {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(3);
    static final Duration MAX_WINDOW = Duration.ofDays(7);
    static final int DEFAULT_PERIOD = 60;
    private static final List<String> DEFAULT_STATISTICS = List.of("Average");
    private static final int MAX_PAGES = 5;

    private final DeferredClient<CloudWatchAsyncClient> cloudWatch;
    private final ToolsetConfig config;
    private final ToolSpec spec;

    GetMetricDataTool(DeferredClient<CloudWatchAsyncClient> cloudWatch, ToolsetConfig config) {
        this.cloudWatch = cloudWatch;
        this.config = config;
        this.spec = ToolSpecs.onNamespace("get_metric_data", "Read a metric",
                "Use to read one metric by namespace, metric_name and exact dimensions (from " + config.exposedName("list_metrics")
                        + " or an alarm). Returns its datapoints oldest first for up to 5 statistics.");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String namespace = arguments.namespace();
        String metricName = arguments.text("metric_name");
        List<Dimension> dimensions = arguments.dimensions(true).stream()
                .map(dimension -> Dimension.builder().name(dimension.name()).value(dimension.value()).build()).toList();
        List<String> statistics = arguments.texts("statistics").isEmpty() ? DEFAULT_STATISTICS
                : List.copyOf(new LinkedHashSet<>(arguments.texts("statistics")));
        Integer requestedPeriod = arguments.optionalInt("period");
        int period = requestedPeriod == null ? DEFAULT_PERIOD : requestedPeriod;
        TimeWindow window = TimeWindow.bounded(arguments.optionalNonEmptyText("start"), arguments.optionalNonEmptyText("end"),
                Instant.now(), DEFAULT_WINDOW, MAX_WINDOW);
        DatapointBudget.forRows(context.limits().maxRows()).check(period, window);
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < statistics.size(); i++) {
            String statistic = statistics.get(i);
            queries.add(MetricDataQuery.builder().id("m" + i).label(statistic).returnData(true)
                    .metricStat(stat -> stat.metric(metric -> metric.namespace(namespace).metricName(metricName).dimensions(dimensions))
                            .period(period).stat(statistic))
                    .build());
        }
        return page(queries, window, null, new ArrayList<>(), context).thenApply(pages -> {
            ObjectNode result = Json.object();
            result.put("namespace", namespace);
            result.put("metric_name", metricName);
            result.set("dimensions", Descriptions.dimensions(dimensions));
            result.set("statistics", Json.mapper().valueToTree(statistics));
            result.put("period", period);
            result.put("start", TimeWindow.format(window.start()));
            result.put("end", TimeWindow.format(window.end()));
            return ToolResult.success(datapoints(result, statistics, pages));
        });
    }

    /** Reads the response pages, following NextToken at most {@value #MAX_PAGES} times. */
    private CompletableFuture<List<GetMetricDataResponse>> page(List<MetricDataQuery> queries, TimeWindow window, String token,
            List<GetMetricDataResponse> pages, CallContext context) {
        return cloudWatch.call(sdk -> sdk.getMetricData(b -> b.metricDataQueries(queries).startTime(window.start()).endTime(window.end())
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token).overrideConfiguration(context.awsOverrides())))
                .thenCompose(response -> {
                    pages.add(response);
                    String next = response.nextToken();
                    return next == null || next.isEmpty() || pages.size() >= MAX_PAGES
                            ? CompletableFuture.completedFuture(pages)
                            : page(queries, window, next, pages, context);
                });
    }

    private ObjectNode datapoints(ObjectNode result, List<String> statistics, List<GetMetricDataResponse> pages) {
        Map<Instant, ObjectNode> rows = new TreeMap<>();
        Set<String> statuses = new LinkedHashSet<>();
        ArrayNode messages = Json.mapper().createArrayNode();
        for (GetMetricDataResponse response : pages) {
            response.messages().forEach(message -> messages.add(message(message)));
            for (MetricDataResult series : response.metricDataResults()) {
                String statistic = statistics.get(Integer.parseInt(series.id().substring(1)));
                statuses.add(series.statusCodeAsString());
                series.messages().forEach(message -> messages.add(message(message)));
                for (int i = 0; i < Math.min(series.timestamps().size(), series.values().size()); i++) {
                    Instant at = series.timestamps().get(i);
                    Double value = series.values().get(i);
                    ObjectNode row = rows.computeIfAbsent(at, time -> Json.object().put("timestamp", TimeWindow.format(time)));
                    if (value != null && Double.isFinite(value)) {
                        row.put(statistic, value);
                    } else {
                        row.putNull(statistic);
                    }
                }
            }
        }
        ArrayNode array = result.putArray("datapoints");
        rows.values().forEach(array::add);
        result.put("count", rows.size());
        statuses.remove(StatusCode.COMPLETE.toString());
        result.put("status", statuses.isEmpty() ? StatusCode.COMPLETE.toString() : String.join(",", statuses));
        String lastToken = pages.get(pages.size() - 1).nextToken();
        result.put("truncated", lastToken != null && !lastToken.isEmpty());
        if (!messages.isEmpty()) {
            result.set("messages", messages);
        }
        if (rows.isEmpty()) {
            result.put("hint", "no datapoints: the metric had no data in this window, or namespace, metric_name and dimensions "
                    + "(all of them, exact names and values) name no metric; check with " + config.exposedName("list_metrics"));
        }
        return result;
    }

    private static ObjectNode message(MessageData message) {
        return Json.object().put("code", message.code()).put("value", message.value());
    }
}
