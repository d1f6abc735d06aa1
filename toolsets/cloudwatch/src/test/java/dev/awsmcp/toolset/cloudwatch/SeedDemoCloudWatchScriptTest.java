package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.testkit.SeedScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the gateway's demo seed script for CloudWatch ({@code gateway/src/main/resources/local-aws/seed-demo-cloudwatch.py})
 * against the test moto (5.2.6 or later), the way {@code mcp-gateway local-aws --seed demo} does, and reads
 * the story back through the tools: the payments alarms fire, and the 5xx metric shows the spike since the deploy.
 */
@ExtendWith(LocalAwsExtension.class)
class SeedDemoCloudWatchScriptTest {

    private static final Path SCRIPT = Path.of("../../gateway/src/main/resources/local-aws/seed-demo-cloudwatch.py");
    private static CloudWatchFixture cw;
    private static String firstSummary;
    private static String secondSummary;

    @BeforeAll
    static void seed(LocalAws aws) {
        cw = new CloudWatchFixture(aws);
        firstSummary = SeedScripts.run(aws, SCRIPT).strip();
        // Idempotent: a second run replaces the alarms and keeps the metric data instead of doubling it.
        secondSummary = SeedScripts.run(aws, SCRIPT).strip();
    }

    @AfterAll
    static void stop() {
        cw.close();
    }

    @Test
    void printsOneSummaryLineAndIsIdempotent() {
        assertThat(firstSummary).isEqualTo("seeded demo cloudwatch: alarms=4, in_alarm=2, metrics=6, datapoints=1080, metric_data=put");
        assertThat(secondSummary).isEqualTo("seeded demo cloudwatch: alarms=4, in_alarm=2, metrics=6, datapoints=1080, metric_data=kept");
    }

    @Test
    void thePaymentsApiAlarmsFireWithTheirReasonAndRunbook() {
        JsonNode firing = cw.success("describe_alarms", args("{'state':'ALARM'}"));

        List<String> names = new ArrayList<>();
        firing.get("alarms").forEach(alarm -> names.add(alarm.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("payments-api-5xx", "payments-api-latency");
        JsonNode errors = firing.get("alarms").get(names.indexOf("payments-api-5xx"));
        assertThat(errors.get("state_reason").asText()).startsWith("Threshold Crossed: 3 out of the last 3 datapoints [");
        assertThat(errors.get("description").asText()).contains("s3://payments-runbooks/runbooks/card-processor-timeouts.md");
        assertThat(errors.get("metric")).isEqualTo(args("{'namespace':'Payments/API','name':'5xxErrors','dimensions':{'Service':'payments-api'},"
                + "'statistic':'Sum','period':60,'unit':'Count'}"));
        assertThat(cw.success("describe_alarms", args("{'prefix':'inventory-'}")).at("/alarms/0/state").asText()).isEqualTo("OK");
    }

    @Test
    void theErrorMetricShowsTheSpikeSinceTheDeploy() {
        JsonNode data = cw.success("get_metric_data", args("{'namespace':'Payments/API','metric_name':'5xxErrors',"
                + "'dimensions':[{'name':'Service','value':'payments-api'}],'statistics':['Sum'],'period':300,'start':'-3h'}"));

        JsonNode points = data.get("datapoints");
        assertThat(points.size()).isBetween(35, 37);
        double before = points.get(2).get("Sum").asDouble();
        double after = points.get(points.size() - 3).get("Sum").asDouble();
        assertThat(before).as("5 minutes, 2 hours before the deploy").isLessThanOrEqualTo(5);
        assertThat(after).as("5 minutes, well after the deploy").isGreaterThanOrEqualTo(40);
        JsonNode metrics = cw.success("list_metrics", args("{'namespace':'AWS/Lambda'}"));
        assertThat(metrics.get("count").asInt()).isEqualTo(2);
    }
}
