package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Behaviour moto 5.2.6 cannot produce, shown against {@link FakeCloudWatch}: moto implements no
 * DescribeAlarmHistory and no PutCompositeAlarm, ignores MaxRecords (answering every alarm at once) and
 * never pages GetMetricData or reports partial data.
 */
class FakeClientToolsTest {

    private static final Instant T0 = Instant.parse("2024-11-20T14:05:00Z");
    private static final String STATE_DATA = "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"OK\"},\"newState\":{\"stateValue\":\"ALARM\","
            + "\"stateReason\":\"Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (5.0).\"}}";

    private final FakeCloudWatch fake = new FakeCloudWatch();
    private final CloudWatchToolset toolset = new CloudWatchToolset(DeferredClient.built(fake), new ToolsetConfig("cw", "cloudwatch", Region.US_EAST_1, null, null));

    private static CallContext context() {
        return new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(), Instant.now().plus(Duration.ofSeconds(10)),
                ResultLimits.DEFAULT, "c-1");
    }

    private ToolResult call(String tool, String arguments) {
        return toolset.call(new ToolCall(tool, args(arguments)), context()).toCompletableFuture().join();
    }

    private JsonNode success(String tool, String arguments) {
        ToolResult result = call(tool, arguments);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    private ToolResult.Failure failure(String tool, String arguments) {
        ToolResult result = call(tool, arguments);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ToolResult.Failure.class);
        return (ToolResult.Failure) result;
    }

    private static AlarmHistoryItem item(Instant at, HistoryItemType type, String summary, String data) {
        return AlarmHistoryItem.builder().alarmName("payments-api-5xx").alarmType(AlarmType.METRIC_ALARM).timestamp(at)
                .historyItemType(type).historySummary(summary).historyData(data).build();
    }

    @Test
    void alarmHistoryAsksForTheAlarmNewestFirstInTheWindowAndReadsHistoryDataAsJson() {
        fake.history.add(DescribeAlarmHistoryResponse.builder().alarmHistoryItems(
                item(T0.plusSeconds(120), HistoryItemType.STATE_UPDATE, "Alarm updated from OK to ALARM", STATE_DATA),
                item(T0, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"payments-api-5xx\" updated", "not json")).build());

        JsonNode result = success("describe_alarm_history", "{'alarm':'arn:aws:cloudwatch:us-east-1:123456789012:alarm:payments-api-5xx',"
                + "'history_type':'StateUpdate','start':'2024-11-20T13:00:00Z','end':'2024-11-20T15:00:00Z'}");

        var request = fake.historyRequests.get(0);
        assertThat(request.alarmName()).as("the ARN, authorized by the gateway, reduced to the name AWS expects").isEqualTo("payments-api-5xx");
        assertThat(request.alarmTypes()).containsExactly(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM);
        assertThat(request.historyItemType()).isEqualTo(HistoryItemType.STATE_UPDATE);
        assertThat(request.startDate()).isEqualTo(Instant.parse("2024-11-20T13:00:00Z"));
        assertThat(request.endDate()).isEqualTo(Instant.parse("2024-11-20T15:00:00Z"));
        assertThat(request.scanBy()).isEqualTo(ScanBy.TIMESTAMP_DESCENDING);
        assertThat(request.maxRecords()).isEqualTo(100);
        assertThat(result.get("order").asText()).isEqualTo("newest_first");
        assertThat(result.at("/items/0/timestamp").asText()).isEqualTo("2024-11-20T14:07:00.000Z");
        assertThat(result.at("/items/0/type").asText()).isEqualTo("StateUpdate");
        assertThat(result.at("/items/0/data/newState/stateReason").asText()).startsWith("Threshold Crossed");
        assertThat(result.at("/items/1/data").asText()).isEqualTo("not json");
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void alarmHistoryPagesWithMaxRecordsAndTheCursorKeepsTheResolvedWindow() {
        fake.history.add(DescribeAlarmHistoryResponse.builder().alarmHistoryItems(
                item(T0.plusSeconds(60), HistoryItemType.STATE_UPDATE, "OK to ALARM", STATE_DATA),
                item(T0, HistoryItemType.STATE_UPDATE, "ALARM to OK", STATE_DATA)).nextToken("page-2").build());
        fake.history.add(DescribeAlarmHistoryResponse.builder().alarmHistoryItems(
                item(T0.minusSeconds(60), HistoryItemType.STATE_UPDATE, "OK to ALARM", STATE_DATA)).build());

        JsonNode first = success("describe_alarm_history", "{'alarm':'payments-api-5xx','start':'-6h','limit':2}");
        JsonNode rest = success("describe_alarm_history", "{'alarm':'payments-api-5xx','start':'-6h','limit':2,'cursor':'"
                + first.get("next_cursor").asText() + "'}");

        assertThat(fake.historyRequests.get(0).maxRecords()).isEqualTo(2);
        assertThat(fake.historyRequests.get(1).nextToken()).isEqualTo("page-2");
        assertThat(fake.historyRequests.get(1).startDate()).as("the same window, not one resolved again").isEqualTo(fake.historyRequests.get(0).startDate());
        assertThat(fake.historyRequests.get(1).endDate()).isEqualTo(fake.historyRequests.get(0).endDate());
        assertThat(Duration.between(fake.historyRequests.get(0).startDate(), fake.historyRequests.get(0).endDate())).isEqualTo(Duration.ofHours(6));
        assertThat(first.get("count").asInt()).isEqualTo(2);
        assertThat(first.get("truncated").asBoolean()).isTrue();
        assertThat(rest.get("count").asInt()).isEqualTo(1);
        assertThat(rest.get("start").asText()).isEqualTo(first.get("start").asText());
        assertThat(rest.has("next_cursor")).isFalse();
    }

    @Test
    void anEmptyHistorySaysToWidenTheWindowOrCheckTheName() {
        fake.history.add(DescribeAlarmHistoryResponse.builder().build());

        JsonNode result = success("describe_alarm_history", "{'alarm':'payments-api-typo'}");

        assertThat(result.get("items")).isEmpty();
        assertThat(Duration.between(fake.historyRequests.get(0).startDate(), fake.historyRequests.get(0).endDate())).isEqualTo(Duration.ofDays(1));
        assertThat(result.get("hint").asText()).contains("14 days").contains("cw__describe_alarms");
    }

    @Test
    void alarmHistoryRefusesAWindowOverFourteenDays() {
        var failure = failure("describe_alarm_history", "{'alarm':'payments-api-5xx','start':'-15d'}");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).endsWith("is longer than 14 days; narrow start and end");
        assertThat(fake.historyRequests).isEmpty();
    }

    @Test
    void describeAlarmsSendsEveryFilterAsksForBothTypesAndPagesByMaxRecords() {
        MetricAlarm firing = MetricAlarm.builder().alarmName("payments-api-5xx").stateValue(StateValue.ALARM).namespace("Payments/API")
                .metricName("5xxErrors").period(60).threshold(5.0).build();
        CompositeAlarm composite = CompositeAlarm.builder().alarmName("payments-checkout-degraded").stateValue(StateValue.ALARM)
                .alarmRule("ALARM(payments-api-5xx) OR ALARM(payments-api-latency-p99)").stateUpdatedTimestamp(T0).build();
        fake.alarms.add(DescribeAlarmsResponse.builder().metricAlarms(firing).compositeAlarms(composite).nextToken("more").build());

        JsonNode result = success("describe_alarms", "{'state':'ALARM','prefix':'payments-','limit':2}");

        var request = fake.alarmRequests.get(0);
        assertThat(request.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(request.alarmNamePrefix()).isEqualTo("payments-");
        assertThat(request.alarmTypes()).as("AWS returns only metric alarms without AlarmTypes")
                .containsExactly(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM);
        assertThat(request.maxRecords()).isEqualTo(2);
        assertThat(result.at("/alarms/1")).isEqualTo(args("{'name':'payments-checkout-degraded','type':'composite','state':'ALARM',"
                + "'state_updated':'2024-11-20T14:05:00.000Z','rule':'ALARM(payments-api-5xx) OR ALARM(payments-api-latency-p99)'}"));
        assertThat(result.get("truncated").asBoolean()).isTrue();
        fake.alarms.add(DescribeAlarmsResponse.builder().build());
        success("describe_alarms", "{'state':'ALARM','prefix':'payments-','limit':2,'cursor':'" + result.get("next_cursor").asText() + "'}");
        assertThat(fake.alarmRequests.get(1).nextToken()).isEqualTo("more");
    }

    @Test
    void metricDataAsksOneQueryPerStatisticAndMergesPagesIntoRowsWithPartialDataStatus() {
        fake.data.add(GetMetricDataResponse.builder().metricDataResults(
                series("m0", StatusCode.PARTIAL_DATA, List.of(T0, T0.plusSeconds(60)), List.of(3.0, 41.0)),
                series("m1", StatusCode.COMPLETE, List.of(T0), List.of(120.5))).nextToken("next").build());
        fake.data.add(GetMetricDataResponse.builder().metricDataResults(
                series("m0", StatusCode.COMPLETE, List.of(T0.plusSeconds(120)), List.of(38.0)),
                series("m1", StatusCode.COMPLETE, List.of(T0.plusSeconds(60)), List.of(2950.0)))
                .messages(MessageData.builder().code("MaxDatapointsExceeded").value("narrow it").build()).build());

        JsonNode result = success("get_metric_data", "{'namespace':'AWS/Lambda','metric_name':'Errors',"
                + "'dimensions':[{'name':'FunctionName','value':'payments-refund-worker'}],'statistics':['Sum','p99'],"
                + "'start':'2024-11-20T14:00:00Z','end':'2024-11-20T15:00:00Z','period':60}");

        var request = fake.dataRequests.get(0);
        assertThat(request.scanBy()).isEqualTo(ScanBy.TIMESTAMP_ASCENDING);
        assertThat(request.metricDataQueries()).extracting(q -> q.id() + " " + q.metricStat().stat() + " " + q.metricStat().period())
                .containsExactly("m0 Sum 60", "m1 p99 60");
        assertThat(request.metricDataQueries().get(1).metricStat().metric().dimensions().get(0).value()).isEqualTo("payments-refund-worker");
        assertThat(fake.dataRequests.get(1).nextToken()).isEqualTo("next");
        assertThat(result.get("datapoints").toString()).isEqualTo(("[{'timestamp':'2024-11-20T14:05:00.000Z','Sum':3.0,'p99':120.5},"
                + "{'timestamp':'2024-11-20T14:06:00.000Z','Sum':41.0,'p99':2950.0},{'timestamp':'2024-11-20T14:07:00.000Z','Sum':38.0}]")
                .replace('\'', '"'));
        assertThat(result.get("status").asText()).isEqualTo("PartialData");
        assertThat(result.at("/messages/0/code").asText()).isEqualTo("MaxDatapointsExceeded");
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void valuesCloudWatchCouldNotComputeAreNull() {
        // Moto answers null for percentiles; AWS leaves such timestamps out. Either way the row says so.
        fake.data.add(GetMetricDataResponse.builder().metricDataResults(MetricDataResult.builder().id("m0").statusCode(StatusCode.COMPLETE)
                .timestamps(T0, T0.plusSeconds(60)).values(Arrays.asList(null, 2950.0)).build()).build());

        JsonNode result = success("get_metric_data", "{'namespace':'Payments/API','metric_name':'Latency','statistics':['p99'],"
                + "'start':'2024-11-20T14:00:00Z','end':'2024-11-20T15:00:00Z'}");

        assertThat(result.get("datapoints").toString()).isEqualTo("[{\"timestamp\":\"2024-11-20T14:05:00.000Z\",\"p99\":null},"
                + "{\"timestamp\":\"2024-11-20T14:06:00.000Z\",\"p99\":2950.0}]");
    }

    @Test
    void metricDataRejectedByCloudWatchSaysWhatToCheck() {
        fake.failure = InvalidParameterCombinationException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("InvalidParameterCombination").errorMessage("The parameter Period must be a multiple of 300 for data older than 15 days.")
                .build()).build();

        var failure = failure("get_metric_data", "{'namespace':'AWS/Lambda','metric_name':'Errors','start':'-20d','end':'-19d','period':300}");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).startsWith("CloudWatch rejected the request (InvalidParameterCombination): \"The parameter Period must be")
                .contains("period (a multiple of 300 for windows starting more than 15 days ago");
    }

    private static MetricDataResult series(String id, StatusCode status, List<Instant> times, List<Double> values) {
        return MetricDataResult.builder().id(id).statusCode(status).timestamps(times).values(values).build();
    }

    @Test
    void relativeWindowsResolveAgainstNow() {
        fake.data.add(GetMetricDataResponse.builder().build());

        success("get_metric_data", "{'namespace':'AWS/Lambda','metric_name':'Errors'}");

        var request = fake.dataRequests.get(0);
        assertThat(request.endTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(Duration.between(request.startTime(), request.endTime())).isEqualTo(Duration.ofHours(3));
        assertThat(request.metricDataQueries()).extracting(q -> q.metricStat().stat() + " " + q.metricStat().period()).containsExactly("Average 60");
    }
}
