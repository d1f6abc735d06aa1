package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Reads Logs Insights results: polls GetQueryResults with growing, non-blocking delays until the query
 * ends or the call's deadline comes close, and shapes the answer the same way for both Insights tools:
 * rows as objects (field to value, without {@code @ptr}) with statistics, or the query id and status
 * with a hint to resume while it still runs.
 */
final class InsightsPoller {

    /**
     * @param firstDelay wait before the first poll (AWS never finishes a query instantly)
     * @param maxDelay the longest wait between polls; GetQueryResults allows 5 requests a second per account
     * @param deadlineReserve time left at the deadline for the last answer to travel back
     */
    record Settings(Duration firstDelay, Duration maxDelay, Duration deadlineReserve) {
        static final Settings DEFAULT = new Settings(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(2));

        Settings {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(deadlineReserve, "deadlineReserve");
        }
    }

    private static final String POINTER_FIELD = "@ptr";

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final ToolsetConfig config;
    private final Settings settings;

    InsightsPoller(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config, Settings settings) {
        this.logs = logs;
        this.config = config;
        this.settings = settings;
    }

    /**
     * Polls until the query ends or the deadline approaches, reporting each poll as progress. The query
     * is this call's: when the caller cancels, polling stops and the query is stopped in AWS (StopQuery).
     */
    CompletableFuture<ToolResult> await(String queryId, int limit, CallContext context) {
        context.control().onCancel(() -> logs.call(sdk -> sdk.stopQuery(b -> b.queryId(queryId)
                .overrideConfiguration(context.awsOverrides()))));
        return pollAfter(settings.firstDelay(), queryId, limit, context, 1);
    }

    /** Reads the query's state once. */
    CompletableFuture<ToolResult> once(String queryId, int limit, CallContext context) {
        return fetch(queryId, context).thenApply(response -> shape(queryId, response, limit));
    }

    private CompletableFuture<ToolResult> pollAfter(Duration delay, String queryId, int limit, CallContext context, int poll) {
        if (context.control().cancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("Insights query " + queryId + " cancelled by the caller"));
        }
        if (context.remaining().compareTo(delay.plus(settings.deadlineReserve())) < 0) {
            return CompletableFuture.completedFuture(ToolResult.success(pending(queryId, QueryStatus.SCHEDULED.toString(), null)));
        }
        // A timer, not a sleeping thread: the poll runs when the delay is over.
        Executor timer = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> queryId, timer)
                .thenCompose(id -> fetch(id, context))
                .thenCompose(response -> {
                    context.control().progress(poll, null, "Insights query " + response.statusAsString()
                            + (response.statistics() == null || response.statistics().recordsScanned() == null ? ""
                                    : ", " + response.statistics().recordsScanned().longValue() + " records scanned"));
                    if (!running(response.status())) {
                        return CompletableFuture.completedFuture(shape(queryId, response, limit));
                    }
                    Duration next = delay.multipliedBy(2).compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay.multipliedBy(2);
                    if (context.remaining().compareTo(next.plus(settings.deadlineReserve())) < 0) {
                        return CompletableFuture.completedFuture(ToolResult.success(
                                pending(queryId, response.statusAsString(), response.statistics())));
                    }
                    return pollAfter(next, queryId, limit, context, poll + 1);
                });
    }

    private CompletableFuture<GetQueryResultsResponse> fetch(String queryId, CallContext context) {
        return logs.call(sdk -> sdk.getQueryResults(b -> b.queryId(queryId).overrideConfiguration(context.awsOverrides())));
    }

    private static boolean running(QueryStatus status) {
        return status == null || status == QueryStatus.SCHEDULED || status == QueryStatus.RUNNING
                || status == QueryStatus.UNKNOWN || status == QueryStatus.UNKNOWN_TO_SDK_VERSION;
    }

    private ToolResult shape(String queryId, GetQueryResultsResponse response, int limit) {
        QueryStatus status = response.status();
        if (running(status)) {
            return ToolResult.success(pending(queryId, response.statusAsString(), response.statistics()));
        }
        String run = config.exposedName("run_insights_query");
        // How the query ended, not how CloudWatch Logs answered (it did): never UPSTREAM or TIMEOUT, which would count
        // against the service in the circuit breaker and, for TIMEOUT, be reworded as this call missing its deadline.
        return switch (status) {
            case COMPLETE -> ToolResult.success(complete(queryId, response, limit));
            case FAILED -> ToolResult.failure(Kind.INVALID_ARGUMENT, "Insights query " + queryId + " failed in CloudWatch Logs; "
                    + "check the query syntax and the log groups, then start it again with " + run);
            case CANCELLED -> ToolResult.failure(Kind.CONFLICT, "Insights query " + queryId + " was cancelled; start it again with " + run);
            case TIMEOUT -> ToolResult.failure(Kind.INVALID_ARGUMENT, "Insights query " + queryId + " ran longer than CloudWatch Logs "
                    + "allows a query to run; narrow the time window or query fewer log groups with " + run);
            default -> throw new IllegalStateException("unexpected Insights status " + status);
        };
    }

    private static ObjectNode complete(String queryId, GetQueryResultsResponse response, int limit) {
        ObjectNode result = Json.object();
        result.put("query_id", queryId);
        result.put("status", response.statusAsString());
        ArrayNode rows = result.putArray("rows");
        List<List<ResultField>> results = response.results();
        for (List<ResultField> fields : results.subList(0, Math.min(limit, results.size()))) {
            ObjectNode row = rows.addObject();
            for (ResultField field : fields) {
                if (!POINTER_FIELD.equals(field.field())) {
                    row.put(field.field(), field.value());
                }
            }
        }
        result.put("count", rows.size());
        result.put("truncated", results.size() > limit);
        putStatistics(result, response.statistics());
        return result;
    }

    private ObjectNode pending(String queryId, String status, QueryStatistics statistics) {
        ObjectNode result = Json.object();
        result.put("query_id", queryId);
        result.put("status", status);
        putStatistics(result, statistics);
        result.put("hint", "the query is still running; call " + config.exposedName("get_insights_results")
                + " with this query_id in a few seconds");
        return result;
    }

    private static void putStatistics(ObjectNode result, QueryStatistics statistics) {
        if (statistics == null) {
            return;
        }
        ObjectNode json = result.putObject("statistics");
        putNumber(json, "records_matched", statistics.recordsMatched());
        putNumber(json, "records_scanned", statistics.recordsScanned());
        putNumber(json, "bytes_scanned", statistics.bytesScanned());
    }

    private static void putNumber(ObjectNode json, String field, Double value) {
        if (value == null) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.put(field, value.longValue());
        } else {
            json.put(field, value);
        }
    }
}
