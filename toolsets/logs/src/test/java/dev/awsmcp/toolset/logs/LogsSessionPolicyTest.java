package dev.awsmcp.toolset.logs;

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

class LogsSessionPolicyTest {

    /** The IAM actions behind each tool; a new tool must be added here and to the session policy. */
    private static final Map<String, List<String>> ACTIONS_OF_TOOL = Map.of("describe_log_groups", List.of("logs:DescribeLogGroups"),
            "describe_log_streams", List.of("logs:DescribeLogStreams"), "filter_log_events", List.of("logs:FilterLogEvents"),
            "get_log_events", List.of("logs:GetLogEvents"), "run_insights_query", List.of("logs:StartQuery", "logs:GetQueryResults"),
            "get_insights_results", List.of("logs:GetQueryResults"));

    private final LogsToolset toolset = new LogsToolset(DeferredClient.built(new FakeCloudWatchLogs()),
            new ToolsetConfig("logs", "logs", Region.EU_WEST_1, null, null), InsightsPoller.Settings.DEFAULT);

    private JsonNode policy(Set<Access> access, String accountId, String... patterns) {
        String json = toolset.sessionPolicy(new SessionPolicyRequest(access, List.of(patterns), Region.EU_WEST_1, accountId)).orElseThrow();
        assertThat(json).doesNotContain(" ", "\n");
        return parse(json);
    }

    @Test
    void readGrantAllowsGroupActionsOnTheGroupsWithAndWithoutStreamSuffix() {
        JsonNode policy = policy(Set.of(Access.READ), "123456789012", "/aws/lambda/payments-*", "/ecs/payments/*");
        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("logs:DescribeLogGroups", "logs:GetQueryResults",
                "logs:DescribeLogStreams", "logs:FilterLogEvents", "logs:GetLogEvents", "logs:StartQuery");
        assertThat(values(statementOf(policy, "logs:DescribeLogGroups").get("Resource"))).containsExactly("*");
        assertThat(values(statementOf(policy, "logs:StartQuery").get("Resource"))).containsExactly(
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/payments-*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/payments-*:*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/payments/*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/payments/*:*");
        assertThat(statementOf(policy, "logs:GetLogEvents")).isEqualTo(statementOf(policy, "logs:FilterLogEvents"));
    }

    @Test
    void withoutAccountIdAnyAccountMatches() {
        assertThat(values(statementOf(policy(Set.of(Access.READ), null, "g"), "logs:FilterLogEvents").get("Resource")))
                .containsExactly("arn:aws:logs:eu-west-1:*:log-group:g", "arn:aws:logs:eu-west-1:*:log-group:g:*");
    }

    @Test
    void everyToolIsCoveredForItsAccessClassAndNoOther() {
        for (ToolSpec tool : toolset.tools()) {
            List<String> actions = ACTIONS_OF_TOOL.get(tool.name());
            assertThat(actions).as("IAM actions of " + tool.name()).isNotNull();
            assertThat(allowedActions(policy(Set.of(tool.access()), null, "g"))).as(tool.name()).containsAll(actions);
            assertThat(allowedActions(policy(EnumSet.complementOf(EnumSet.of(tool.access())), null, "g"))).as(tool.name())
                    .doesNotContainAnyElementsOf(actions);
        }
    }
}
