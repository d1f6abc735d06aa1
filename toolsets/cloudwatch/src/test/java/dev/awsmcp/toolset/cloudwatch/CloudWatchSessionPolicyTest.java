package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.testkit.PolicyDocuments.allowedActions;
import static dev.awsmcp.testkit.PolicyDocuments.parse;
import static dev.awsmcp.testkit.PolicyDocuments.statementOf;
import static dev.awsmcp.testkit.PolicyDocuments.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class CloudWatchSessionPolicyTest {

    /** The IAM actions behind each tool; a new tool must be added here and to the session policy. */
    private static final Map<String, List<String>> ACTIONS_OF_TOOL = Map.of(
            "describe_alarms", List.of("cloudwatch:DescribeAlarms"),
            "describe_alarm_history", List.of("cloudwatch:DescribeAlarmHistory"),
            "list_metrics", List.of("cloudwatch:ListMetrics"),
            "get_metric_data", List.of("cloudwatch:GetMetricData"));

    private final CloudWatchToolset toolset = new CloudWatchToolset(DeferredClient.built(new FakeCloudWatch()),
            new ToolsetConfig("cw", "cloudwatch", Region.EU_WEST_1, null, null));

    private JsonNode policy(Set<Access> access, String accountId, String... patterns) {
        String json = toolset.sessionPolicy(new SessionPolicyRequest(access, List.of(patterns), Region.EU_WEST_1, accountId)).orElseThrow();
        assertThat(json).doesNotContain(" ", "\n");
        return parse(json);
    }

    @Test
    void alarmHistoryIsScopedToTheGrantedAlarmsAndListingsAndMetricsAreNot() {
        JsonNode policy = policy(Set.of(Access.READ), "123456789012", "payments-*", "Payments/*");

        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory",
                "cloudwatch:ListMetrics", "cloudwatch:GetMetricData");
        assertThat(values(statementOf(policy, "cloudwatch:DescribeAlarmHistory").get("Resource"))).containsExactly(
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-*",
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:Payments/*");
        assertThat(values(statementOf(policy, "cloudwatch:GetMetricData").get("Resource"))).containsExactly("*");
        assertThat(statementOf(policy, "cloudwatch:DescribeAlarms")).isEqualTo(statementOf(policy, "cloudwatch:ListMetrics"));
        assertThat(policy.toString()).as("cloudwatch:namespace exists for PutMetricData only; as a condition here it would deny every read")
                .doesNotContain("Condition");
    }

    @Test
    void withoutAccountIdAnyAccountMatchesAndIamWildcardsAreEscaped() {
        JsonNode policy = policy(Set.of(Access.READ), null, "pay?ments-$x");

        assertThat(values(statementOf(policy, "cloudwatch:DescribeAlarmHistory").get("Resource")))
                .containsExactly("arn:aws:cloudwatch:eu-west-1:*:alarm:pay${?}ments-${$}x");
    }

    @Test
    void everyToolIsCoveredForItsAccessClassAndNoOther() {
        for (ToolSpec tool : toolset.tools()) {
            List<String> actions = ACTIONS_OF_TOOL.get(tool.name());
            assertThat(actions).as("IAM actions of " + tool.name()).isNotNull();
            assertThat(allowedActions(policy(Set.of(tool.access()), null, "a"))).as(tool.name()).containsAll(actions);
            assertThat(allowedActions(policy(EnumSet.complementOf(EnumSet.of(tool.access())), null, "a"))).as(tool.name())
                    .doesNotContainAnyElementsOf(actions);
        }
    }
}
