package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.args;
import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.dimension;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * describe_alarms against moto (5.2.6: the first release serving CloudWatch's CBOR protocol). Moto has no
 * PutCompositeAlarm, so composite alarms are shown in {@link FakeClientToolsTest}.
 */
@ExtendWith(LocalAwsExtension.class)
class AlarmToolsTest {

    private static final String REASON = "Threshold Crossed: 1 datapoint [42.0 (20/11/24 14:07:00)] was greater than the threshold (5.0).";
    private static CloudWatchFixture cw;

    @BeforeAll
    static void start(LocalAws aws) {
        cw = new CloudWatchFixture(aws);
        cw.putAlarm("payments-api-5xx", "Payments/API", "5xxErrors", 5, dimension("Service", "payments-api"));
        cw.putAlarm("payments-api-latency-p99", "Payments/API", "Latency", 2000, dimension("Service", "payments-api"));
        cw.putAlarm("payments-refund-worker-errors", "AWS/Lambda", "Errors", 0, dimension("FunctionName", "payments-refund-worker"));
        cw.putAlarm("inventory-sync-lag", "Inventory/Sync", "LagSeconds", 600);
        cw.setState("payments-api-5xx", StateValue.ALARM, REASON);
        cw.setState("payments-refund-worker-errors", StateValue.INSUFFICIENT_DATA, "no data");
        cw.setState("inventory-sync-lag", StateValue.ALARM, "lagging");
    }

    @AfterAll
    static void stop() {
        cw.close();
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("alarms").forEach(alarm -> names.add(alarm.get("name").asText()));
        return names;
    }

    @Test
    void alarmsInAlarmStateShowReasonSinceWhenMetricAndThreshold() {
        JsonNode result = cw.success("describe_alarms", args("{'state':'ALARM','prefix':'payments-api'}"));

        assertThat(names(result)).containsExactly("payments-api-5xx");
        JsonNode alarm = result.at("/alarms/0");
        assertThat(alarm.get("type").asText()).isEqualTo("metric");
        assertThat(alarm.get("state").asText()).isEqualTo("ALARM");
        assertThat(alarm.get("state_reason").asText()).isEqualTo(REASON);
        assertThat(Instant.parse(alarm.get("state_updated").asText())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(alarm.get("arn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:payments-api-5xx");
        assertThat(alarm.get("metric")).isEqualTo(args("{'namespace':'Payments/API','name':'5xxErrors','dimensions':{'Service':'payments-api'},"
                + "'statistic':'Sum','period':60}"));
        assertThat(alarm.get("threshold").asDouble()).isEqualTo(5.0);
        assertThat(alarm.get("comparison").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.get("evaluation_periods").asInt()).isEqualTo(1);
        assertThat(alarm.get("actions_enabled").asBoolean()).isTrue();
        assertThat(alarm.get("description").asText()).contains("payments-runbooks");
        assertThat(alarm.has("metric_queries")).isFalse();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void stateAndPrefixFilterTogether() {
        // Moto applies only one of the two filters; the tool's result must honour both.
        assertThat(names(cw.success("describe_alarms", args("{'state':'ALARM','prefix':'payments-'}")))).containsExactly("payments-api-5xx");
        assertThat(names(cw.success("describe_alarms", args("{'state':'OK','prefix':'payments-'}")))).containsExactly("payments-api-latency-p99");
        assertThat(names(cw.success("describe_alarms", args("{'state':'INSUFFICIENT_DATA'}")))).containsExactly("payments-refund-worker-errors");
    }

    @Test
    void theTypeFilterLeavesOutMetricAlarmsWhenOnlyCompositeOnesAreAsked() {
        assertThat(names(cw.success("describe_alarms", args("{'alarm_types':['composite']}")))).isEmpty();
        assertThat(names(cw.success("describe_alarms", args("{'alarm_types':['metric'],'prefix':'inventory-'}")))).containsExactly("inventory-sync-lag");
    }

    @Test
    void alarmsOutsideTheCallersPolicyAreLeftOut() {
        var context = cw.contextSeeing(ref -> ref.kind().equals("alarm") && ref.name().startsWith("payments-api"));

        JsonNode all = cw.success("describe_alarms", args("{}"), context);
        JsonNode firing = cw.success("describe_alarms", args("{'state':'ALARM'}"), context);

        assertThat(names(all)).containsExactlyInAnyOrder("payments-api-5xx", "payments-api-latency-p99");
        assertThat(names(firing)).containsExactly("payments-api-5xx");
    }

    @Test
    void aCursorReturnsTheRestWithoutRepeats() {
        JsonNode first = cw.success("describe_alarms", args("{'prefix':'payments-','limit':1}"));
        assertThat(first.get("count").asInt()).isEqualTo(1);
        assertThat(first.get("truncated").asBoolean()).isTrue();
        JsonNode rest = cw.success("describe_alarms", args("{'prefix':'payments-','limit':1,'cursor':'" + first.get("next_cursor").asText() + "'}"));
        JsonNode last = cw.success("describe_alarms", args("{'prefix':'payments-','limit':1,'cursor':'" + rest.get("next_cursor").asText() + "'}"));

        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(rest));
        all.addAll(names(last));
        assertThat(all).containsExactlyInAnyOrder("payments-api-5xx", "payments-api-latency-p99", "payments-refund-worker-errors");
        assertThat(last.get("truncated").asBoolean()).isFalse();
        assertThat(last.has("next_cursor")).isFalse();
    }

    @Test
    void aCursorOfOtherArgumentsIsRefused() {
        JsonNode first = cw.success("describe_alarms", args("{'prefix':'payments-','limit':1}"));

        var failure = cw.failure("describe_alarms", args("{'prefix':'inventory-','cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    void theLimitIsCappedAtTheCallersMaxRows() {
        JsonNode result = cw.success("describe_alarms", args("{'limit':1000}"), new ResultLimits(2, 3, 65536));
        JsonNode byDefault = cw.success("describe_alarms", args("{}"), new ResultLimits(2, 3, 65536));

        assertThat(result.get("count").asInt()).isEqualTo(3);
        assertThat(byDefault.get("count").asInt()).isEqualTo(2);
        assertThat(byDefault.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void checkIsHealthyAgainstLocalAws() {
        Health health = cw.toolset().check(cw.aws().callContext()).toCompletableFuture().join();

        assertThat(health).isEqualTo(Health.up());
    }
}
