package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.testkit.SeedScripts;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real calls through the real gateway (a DynamoDB toolset on moto and the test-echo toolset), then a
 * scrape of {@code /metrics} over HTTP on the admin port: the series and labels operators alert on are
 * there, and no resource name, argument, principal or key is.
 */
@ExtendWith(LocalAwsExtension.class)
class MetricsEndToEndTest {

    private static final String TABLE = "payments-orders-7731";
    private static final String MISSING_TABLE = "ledger-missing-4410";
    private static final String SEED = """
            import argparse, boto3
            p = argparse.ArgumentParser(); p.add_argument("--endpoint"); p.add_argument("--region"); a = p.parse_args()
            d = boto3.client("dynamodb", endpoint_url=a.endpoint, region_name=a.region,
                             aws_access_key_id="testing", aws_secret_access_key="testing")
            d.create_table(TableName="%s", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                           AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
            d.put_item(TableName="%s", Item={"pk": {"S": "order-1"}, "note": {"S": "deploy key AKIAQ3ZK7P2M4N6R5T2W"}})
            """.formatted(TABLE, TABLE);

    /** Counters whose labels come from their first event, so a scrape without throttling lacks them (FaultInjectionTest has them). */
    private static final Set<String> FIRST_EVENT_SERIES = Set.of("gateway_aws_throttled_total", "gateway_aws_retries_stopped_total");

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    @Test
    void scrapeAfterRealCallsHasCallAwsResilienceGuardAuditSessionAndJvmSeriesWithoutResourceNames(LocalAws aws) throws IOException {
        SeedScripts.run(new ByteArrayInputStream(SEED.getBytes(StandardCharsets.UTF_8)), "metrics seed", aws.endpoint(),
                aws.region().id(), Duration.ofSeconds(60));
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + aws.endpoint() + "\" }\n"
                + "  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n"
                + "limits: { maxResultBytes: 4096 }\n")) {
            McpToolClient client = new McpToolClient(gateway);
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).isFalse();
            assertThat(client.call("ddb__list_tables", "{}").at("/_meta/cache/hit").asBoolean()).isTrue();
            JsonNode item = client.call("ddb__get_item", "{\"table\":\"" + TABLE + "\",\"key\":{\"pk\":\"order-1\"}}");
            assertThat(item.at("/_meta/findingCounts/secret").asInt()).as(item.toString()).isEqualTo(1);
            assertThat(client.call("ddb__describe_table", "{\"table\":\"" + MISSING_TABLE + "\"}").at("/_meta/errorKind").asText())
                    .isEqualTo("NOT_FOUND");
            assertThat(client.call("t__echo", "{\"text\":\"" + "x".repeat(8000) + "\"}").at("/_meta/guard/truncated").asBoolean())
                    .isTrue();
            client.call("t__fail", "{}");

            MetricsScrape metrics = MetricsScrape.of(gateway);

            assertThat(metrics.value("gateway_tool_calls_seconds_count", "toolset", "ddb", "tool", "ddb__list_tables", "outcome", "success"))
                    .isEqualTo(2);
            assertThat(metrics.has("gateway_tool_calls_seconds_bucket", "tool", "ddb__get_item", "outcome", "success", "le", "0.25")).isTrue();
            assertThat(metrics.value("gateway_tool_calls_seconds_count", "tool", "t__fail", "outcome", "tool_error")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "ddb__describe_table", "error_kind", "NOT_FOUND")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "ddb", "service", "DynamoDb",
                    "operation", "ListTables", "outcome", "success")).as("the cache hit made no request").isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total", "toolset", "ddb", "service", "DynamoDb", "operation", "DescribeTable",
                    "error_code", "ResourceNotFoundException")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "ddb")).isZero();
            assertThat(metrics.value("cache_gets_total", "cache", "results", "result", "hit")).isEqualTo(1);
            assertThat(metrics.value("cache_gets_total", "cache", "results", "result", "miss")).isGreaterThanOrEqualTo(2);
            assertThat(metrics.value("gateway_guard_findings_total", "toolset", "ddb", "family", "secret")).isEqualTo(1);
            assertThat(metrics.value("gateway_results_truncated_total", "toolset", "t", "tool", "t__echo")).isEqualTo(1);
            assertThat(metrics.value("gateway_circuit_breakers", "toolset", "ddb", "state", "closed")).isEqualTo(1);
            assertThat(metrics.value("resilience4j_bulkhead_max_allowed_concurrent_calls", "name", "ddb")).isEqualTo(32);
            assertThat(metrics.has("gateway_audit_backlog")).isTrue();
            assertThat(metrics.value("gateway_audit_write_failures_total")).isZero();
            assertThat(metrics.value("gateway_sessions_open")).isEqualTo(1);
            assertThat(metrics.value("vertx_http_server_requests_total", "method", "POST")).isGreaterThanOrEqualTo(7);
            for (String jvm : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "jvm_classes_loaded_classes"}) {
                assertThat(metrics.has(jvm)).as(jvm).isTrue();
            }

            assertThat(metrics.text()).doesNotContain(TABLE, MISSING_TABLE, "order-1", "AKIA", "apikey:test", "test-key",
                    RunningGateway.TEST_KEY, "xxxxxxxx", aws.endpoint().toString());
            alertRulesUseSeriesOf(metrics);
        }
    }

    /**
     * The alert rules of docs/operations.md parse as Prometheus rule YAML (promtool is not available
     * here) and every gateway series they use is in a real scrape.
     */
    private static void alertRulesUseSeriesOf(MetricsScrape metrics) throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("docs/operations.md"));
        int start = doc.indexOf("```yaml\ngroups:");
        assertThat(start).as("alert rules block in docs/operations.md").isPositive();
        String yaml = doc.substring(start + "```yaml\n".length(), doc.indexOf("```", start + 7));
        JsonNode rules = new YAMLMapper().readTree(yaml).at("/groups/0/rules");
        assertThat(rules.size()).isGreaterThanOrEqualTo(2);
        Set<String> alerts = new HashSet<>();
        for (JsonNode rule : rules) {
            assertThat(rule.path("alert").asText()).matches("[A-Za-z][A-Za-z0-9]+");
            assertThat(alerts.add(rule.path("alert").asText())).isTrue();
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).isIn("info", "warning", "critical");
            String expr = rule.path("expr").asText();
            assertThat(expr.chars().filter(c -> c == '(').count()).as(expr).isEqualTo(expr.chars().filter(c -> c == ')').count());
            Matcher series = Pattern.compile("\\b(gateway_[a-z_]+|resilience4j_[a-z_]+)").matcher(expr);
            while (series.find()) {
                String name = series.group(1);
                assertThat(metrics.has(name) || FIRST_EVENT_SERIES.contains(name))
                        .as(rule.path("alert").asText() + " uses " + name).isTrue();
            }
        }
        assertThat(alerts).contains("McpGatewayToolErrorRateHigh", "McpGatewayToolLatencyP99High");
        promtoolAccepts(yaml);
    }

    /** {@code promtool check rules} on the block, where Prometheus's tool is installed (apt package prometheus). */
    private static void promtoolAccepts(String rules) throws IOException {
        boolean installed = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
        if (!installed) {
            return;
        }
        Path file = Files.createTempFile("alert-rules", ".yml");
        Files.writeString(file, rules);
        try {
            ExternalCommand.Outcome check = ExternalCommand.run(file.getParent(), 60, List.of("promtool", "check", "rules", file.toString()));
            assertThat(check.exitCode()).as(check.transcript()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
