package dev.awsmcp.toolset.logs;

import static dev.awsmcp.toolset.logs.LogsFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/** Behaviour moto cannot produce, shown against {@link FakeCloudWatchLogs}. */
class FakeClientToolsTest {

    private static final InsightsPoller.Settings FAST_POLLING =
            new InsightsPoller.Settings(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMillis(500));
    private static final String QUERY = "{'log_groups':['/ecs/payments/api'],'query':'filter @message like /ERROR/ | stats count(*) by bin(5m)',"
            + "'start':'-1h','end':'now'}";

    private final FakeCloudWatchLogs fake = new FakeCloudWatchLogs();
    private final InsightsQueries queries = startedEarlier("q-7", "q-8");
    private final LogsToolset toolset = new LogsToolset(DeferredClient.built(fake), new ToolsetConfig("logs", "logs", Region.US_EAST_1, null, null), FAST_POLLING,
            queries);

    /** Queries this toolset instance started in an earlier call, on group /ecs/payments/api. */
    private static InsightsQueries startedEarlier(String... ids) {
        InsightsQueries queries = new InsightsQueries(java.time.Clock.systemUTC());
        for (String id : ids) {
            queries.started(id, java.util.List.of("/ecs/payments/api"));
        }
        return queries;
    }

    private static CallContext deadlineIn(Duration left) {
        return new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(), Instant.now().plus(left),
                ResultLimits.DEFAULT, "c-1");
    }

    private ToolResult call(String tool, String arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, args(arguments)), context).toCompletableFuture().join();
    }

    private JsonNode success(String tool, String arguments, CallContext context) {
        ToolResult result = call(tool, arguments, context);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    private ToolResult.Failure failure(String tool, String arguments) {
        ToolResult result = call(tool, arguments, deadlineIn(Duration.ofSeconds(10)));
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ToolResult.Failure.class);
        return (ToolResult.Failure) result;
    }

    private static GetQueryResultsResponse status(QueryStatus status) {
        return GetQueryResultsResponse.builder().status(status)
                .statistics(QueryStatistics.builder().recordsMatched(0.0).recordsScanned(1200.0).bytesScanned(524288.0).build())
                .build();
    }

    private static List<ResultField> row(String bin, String count) {
        return List.of(field("bin(5m)", bin), field("count(*)", count), field("@ptr", "CmAKJgoi..."));
    }

    private static ResultField field(String name, String value) {
        return ResultField.builder().field(name).value(value).build();
    }

    private static GetQueryResultsResponse complete(int rows) {
        return GetQueryResultsResponse.builder().status(QueryStatus.COMPLETE)
                .results(java.util.stream.IntStream.range(0, rows).mapToObj(i -> row("2024-11-20 14:" + (10 + i * 5) + ":00.000", "4" + i)).toList())
                .statistics(QueryStatistics.builder().recordsMatched(37.0).recordsScanned(5210.0).bytesScanned(1048576.5).build())
                .build();
    }

    @Test
    void runInsightsQueryPollsUntilCompleteAndReturnsRowsAsObjectsWithStatistics() {
        fake.results.add(status(QueryStatus.SCHEDULED));
        fake.results.add(status(QueryStatus.RUNNING));
        fake.results.add(complete(2));

        JsonNode result = success("run_insights_query", QUERY, deadlineIn(Duration.ofSeconds(10)));

        assertThat(fake.resultRequests).hasSize(3);
        assertThat(result.get("status").asText()).isEqualTo("Complete");
        assertThat(result.get("query_id").asText()).isEqualTo("q-1");
        assertThat(result.get("rows")).hasSize(2);
        assertThat(result.at("/rows/0")).isEqualTo(args("{'bin(5m)':'2024-11-20 14:10:00.000','count(*)':'40'}"));
        assertThat(result.at("/statistics/records_matched").asLong()).isEqualTo(37);
        assertThat(result.at("/statistics/records_scanned").asLong()).isEqualTo(5210);
        assertThat(result.at("/statistics/bytes_scanned").asDouble()).isEqualTo(1048576.5);
        assertThat(result.get("truncated").asBoolean()).isFalse();
        var request = fake.startRequests.get(0);
        assertThat(request.logGroupNames()).containsExactly("/ecs/payments/api");
        assertThat(request.hasLogGroupIdentifiers()).isFalse();
        assertThat(request.endTime() - request.startTime()).isBetween(3600L, 3601L);
        assertThat(request.limit()).isEqualTo(100);
    }

    @Test
    void cancelledInsightsQueryStopsPollingAndIsStoppedInAws() throws Exception {
        // moto finishes Insights queries at once, so a running query is faked at the SDK boundary.
        fake.results.add(status(QueryStatus.RUNNING));
        java.util.List<Long> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<dev.awsmcp.toolset.api.CallControl> control = new java.util.concurrent.atomic.AtomicReference<>();
        control.set(dev.awsmcp.toolset.api.CallControl.reportingTo((done, total, message) -> {
            polls.add(done);
            if (done == 2) {
                control.get().cancel();
            }
        }));
        CallContext context = new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
                Instant.now().plus(Duration.ofSeconds(10)), ResultLimits.DEFAULT, "c-1", dev.awsmcp.toolset.api.ResourceFilter.ALL, null,
                control.get());

        var outcome = toolset.call(new ToolCall("run_insights_query", args(QUERY)), context).toCompletableFuture();

        assertThat(catchThrowable(() -> outcome.get(5, java.util.concurrent.TimeUnit.SECONDS)))
                .hasRootCauseInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(fake.stoppedQueries).containsExactly("q-1");
        assertThat(polls).containsExactly(1L, 2L);
        int pollsAtCancel = fake.resultRequests.size();
        Thread.sleep(300);
        assertThat(fake.resultRequests).as("no poll after the cancellation").hasSize(pollsAtCancel);
    }

    @Test
    void runInsightsQueryReturnsTheQueryIdWhenTheDeadlineApproaches() {
        fake.results.add(status(QueryStatus.RUNNING));
        Instant started = Instant.now();

        JsonNode result = success("run_insights_query", QUERY, deadlineIn(Duration.ofMillis(1200)));

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(1200));
        assertThat(fake.resultRequests).isNotEmpty();
        assertThat(result.get("query_id").asText()).isEqualTo("q-1");
        assertThat(result.get("status").asText()).isEqualTo("Running");
        assertThat(result.has("rows")).isFalse();
        assertThat(result.get("hint").asText()).contains("logs__get_insights_results");
        assertThat(result.at("/statistics/records_scanned").asLong()).isEqualTo(1200);
    }

    @Test
    void getInsightsResultsReadsOnceAndCapsRowsAtTheLimit() {
        fake.results.add(complete(5));

        JsonNode result = success("get_insights_results", "{'query_id':'q-7','limit':2}", deadlineIn(Duration.ofSeconds(10)));

        assertThat(fake.resultRequests).singleElement().extracting(r -> r.queryId()).isEqualTo("q-7");
        assertThat(result.get("count").asInt()).isEqualTo(2);
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void getInsightsResultsNamesTheGroupsOfTheQuerySoTheyAreAuthorized() {
        var spec = toolset.tools().stream().filter(t -> t.name().equals("get_insights_results")).findFirst().orElseThrow();
        // Derived, not named by the caller: a refusal must not reveal them.
        assertThat(spec.resources().apply(args("{'query_id':'q-7'}")))
                .containsExactly(dev.awsmcp.toolset.api.ResourceRef.derived("log-group", "/ecs/payments/api"));
        var unknown = failure("get_insights_results", "{'query_id':'q-someone-elses'}");
        assertThat(unknown.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(unknown.message()).contains("was not started through this gateway");
        assertThat(fake.resultRequests).as("never reaches AWS").isEmpty();
    }

    @Test
    void startedQueriesAreRememberedWithTheirGroups() {
        fake.results.add(complete(1));
        success("run_insights_query", "{'log_groups':['/a','/b'],'query':'fields @message','start':'-1h','end':'now'}",
                deadlineIn(Duration.ofSeconds(10)));
        assertThat(queries.logGroups("q-1")).containsExactly("/a", "/b");
    }

    @Test
    void getInsightsResultsOfARunningQueryReturnsItsStatus() {
        fake.results.add(status(QueryStatus.RUNNING));

        JsonNode result = success("get_insights_results", "{'query_id':'q-7'}", deadlineIn(Duration.ofSeconds(10)));

        assertThat(fake.resultRequests).hasSize(1);
        assertThat(result.get("status").asText()).isEqualTo("Running");
        assertThat(result.get("hint").asText()).contains("logs__get_insights_results");
    }

    @Test
    void failedAndTimedOutQueriesAreFailuresNamingTheQuery() {
        fake.results.add(status(QueryStatus.FAILED));
        var failed = failure("get_insights_results", "{'query_id':'q-7'}");
        fake.results.clear();
        fake.results.add(status(QueryStatus.TIMEOUT));
        var timedOut = failure("get_insights_results", "{'query_id':'q-8'}");

        // How the query ended says nothing about the service (it answered): no kind that counts in the circuit breaker.
        assertThat(failed.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failed.message()).contains("q-7 failed").contains("logs__run_insights_query");
        assertThat(timedOut.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(timedOut.message()).contains("q-8 ran longer than CloudWatch Logs allows").contains("narrow the time window");
    }

    @Test
    void malformedQueriesAreQuotedBack() {
        fake.startFailure = MalformedQueryException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("MalformedQueryException").errorMessage("unexpected symbol found | at line 1").build()).build();

        var failure = failure("run_insights_query", QUERY);

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo("CloudWatch Logs Insights rejected the query: \"unexpected symbol found | at line 1\"");
    }

    @Test
    void tooManyConcurrentQueriesIsThrottled() {
        fake.startFailure = LimitExceededException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("LimitExceededException").errorMessage("Account maximum query concurrency limit of [30] reached").build()).build();

        var failure = failure("run_insights_query", QUERY);

        assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(fake.resultRequests).isEmpty();
    }

    @Test
    void insightsQueriesWithoutAWindowAreRefusedBeforeAwsIsCalled() {
        var noEnd = failure("run_insights_query", "{'log_groups':['/ecs/payments/api'],'query':'fields @message','start':'-1h'}");
        var tooWide = failure("run_insights_query", "{'log_groups':['/ecs/payments/api'],'query':'fields @message','start':'-8d','end':'now'}");

        assertThat(noEnd.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(noEnd.message()).contains("needs both start and end").contains("bills by the data it scans");
        assertThat(tooWide.message()).contains("longer than 7 days");
        assertThat(fake.startRequests).isEmpty();
    }

    @Test
    void filterPatternsAndStreamPrefixesReachAwsVerbatimAndStreamsAreInterleaved() {
        // moto matches every event for JSON/metric patterns and ignores logStreamNamePrefix; AWS applies both.
        fake.filterResponses.add(FilterLogEventsResponse.builder().events(
                FilteredLogEvent.builder().logStreamName("api/task-2").timestamp(2_000_000_000_300L).message("{\"level\":\"error\",\"order\":\"ord-31044\"}").build(),
                FilteredLogEvent.builder().logStreamName("api/task-1").timestamp(2_000_000_000_100L).message("{\"level\":\"error\",\"order\":\"ord-31042\"}").build())
                .build());

        JsonNode result = success("filter_log_events", "{'log_group':'/ecs/payments/api','filter_pattern':'{ $.level = \\\"error\\\" }',"
                + "'stream_prefix':'api/'}", deadlineIn(Duration.ofSeconds(10)));

        var request = fake.filterRequests.get(0);
        assertThat(request.filterPattern()).isEqualTo("{ $.level = \"error\" }");
        assertThat(request.logStreamNamePrefix()).isEqualTo("api/");
        assertThat(request.hasLogStreamNames()).isFalse();
        assertThat(result.get("events")).extracting(event -> event.get("stream").asText()).containsExactly("api/task-1", "api/task-2");
    }
}
