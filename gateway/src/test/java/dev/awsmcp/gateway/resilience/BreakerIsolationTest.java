package dev.awsmcp.gateway.resilience;

import static dev.awsmcp.gateway.resilience.FaultInjectionTest.records;
import static dev.awsmcp.gateway.resilience.FaultInjectionTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.GatewayHttp;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Circuit breakers through the real gateway on moto, with two teams: team {@code alpha} (API key {@code test})
 * and team {@code beta} (API key {@code other}). A caller's own mistakes never count against the service, and
 * failures one team's calls meet open that team's breaker only.
 */
@ExtendWith(LocalAwsExtension.class)
class BreakerIsolationTest {

    private static final String BREAKER = "resilience:\n  retry: { maxAttempts: 2, baseDelay: 10ms, maxDelay: 50ms }\n"
            + "  breaker: { minimumCalls: 3, failureRateThreshold: 50, openFor: 30s }\n  cache: { enabled: false }\n";

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    /** Answers every request for bucket {@code bucket} with an S3 500, as a failing partition would; counts them. */
    static final class FailingBucket implements ExecutionInterceptor {
        final AtomicInteger failed = new AtomicInteger();
        private final String bucket;

        FailingBucket(String bucket) {
            this.bucket = bucket;
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!context.httpRequest().encodedPath().startsWith("/" + bucket)) {
                return context.httpResponse();
            }
            failed.incrementAndGet();
            throw AwsServiceException.builder().statusCode(500).message("injected")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError").errorMessage("We encountered an internal error")
                            .serviceName("S3").build())
                    .build();
        }
    }

    private static RunningGateway twoTeams(LocalAws aws, List<ExecutionInterceptor> faults) throws IOException {
        Path policies = Files.createTempDirectory("policies");
        for (String[] team : new String[][] {{"alpha", "test"}, {"beta", "other"}}) {
            Files.writeString(policies.resolve(team[0] + ".yaml"), "team: " + team[0] + "\nmembers: [ { apiKey: " + team[1] + " } ]\n"
                    + "toolsets:\n  s3: { tools: [\"*\"], access: [read], resources: [\"*\"] }\n");
        }
        return RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n  - { id: s3, type: s3, region: us-east-1, endpoint: \""
                + aws.endpoint() + "\" }\n" + BREAKER + "policies: { dir: \"" + policies + "\", watch: false }\n", faults);
    }

    private static HttpResponse<String> admin(RunningGateway gateway, String path) throws IOException, InterruptedException {
        return GatewayHttp.CLIENT.send(HttpRequest.newBuilder(gateway.adminUrl().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void buckets(LocalAws aws, String... names) {
        var s3 = EmulatorClients.s3(aws);
        for (String name : names) {
            s3.createBucket(b -> b.bucket(name)).join();
            s3.putObject(b -> b.bucket(name).key("runbook.md"), AsyncRequestBody.fromString("restart the consumer")).join();
        }
    }

    @Test
    void headObjectOnMissingKeysIsNotFoundAndNeverOpensTheBreakerForAnotherTeam(LocalAws aws) throws Exception {
        buckets(aws, "shared-docs");
        try (RunningGateway gateway = twoTeams(aws, List.of())) {
            McpToolClient alpha = new McpToolClient(gateway, RunningGateway.TEST_KEY);
            McpToolClient beta = new McpToolClient(gateway, RunningGateway.OTHER_KEY);
            for (int i = 0; i < 10; i++) {
                JsonNode missing = alpha.call("s3__head_object", "{\"bucket\":\"shared-docs\",\"key\":\"missing-" + i + ".md\"}");
                assertThat(missing.at("/_meta/errorKind").asText()).as(missing.toString()).isEqualTo("NOT_FOUND");
                assertThat(text(missing)).isEqualTo("object s3://shared-docs/missing-" + i + ".md not found; list keys with s3__list_objects");
            }

            JsonNode listed = beta.call("s3__list_objects", "{\"bucket\":\"shared-docs\"}");
            assertThat(listed.path("isError").asBoolean()).as(listed.toString()).isFalse();
            assertThat(listed.toString()).contains("runbook.md");
            assertThat(alpha.call("s3__list_objects", "{\"bucket\":\"shared-docs\"}").path("isError").asBoolean())
                    .as("nor the calling team's own breaker").isFalse();
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_circuit_breakers", "toolset", "s3", "state", "closed")).as("alpha's and beta's").isEqualTo(2);
            assertThat(metrics.value("gateway_circuit_breakers", "toolset", "s3", "state", "open")).isZero();
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "s3__head_object", "error_kind", "NOT_FOUND")).isEqualTo(10);
            assertThat(records(gateway).stream().filter(r -> r.path("tool").asText().equals("s3__head_object")))
                    .allSatisfy(r -> assertThat(r.path("error_kind").asText()).isEqualTo("NOT_FOUND"));
        }
    }

    @Test
    void failuresOneTeamsCallsMeetOpenThatTeamsBreakerOnlyAndReadinessShowsItDegraded(LocalAws aws) throws Exception {
        buckets(aws, "alpha-data", "beta-data");
        FailingBucket faults = new FailingBucket("alpha-data");
        try (RunningGateway gateway = twoTeams(aws, List.of(faults))) {
            McpToolClient alpha = new McpToolClient(gateway, RunningGateway.TEST_KEY);
            McpToolClient beta = new McpToolClient(gateway, RunningGateway.OTHER_KEY);
            for (int i = 0; i < 3; i++) {
                assertThat(alpha.call("s3__list_objects", "{\"bucket\":\"alpha-data\"}").at("/_meta/errorKind").asText()).isEqualTo("UPSTREAM");
            }
            int attempts = faults.failed.get();
            JsonNode refused = alpha.call("s3__list_objects", "{\"bucket\":\"alpha-data\"}");
            assertThat(refused.at("/_meta/errorKind").asText()).isEqualTo("CIRCUIT_OPEN");
            assertThat(text(refused)).matches("s3 \\(toolset s3\\) in us-east-1 failed the last calls of team alpha; the gateway stopped "
                    + "sending them for (29|30)s\\. Try again later or use another toolset meanwhile\\.");
            assertThat(faults.failed.get()).as("an open breaker does not reach AWS").isEqualTo(attempts);

            for (int i = 0; i < 5; i++) {
                JsonNode listed = beta.call("s3__list_objects", "{\"bucket\":\"beta-data\"}");
                assertThat(listed.path("isError").asBoolean()).as("team beta is not cut off: " + listed).isFalse();
            }

            HttpResponse<String> ready = admin(gateway, "/health/ready");
            assertThat(ready.statusCode()).as("an open breaker does not take the instance out of rotation: " + ready.body()).isEqualTo(200);
            JsonNode s3 = Json.mapper().readTree(ready.body()).at("/checks/toolsets/s3");
            assertThat(s3.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(s3.at("/breakers/0/team").asText()).isEqualTo("alpha");
            assertThat(s3.at("/breakers/0/state").asText()).isEqualTo("OPEN");
            assertThat(Instant.parse(s3.at("/breakers/0/halfOpensAt").asText())).isAfter(Instant.now().plusSeconds(20));
            assertThat(s3.path("breakers")).hasSize(1);
            HttpResponse<String> toolset = admin(gateway, "/health/toolsets/s3");
            assertThat(toolset.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(toolset.body()).path("status").asText()).isEqualTo("DEGRADED");

            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_circuit_breakers", "toolset", "s3", "state", "open")).as("alpha's").isEqualTo(1);
            assertThat(metrics.value("gateway_circuit_breakers", "toolset", "s3", "state", "closed")).as("beta's").isEqualTo(1);
            assertThat(metrics.text()).as("labels never name teams").doesNotContain("alpha", "beta");
        }
    }
}
