package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.support.TimeWindow;
import static dev.awsmcp.toolset.logs.LogsFixture.args;
import static dev.awsmcp.toolset.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

@ExtendWith(LocalAwsExtension.class)
class LogEventToolsTest {

    private static final String API = "/ecs/payments/api";
    private static final String WORKER = "/aws/lambda/payments-refund-worker";
    private static final String ANSI = "\u001b[31mERROR\u001b[0m card-processor timeout ord-31042";
    private static final String STACK = "ERROR payment failed ord-31043\njava.net.SocketTimeoutException: Read timed out\n"
            + "\tat dev.payments.CardClient.charge(CardClient.java:88)";
    private static LogsFixture logs;
    private static Instant now;

    @BeforeAll
    static void seed(LocalAws aws) {
        logs = new LogsFixture(aws);
        now = Instant.now();
        logs.createGroup(API);
        // Three tasks whose events interleave in time: task-1 at :00, task-2 at :20, task-3 at :40 of each minute.
        for (int task = 1; task <= 3; task++) {
            String stream = "api/task-" + task;
            logs.createStream(API, stream);
            int offset = task * 20;
            logs.put(API, stream, IntStream.range(0, 5)
                    .mapToObj(i -> event(now.minusSeconds(600 - i * 60L - offset), "INFO task-" + offset / 20 + " request " + i))
                    .toList());
        }
        logs.createStream(API, "api/task-9");
        logs.put(API, "api/task-9", List.of(event(now.minusSeconds(7200), "INFO old line two hours ago"),
                event(now.minusSeconds(90), ANSI), event(now.minusSeconds(80), STACK)));

        logs.createGroup(WORKER);
        logs.createStream(WORKER, "2024/11/20/[$LATEST]abc");
        List<InputLogEvent> lines = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            lines.add(event(now.minusSeconds(700 - i * 10L), "line " + i));
        }
        logs.put(WORKER, "2024/11/20/[$LATEST]abc", lines);
        logs.createStream(WORKER, "empty");
    }

    @AfterAll
    static void stop() {
        logs.close();
    }

    private static ObjectNode withCursor(String json, JsonNode previous) {
        ObjectNode arguments = args(json);
        arguments.put("cursor", previous.get("next_cursor").asText());
        return arguments;
    }

    private static List<String> messages(JsonNode result) {
        List<String> messages = new ArrayList<>();
        result.get("events").forEach(event -> messages.add(event.get("message").asText()));
        return messages;
    }

    @Test
    void filterLogEventsInterleavesStreamsByTimestamp() {
        JsonNode result = logs.success("filter_log_events", args("{'log_group':'" + API + "','filter_pattern':'INFO'}"));

        assertThat(result.get("count").asInt()).isEqualTo(15);
        List<String> times = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        result.get("events").forEach(event -> {
            times.add(event.get("timestamp").asText());
            streams.add(event.get("stream").asText());
        });
        assertThat(times).isSorted();
        assertThat(streams.subList(0, 4)).containsExactly("api/task-1", "api/task-2", "api/task-3", "api/task-1");
        assertThat(result.at("/events/0/timestamp").asText()).isEqualTo(TimeWindow.format(now.minusSeconds(580).toEpochMilli()));
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void filterLogEventsDefaultsToTheLastHourAndAcceptsARelativeStart() {
        JsonNode lastHour = logs.success("filter_log_events", args("{'log_group':'" + API + "','stream_names':['api/task-9']}"));
        JsonNode lastThreeHours = logs.success("filter_log_events",
                args("{'log_group':'" + API + "','stream_names':['api/task-9'],'start':'-3h'}"));

        assertThat(messages(lastHour)).containsExactly(ANSI, STACK);
        assertThat(messages(lastThreeHours)).hasSize(3).first().isEqualTo("INFO old line two hours ago");
        assertThat(Instant.parse(lastHour.get("end").asText()).toEpochMilli()
                - Instant.parse(lastHour.get("start").asText()).toEpochMilli()).isEqualTo(3_600_000L);
    }

    @Test
    void filterLogEventsKeepsMessagesVerbatimIncludingEscapeCodesAndStackTraces() {
        JsonNode result = logs.success("filter_log_events", args("{'log_group':'" + API + "','filter_pattern':'ERROR'}"));

        assertThat(messages(result)).containsExactly(ANSI, STACK);
        assertThat(result.at("/events/1/stream").asText()).isEqualTo("api/task-9");
    }

    @Test
    void filterLogEventsRestrictsToNamedStreams() {
        // stream_prefix is shown against the fake client: moto ignores logStreamNamePrefix in FilterLogEvents.
        JsonNode result = logs.success("filter_log_events", args("{'log_group':'" + API + "','stream_names':['api/task-2','api/task-3']}"));

        assertThat(result.get("events")).hasSize(10)
                .allSatisfy(event -> assertThat(event.get("stream").asText()).isIn("api/task-2", "api/task-3"));
    }

    @Test
    void filterLogEventsPagesWithACursorThatKeepsTheResolvedWindow() {
        String arguments = "{'log_group':'" + API + "','filter_pattern':'INFO','start':'-15m','limit':6}";
        JsonNode first = logs.success("filter_log_events", args(arguments));
        JsonNode second = logs.success("filter_log_events", withCursor(arguments, first));
        JsonNode third = logs.success("filter_log_events", withCursor(arguments, second));

        assertThat(first.get("count").asInt()).isEqualTo(6);
        assertThat(second.get("count").asInt()).isEqualTo(6);
        assertThat(third.get("count").asInt()).isEqualTo(3);
        assertThat(third.has("next_cursor")).isFalse();
        assertThat(second.get("start").asText()).isEqualTo(first.get("start").asText());
        List<String> all = new ArrayList<>(messages(first));
        all.addAll(messages(second));
        all.addAll(messages(third));
        assertThat(all).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void filterLogEventsRefusesACursorFromAnotherLogGroup() {
        JsonNode first = logs.success("filter_log_events", args("{'log_group':'" + API + "','limit':1}"));

        var failure = logs.failure("filter_log_events", withCursor("{'log_group':'" + WORKER + "','limit':1}", first));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    void filterLogEventsReturnsNothingForAQuietWindow() {
        JsonNode result = logs.success("filter_log_events", args("{'log_group':'" + API + "','start':'-5h','end':'-4h'}"));

        assertThat(result.get("events")).isEmpty();
        assertThat(result.get("count").asInt()).isZero();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void filterLogEventsRejectsBadWindowsAndConflictingStreamArguments() {
        var reversed = logs.failure("filter_log_events", args("{'log_group':'" + API + "','start':'-1h','end':'-2h'}"));
        var tooLong = logs.failure("filter_log_events", args("{'log_group':'" + API + "','start':'-31d'}"));
        var both = logs.failure("filter_log_events", args("{'log_group':'" + API + "','stream_names':['a'],'stream_prefix':'b'}"));

        assertThat(reversed.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(reversed.message()).contains("is after end");
        assertThat(tooLong.message()).contains("longer than 30 days");
        assertThat(both.message()).isEqualTo("give stream_names or stream_prefix, not both");
    }

    @Test
    void filterLogEventsOfAMissingGroupSaysHowToFindGroups() {
        var failure = logs.failure("filter_log_events", args("{'log_group':'/aws/lambda/nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("log group /aws/lambda/nope not found; call logs__describe_log_groups to see the log groups");
    }

    @Test
    void getLogEventsReadsTheTailByDefaultAndTheCursorGoesBackInTime() {
        String arguments = "{'log_group':'" + WORKER + "','stream':'2024/11/20/[$LATEST]abc','limit':3}";
        JsonNode newest = logs.success("get_log_events", args(arguments));
        JsonNode older = logs.success("get_log_events", withCursor(arguments, newest));
        JsonNode oldest = logs.success("get_log_events", withCursor(arguments, older));

        assertThat(newest.get("read_from").asText()).isEqualTo("tail");
        assertThat(messages(newest)).containsExactly("line 4", "line 5", "line 6");
        assertThat(messages(older)).containsExactly("line 1", "line 2", "line 3");
        assertThat(messages(oldest)).containsExactly("line 0");
        assertThat(oldest.has("next_cursor")).isFalse();
    }

    @Test
    void getLogEventsFromTheHeadStopsWhenAwsReturnsTheSameToken() {
        String arguments = "{'log_group':'" + WORKER + "','stream':'2024/11/20/[$LATEST]abc','start_from_head':true,'limit':4}";
        JsonNode first = logs.success("get_log_events", args(arguments));
        JsonNode rest = logs.success("get_log_events", withCursor(arguments, first));

        assertThat(messages(first)).containsExactly("line 0", "line 1", "line 2", "line 3");
        assertThat(messages(rest)).containsExactly("line 4", "line 5", "line 6");
        assertThat(rest.has("next_cursor")).isFalse();
        assertThat(rest.at("/events/0/timestamp").asText()).isEqualTo(TimeWindow.format(now.minusSeconds(660).toEpochMilli()));
    }

    @Test
    void getLogEventsHonoursATimeWindow() {
        String start = TimeWindow.format(now.minusSeconds(685));
        String end = Long.toString(now.minusSeconds(655).toEpochMilli());
        JsonNode result = logs.success("get_log_events", args("{'log_group':'" + WORKER + "','stream':'2024/11/20/[$LATEST]abc',"
                + "'start_from_head':true,'start':'" + start + "','end':'" + end + "'}"));

        assertThat(messages(result)).containsExactly("line 2", "line 3", "line 4");
    }

    @Test
    void getLogEventsOfAnEmptyStreamReturnsNoEventsAndNoCursor() {
        JsonNode result = logs.success("get_log_events", args("{'log_group':'" + WORKER + "','stream':'empty'}"));

        assertThat(result.get("events")).isEmpty();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void getLogEventsOfAMissingStreamPointsAtTheStreamListing() {
        var failure = logs.failure("get_log_events", args("{'log_group':'" + WORKER + "','stream':'nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).contains("nope").contains("logs__describe_log_streams");
    }

    @Test
    void getLogEventsRejectsACursorTamperedIntoAnotherShape() {
        String scope = Cursors.scope("get_log_events", WORKER, "empty", false, null, null);
        String forged = dev.awsmcp.toolset.support.PageCursor.encode(scope, Json.mapper().getNodeFactory().numberNode(7));

        var failure = logs.failure("get_log_events", args("{'log_group':'" + WORKER + "','stream':'empty','cursor':'" + forged + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor is not valid");
    }
}
