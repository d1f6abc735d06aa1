package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.support.TimeWindow;
import static dev.awsmcp.toolset.logs.LogsFixture.args;
import static dev.awsmcp.toolset.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogGroupToolsTest {

    private static LogsFixture logs;

    @BeforeAll
    static void start(LocalAws aws) {
        logs = new LogsFixture(aws);
    }

    @AfterAll
    static void stop() {
        logs.close();
    }

    private static List<String> names(JsonNode result, String array) {
        List<String> names = new ArrayList<>();
        result.get(array).forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    @Test
    @Order(1)
    void describeLogGroupsOnAnEmptyAccountReturnsNoneAndIsNotTruncated() {
        JsonNode result = logs.success("describe_log_groups", args("{}"));

        assertThat(result.get("log_groups")).isEmpty();
        assertThat(result.get("count").asInt()).isZero();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    @Order(2)
    void describeLogGroupsReportsNameArnBytesRetentionAndCreation() {
        logs.createGroup("/aws/lambda/payments-refund-worker");
        logs.createGroup("/ecs/payments/api");
        logs.admin.putRetentionPolicy(b -> b.logGroupName("/ecs/payments/api").retentionInDays(14)
                .overrideConfiguration(logs.aws().callContext().awsOverrides())).join();

        JsonNode result = logs.success("describe_log_groups", args("{'prefix':'/ecs/'}"));

        assertThat(names(result, "log_groups")).containsExactly("/ecs/payments/api");
        JsonNode group = result.at("/log_groups/0");
        assertThat(group.get("arn").asText()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/payments/api");
        assertThat(group.get("retention_days").asInt()).isEqualTo(14);
        assertThat(group.get("stored_bytes").isIntegralNumber()).isTrue();
        assertThat(Instant.parse(group.get("created").asText())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        JsonNode lambda = logs.success("describe_log_groups", args("{'prefix':'/aws/lambda/'}")).at("/log_groups/0");
        assertThat(lambda.get("retention_days").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void describeLogGroupsCapsAt200AndTheCursorReturnsTheRest() {
        CompletableFuture.allOf(IntStream.range(0, 210).mapToObj(i -> logs.admin.createLogGroup(b -> b
                .logGroupName(String.format("/bulk/g%03d", i)).overrideConfiguration(logs.aws().callContext().awsOverrides())))
                .toArray(CompletableFuture[]::new)).join();

        JsonNode first = logs.success("describe_log_groups", args("{'prefix':'/bulk/'}"));
        assertThat(first.get("count").asInt()).isEqualTo(200);
        assertThat(first.get("truncated").asBoolean()).isTrue();
        JsonNode rest = logs.success("describe_log_groups", args("{'prefix':'/bulk/','cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(rest.get("count").asInt()).isEqualTo(10);
        assertThat(rest.get("truncated").asBoolean()).isFalse();
        List<String> all = new ArrayList<>(names(first, "log_groups"));
        all.addAll(names(rest, "log_groups"));
        assertThat(all).hasSize(210).doesNotHaveDuplicates().contains("/bulk/g000", "/bulk/g209");
    }

    @Test
    @Order(4)
    void describeLogGroupsRefusesACursorIssuedForAnotherPrefix() {
        JsonNode first = logs.success("describe_log_groups", args("{'prefix':'/bulk/','limit':5}"));

        var failure = logs.failure("describe_log_groups", args("{'prefix':'/ecs/','cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    @Order(5)
    void describeLogGroupsLeavesOutGroupsTheCallerMayNotSeeAndKeepsPaging() {
        // One bulk group in a hundred is visible: the tool has to read past whole pages of hidden groups.
        var context = logs.contextSeeing(ref -> ref.kind().equals(LogsResources.LOG_GROUP)
                && (ref.name().startsWith("/ecs/payments/") || ref.name().matches("/bulk/g\\d00")));

        JsonNode result = logs.success("describe_log_groups", args("{}"), context);

        assertThat(names(result, "log_groups")).containsExactlyInAnyOrder("/ecs/payments/api", "/bulk/g000", "/bulk/g100", "/bulk/g200");
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void describeLogGroupsRejectsAGarbageCursor() {
        var failure = logs.failure("describe_log_groups", args("{'cursor':'not-a-cursor'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor is not valid");
    }

    @Test
    void describeLogStreamsListsMostRecentEventFirst() {
        String group = "/ecs/streams-recent";
        logs.createGroup(group);
        Instant now = Instant.now();
        for (String stream : List.of("task-a", "task-b", "task-c")) {
            logs.createStream(group, stream);
        }
        logs.put(group, "task-a", List.of(event(now.minusSeconds(300), "a")));
        logs.put(group, "task-b", List.of(event(now.minusSeconds(100), "b")));
        logs.put(group, "task-c", List.of(event(now.minusSeconds(200), "c")));

        JsonNode result = logs.success("describe_log_streams", args("{'log_group':'" + group + "'}"));

        assertThat(result.get("order").asText()).isEqualTo("last_event_time_descending");
        assertThat(names(result, "log_streams")).containsExactly("task-b", "task-c", "task-a");
        JsonNode newest = result.at("/log_streams/0");
        assertThat(newest.get("last_event").asText()).isEqualTo(TimeWindow.format(now.minusSeconds(100).toEpochMilli()));
        assertThat(newest.has("first_event")).isTrue();
        assertThat(newest.has("created")).isTrue();
    }

    @Test
    void describeLogStreamsWithAPrefixListsByNameAndPagesWithACursor() {
        String group = "/ecs/streams-prefix";
        logs.createGroup(group);
        for (String stream : List.of("web/3", "web/1", "worker/1", "web/2")) {
            logs.createStream(group, stream);
        }

        JsonNode first = logs.success("describe_log_streams", args("{'log_group':'" + group + "','prefix':'web/','limit':2}"));
        assertThat(first.get("order").asText()).isEqualTo("name");
        assertThat(names(first, "log_streams")).containsExactly("web/1", "web/2");
        assertThat(first.get("truncated").asBoolean()).isTrue();
        JsonNode rest = logs.success("describe_log_streams", args("{'log_group':'" + group + "','prefix':'web/','limit':2,"
                + "'cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(names(rest, "log_streams")).containsExactly("web/3");
        assertThat(rest.has("next_cursor")).isFalse();
    }

    @Test
    void describeLogStreamsOfAMissingGroupSaysHowToFindGroups() {
        var failure = logs.failure("describe_log_streams", args("{'log_group':'/nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("log group /nope not found; call logs__describe_log_groups to see the log groups");
    }

    @Test
    void checkIsHealthyAgainstLocalAws() {
        Health health = logs.toolset().check(logs.aws().callContext()).toCompletableFuture().join();

        assertThat(health).isEqualTo(Health.up());
    }
}
