package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.support.TimeWindow;
import static dev.awsmcp.toolset.logs.LogsFixture.args;
import static dev.awsmcp.toolset.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Insights against moto, which evaluates only fields, sort and limit (filter and stats are not
 * evaluated) and answers Complete at once; polling, statistics and failures are in {@link FakeClientToolsTest}.
 */
@ExtendWith(LocalAwsExtension.class)
class InsightsToolsTest {

    private static final String API = "/ecs/payments/api";
    private static LogsFixture logs;

    @BeforeAll
    static void seed(LocalAws aws) {
        logs = new LogsFixture(aws);
        Instant now = Instant.now();
        logs.createGroup(API);
        logs.createStream(API, "api/task-1");
        logs.put(API, "api/task-1", List.of(event(now.minusSeconds(300), "INFO charge ok ord-31040"),
                event(now.minusSeconds(200), "ERROR PaymentProviderTimeout ord-31042"),
                event(now.minusSeconds(100), "ERROR PaymentProviderTimeout ord-31043")));
    }

    @AfterAll
    static void stop() {
        logs.close();
    }

    @Test
    void runInsightsQueryReturnsRowsAsObjectsWithoutPointers() {
        JsonNode result = logs.success("run_insights_query", args("{'log_groups':['" + API + "'],"
                + "'query':'fields @timestamp, @message | sort @timestamp desc | limit 2','start':'-1h','end':'now'}"));

        assertThat(result.get("status").asText()).isEqualTo("Complete");
        assertThat(result.get("query_id").asText()).isNotBlank();
        assertThat(result.get("rows")).hasSize(2);
        assertThat(result.at("/rows/0/@message").asText()).isEqualTo("ERROR PaymentProviderTimeout ord-31043");
        assertThat(result.at("/rows/0").has("@ptr")).isFalse();
        assertThat(result.at("/rows/0").has("@timestamp")).isTrue();
    }

    @Test
    void getInsightsResultsReturnsTheSameShapeForAQueryId() {
        JsonNode started = logs.success("run_insights_query", args("{'log_groups':['" + API + "'],"
                + "'query':'fields @message | sort @timestamp asc | limit 1','start':'-1h','end':'now'}"));

        JsonNode again = logs.success("get_insights_results", args("{'query_id':'" + started.get("query_id").asText() + "'}"));

        assertThat(again.get("rows")).isEqualTo(started.get("rows"));
        assertThat(again.at("/rows/0/@message").asText()).isEqualTo("INFO charge ok ord-31040");
    }

    @Test
    void runInsightsQueryWithoutATimeWindowIsRefusedWithTheReason() {
        var failure = logs.failure("run_insights_query", args("{'log_groups':['" + API + "'],'query':'fields @message'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).startsWith("run_insights_query needs both start and end: Insights bills by the data it scans");
    }

    @Test
    void runInsightsQueryOnAMissingGroupSaysHowToFindGroups() {
        var failure = logs.failure("run_insights_query", args("{'log_groups':['" + API + "','/ecs/nope'],"
                + "'query':'fields @message','start':'-1h','end':'now'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("one of the log groups " + API + ", /ecs/nope not found; "
                + "call logs__describe_log_groups to see the log groups");
    }
}
