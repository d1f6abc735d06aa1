package dev.awsmcp.toolset.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;

/**
 * A narrow fake at the SDK boundary for behaviour moto cannot show: Insights queries that run for a
 * while, report statistics, fail or time out (moto answers Complete at once and evaluates only fields,
 * sort and limit), filter patterns beyond plain terms and stream prefixes (moto matches everything /
 * ignores the prefix), and service errors. Answers queued responses or failures and records requests;
 * the last GetQueryResults answer repeats. Any other operation throws.
 */
final class FakeCloudWatchLogs implements CloudWatchLogsAsyncClient {

    final List<StartQueryRequest> startRequests = new ArrayList<>();
    final List<GetQueryResultsRequest> resultRequests = new ArrayList<>();
    final List<FilterLogEventsRequest> filterRequests = new ArrayList<>();
    final List<String> stoppedQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Deque<GetQueryResultsResponse> results = new ArrayDeque<>();
    final Deque<FilterLogEventsResponse> filterResponses = new ArrayDeque<>();
    Throwable startFailure;

    @Override
    public CompletableFuture<StartQueryResponse> startQuery(StartQueryRequest request) {
        startRequests.add(request);
        if (startFailure != null) {
            return CompletableFuture.failedFuture(startFailure);
        }
        return CompletableFuture.completedFuture(StartQueryResponse.builder().queryId("q-" + startRequests.size()).build());
    }

    @Override
    public CompletableFuture<GetQueryResultsResponse> getQueryResults(GetQueryResultsRequest request) {
        resultRequests.add(request);
        return CompletableFuture.completedFuture(results.size() > 1 ? results.removeFirst() : results.getFirst());
    }

    @Override
    public CompletableFuture<software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse> stopQuery(
            software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest request) {
        stoppedQueries.add(request.queryId());
        return CompletableFuture.completedFuture(software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse.builder()
                .success(true).build());
    }

    @Override
    public CompletableFuture<FilterLogEventsResponse> filterLogEvents(FilterLogEventsRequest request) {
        filterRequests.add(request);
        return CompletableFuture.completedFuture(filterResponses.removeFirst());
    }

    @Override
    public String serviceName() {
        return "logs";
    }

    @Override
    public void close() {
    }
}
