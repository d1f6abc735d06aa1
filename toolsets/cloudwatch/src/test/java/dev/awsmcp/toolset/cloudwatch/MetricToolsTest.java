package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.args;
import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.dimension;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** list_metrics and get_metric_data against moto (5.2.6: the first release serving CloudWatch's CBOR protocol). */
@ExtendWith(LocalAwsExtension.class)
class MetricToolsTest {

    /** Ten minutes of 5xx counts with a spike in the middle. */
    private static final List<Double> SPIKE = List.of(0.0, 0.0, 1.0, 0.0, 12.0, 30.0, 41.0, 38.0, 2.0, 0.0);
    private static CloudWatchFixture cw;

    @BeforeAll
    static void start(LocalAws aws) {
        cw = new CloudWatchFixture(aws);
        Instant lastMinute = Instant.now().minusSeconds(90);
        cw.putSeries("Payments/API", "5xxErrors", lastMinute, SPIKE, dimension("Service", "payments-api"));
        cw.putSeries("Payments/API", "Latency", lastMinute, List.of(120.0, 180.0, 2900.0), dimension("Service", "payments-api"));
        cw.putSeries("Payments/API", "5xxErrors", lastMinute, List.of(0.0), dimension("Service", "payments-admin"));
        cw.putSeries("Payments/API", "Requests", lastMinute, List.of(900.0), dimension("Service", "payments-api"), dimension("Stage", "prod"));
        cw.putSeries("Inventory/Sync", "LagSeconds", lastMinute, List.of(30.0), dimension("Job", "nightly"));
    }

    @AfterAll
    static void stop() {
        cw.close();
    }

    private static List<String> metrics(JsonNode result) {
        List<String> metrics = new ArrayList<>();
        result.get("metrics").forEach(metric -> metrics.add(metric.get("metric_name").asText() + " " + metric.get("dimensions")));
        return metrics;
    }

    @Test
    void listMetricsListsTheMetricsOfOneNamespaceWithTheirDimensions() {
        JsonNode result = cw.success("list_metrics", args("{'namespace':'Payments/API'}"));

        assertThat(result.get("namespace").asText()).isEqualTo("Payments/API");
        assertThat(metrics(result)).containsExactlyInAnyOrder("5xxErrors {\"Service\":\"payments-api\"}", "Latency {\"Service\":\"payments-api\"}",
                "5xxErrors {\"Service\":\"payments-admin\"}", "Requests {\"Service\":\"payments-api\",\"Stage\":\"prod\"}");
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void listMetricsFiltersByMetricNameAndByDimensionNameOrValue() {
        JsonNode byName = cw.success("list_metrics", args("{'namespace':'Payments/API','metric_name':'5xxErrors'}"));
        JsonNode byValue = cw.success("list_metrics", args("{'namespace':'Payments/API','dimensions':[{'name':'Service','value':'payments-admin'}]}"));
        JsonNode byDimensionName = cw.success("list_metrics", args("{'namespace':'Payments/API','dimensions':[{'name':'Stage'}]}"));

        assertThat(metrics(byName)).containsExactlyInAnyOrder("5xxErrors {\"Service\":\"payments-api\"}", "5xxErrors {\"Service\":\"payments-admin\"}");
        assertThat(metrics(byValue)).containsExactly("5xxErrors {\"Service\":\"payments-admin\"}");
        assertThat(metrics(byDimensionName)).containsExactly("Requests {\"Service\":\"payments-api\",\"Stage\":\"prod\"}");
    }

    @Test
    void listMetricsPagesWithACursor() {
        JsonNode first = cw.success("list_metrics", args("{'namespace':'Payments/API','limit':3}"));
        JsonNode rest = cw.success("list_metrics", args("{'namespace':'Payments/API','limit':3,'cursor':'" + first.get("next_cursor").asText() + "'}"));

        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(first.get("truncated").asBoolean()).isTrue();
        assertThat(rest.get("count").asInt()).isEqualTo(1);
        List<String> all = new ArrayList<>(metrics(first));
        all.addAll(metrics(rest));
        assertThat(all).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void getMetricDataShowsTheSpikeOldestFirstWithAColumnPerStatistic() {
        JsonNode result = cw.success("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors',"
                + "'dimensions':[{'name':'Service','value':'payments-api'}],'statistics':['Sum','Maximum'],'period':60,'start':'-20m'}"));

        assertThat(result.get("status").asText()).isEqualTo("Complete");
        assertThat(result.get("statistics")).isEqualTo(args("{'s':['Sum','Maximum']}").get("s"));
        assertThat(result.get("dimensions")).isEqualTo(args("{'Service':'payments-api'}"));
        List<Double> sums = new ArrayList<>();
        List<String> times = new ArrayList<>();
        result.get("datapoints").forEach(point -> {
            sums.add(point.get("Sum").asDouble());
            assertThat(point.get("Maximum").asDouble()).isEqualTo(point.get("Sum").asDouble());
            times.add(point.get("timestamp").asText());
        });
        assertThat(sums).isEqualTo(SPIKE);
        assertThat(times).isSorted();
        assertThat(result.get("count").asInt()).isEqualTo(SPIKE.size());
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void getMetricDataRefusesMoreDatapointsThanTheBudgetAndNamesThePeriodThatFits() {
        var failure = cw.failure("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors','start':'-2d','end':'now','period':60}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("(2 days) at period 60 s holds 2880 datapoints per statistic; at most 1000 are returned per call: "
                + "use period 180 or more, or narrow the window to at most 1000 minutes");
    }

    @Test
    void getMetricDataRefusesAPeriodCloudWatchDoesNotTakeAndAWindowOverSevenDays() {
        var period = cw.failure("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors','period':90}"));
        var window = cw.failure("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors','start':'-8d','period':3600}"));

        assertThat(period.message()).startsWith("period 90 is not one CloudWatch accepts");
        assertThat(window.message()).endsWith("is longer than 7 days; narrow start and end");
    }

    @Test
    void getMetricDataWithoutDatapointsSaysHowToCheckTheMetric() {
        JsonNode result = cw.success("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors',"
                + "'dimensions':[{'name':'Service','value':'no-such-service'}],'statistics':['Sum']}"));

        assertThat(result.get("datapoints")).isEmpty();
        assertThat(result.get("hint").asText()).contains("cw__list_metrics");
    }

    @Test
    void getMetricDataNeedsAValueForEveryDimension() {
        var failure = cw.failure("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors','dimensions':[{'name':'Service'}]}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).startsWith("dimension Service needs a value");
    }
}
