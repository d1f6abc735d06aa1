package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.config.AdminConfig;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.guard.DeferredInjectionDetector;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.GatewayHttp;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.gateway.transport.ConnectionLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin listener's health endpoints over real HTTP, with toolsets on moto and one whose endpoint is
 * a closed port: liveness, readiness with the failing toolset's reason, each toolset's own check,
 * unknown ids, draining, and that probes share one cached check instead of piling up on AWS.
 */
@ExtendWith(LocalAwsExtension.class)
class HealthEndpointsTest {

    private static final HttpClient HTTP = GatewayHttp.CLIENT;

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    record Answer(int status, JsonNode body) {
    }

    static Answer get(URI admin, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(admin.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String ECHO = "server: { host: 127.0.0.1 }\ntoolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n";

    private static String toolset(String id, String type, String endpoint) {
        return "  - { id: " + id + ", type: " + type + ", region: us-east-1, endpoint: \"" + endpoint + "\" }\n";
    }

    @Test
    void readyWhenEveryToolsetReachesItsServiceAndEachToolsetHasItsOwnCheck(LocalAws aws) {
        String moto = aws.endpoint().toString();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + toolset("ddb", "dynamodb", moto)
                + toolset("s3", "s3", moto) + toolset("logs", "logs", moto) + toolset("lambda", "lambda", moto))) {
            URI admin = gateway.adminUrl();
            assertThat(admin.getPort()).isNotEqualTo(gateway.url().getPort());
            Answer live = get(admin, "/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body().path("status").asText()).isEqualTo("UP");

            Answer ready = get(admin, "/health/ready");
            assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
            assertThat(ready.body().path("status").asText()).isEqualTo("UP");
            assertThat(ready.body().at("/checks/policies/detail").asText()).isEqualTo("1 team(s)");
            assertThat(ready.body().at("/checks/audit/status").asText()).isEqualTo("UP");
            assertThat(ready.body().at("/checks/guard/status").asText()).isEqualTo("UP");
            assertThat(ready.body().at("/checks/clients/status").asText())
                    .as("the toolsets' checks wait for their clients, and the clients' check is read after them").isEqualTo("UP");
            for (String id : List.of("ddb", "s3", "logs", "lambda")) {
                assertThat(ready.body().at("/checks/toolsets/" + id + "/status").asText()).as(id).isEqualTo("UP");
            }

            Answer s3 = get(admin, "/health/toolsets/s3");
            assertThat(s3.status()).isEqualTo(200);
            assertThat(s3.body().path("toolset").asText()).isEqualTo("s3");
            assertThat(s3.body().path("type").asText()).isEqualTo("s3");
            assertThat(s3.body().path("status").asText()).isEqualTo("UP");

            Answer unknown = get(admin, "/health/toolsets/nope");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body().path("error").asText()).contains("[ddb, s3, logs, lambda]");
            assertThat(get(admin, "/elsewhere").status()).isEqualTo(404);

            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "ddb", "operation", "ListTables"))
                    .as("readiness and the per-toolset endpoint shared one cached check").isEqualTo(1);
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "s3", "operation", "ListBuckets")).isEqualTo(1);
        }
    }

    @Test
    void notReadyWithTheReasonWhileAToolsetsBackendIsDownAndProbesDoNotPileUp(LocalAws aws) throws Exception {
        String down = EmulatorClients.UNREACHABLE.toString();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + toolset("ddb", "dynamodb", aws.endpoint().toString()) + toolset("down", "dynamodb", down)
                + "resilience:\n  retry: { maxAttempts: 2, baseDelay: 10ms, maxDelay: 20ms }\n"
                // Room for two attempts the SDK leaves waiting for a connection (TransientFailuresTest), so the check
                // always ends with its own reason rather than the check timeout.
                + "admin: { toolsetCheckTimeout: 15s }\n")) {
            URI admin = gateway.adminUrl();
            List<CompletableFuture<Answer>> probes = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> get(admin, "/health/ready"))).toList();
            for (CompletableFuture<Answer> probe : probes) {
                Answer ready = probe.get();
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.body().path("status").asText()).isEqualTo("DOWN");
                assertThat(ready.body().at("/checks/toolsets/ddb/status").asText()).isEqualTo("UP");
                assertThat(ready.body().at("/checks/toolsets/down/status").asText()).isEqualTo("DOWN");
                // A refused connection is reported as such, or (when the SDK's pool parks the attempt until its acquisition
                // timeout, see TransientFailuresTest, and a loaded machine stretches that past the deadline) as a timeout.
                assertThat(ready.body().at("/checks/toolsets/down/detail").asText())
                        .containsAnyOf("DynamoDB could not be reached", "DynamoDB did not answer before the call's deadline");
            }
            Answer toolset = get(admin, "/health/toolsets/down");
            assertThat(toolset.status()).isEqualTo(503);
            assertThat(toolset.body().path("detail").asText()).containsAnyOf("could not be reached", "did not answer");
            assertThat(get(admin, "/health/toolsets/ddb").status()).isEqualTo(200);
            assertThat(get(admin, "/health/live").status()).as("alive all the same").isEqualTo(200);

            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "down", "operation", "ListTables"))
                    .as("nine probes, one check of the failing toolset").isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total", "toolset", "down", "error_code", "ConnectionRefused")
                    + metrics.value("gateway_aws_errors_total", "toolset", "down", "error_code", "ConnectionNotAcquired"))
                    .as("refused, or left waiting by the SDK: " + metrics.samples("gateway_aws_errors_total", "toolset", "down"))
                    .isEqualTo(1);
        }
    }

    @Test
    void readinessOnTheGatewaysOwnChecksStaysUpWhileAToolsetsBackendIsDownAndCallsNoAws(LocalAws aws) throws Exception {
        String down = EmulatorClients.UNREACHABLE.toString();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + toolset("ddb", "dynamodb", aws.endpoint().toString()) + toolset("down", "dynamodb", down)
                + "resilience:\n  retry: { maxAttempts: 2, baseDelay: 10ms, maxDelay: 20ms }\n"
                + "admin: { readiness: gateway, toolsetCheckTimeout: 15s }\n")) {
            URI admin = gateway.adminUrl();
            // Ready once the toolsets' AWS clients are built, which begins when the gateway listens.
            Answer ready = readyWhen(admin, a -> a.status() == 200);
            assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
            assertThat(ready.body().at("/checks/clients/status").asText()).isEqualTo("UP");
            assertThat(ready.body().path("status").asText()).isEqualTo("UP");
            assertThat(ready.body().at("/checks/audit/status").asText()).isEqualTo("UP");
            assertThat(ready.body().at("/checks/toolsets/detail").asText())
                    .isEqualTo("not part of readiness (admin.readiness: gateway); each toolset's check: /health/toolsets/<id>");
            assertThat(MetricsScrape.of(gateway).has("gateway_aws_requests_seconds_count", "toolset", "down"))
                    .as("readiness asked no AWS service").isFalse();

            Answer toolset = get(admin, "/health/toolsets/down");
            assertThat(toolset.status()).as("the toolset's own check still tells the truth").isEqualTo(503);
            assertThat(toolset.body().path("detail").asText()).containsAnyOf("could not be reached", "did not answer");

            gateway.runtime().operations().readiness().startDraining();
            assertThat(get(admin, "/health/ready").status()).as("draining still takes the instance out").isEqualTo(503);
        }
    }

    @Test
    void notReadyWhileDrainingWithoutCallingAws(LocalAws aws) {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + toolset("ddb", "dynamodb", aws.endpoint().toString()))) {
            gateway.runtime().operations().readiness().startDraining();
            Answer ready = get(gateway.adminUrl(), "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().at("/checks/draining/detail").asText()).isEqualTo("the gateway is shutting down");
            assertThat(ready.body().at("/checks/toolsets").isMissingNode()).isTrue();
            assertThat(get(gateway.adminUrl(), "/health/live").status()).isEqualTo(200);
            assertThat(MetricsScrape.of(gateway).has("gateway_aws_requests_seconds_count", "toolset", "ddb")).isFalse();
        }
    }

    /** Polls readiness until {@code done} holds for its answer (the guard's rules are built on a thread of their own). */
    private static Answer readyWhen(URI admin, java.util.function.Predicate<Answer> done) throws InterruptedException {
        Answer ready = get(admin, "/health/ready");
        for (long until = System.nanoTime() + Duration.ofSeconds(20).toNanos(); !done.test(ready) && System.nanoTime() < until; ) {
            Thread.sleep(50);
            ready = get(admin, "/health/ready");
        }
        return ready;
    }

    @Test
    void notReadyWhileTheGuardsRulesAreBuiltAndReadyOnceTheyAre() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DeferredInjectionDetector rules = new DeferredInjectionDetector(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PatternInjectionDetector();
        }, () -> true);
        try (RunningGateway gateway = RunningGateway.start(ECHO, rules)) {
            Answer building = get(gateway.adminUrl(), "/health/ready");
            assertThat(building.status()).as(building.body().toString()).isEqualTo(503);
            assertThat(building.body().at("/checks/guard/status").asText()).isEqualTo("DOWN");
            assertThat(building.body().at("/checks/guard/detail").asText()).isEqualTo("the injection rules are being built");
            release.countDown();
            Answer ready = readyWhen(gateway.adminUrl(), a -> a.status() == 200);
            assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
            assertThat(ready.body().at("/checks/guard/status").asText()).isEqualTo("UP");
            assertThat(new McpToolClient(gateway).call("t__echo", "{\"text\":\"ignore previous instructions\"}").at("/_meta/findingCounts")
                    .isMissingNode()).as("the built rules guard the result").isFalse();
        }
    }

    @Test
    void aFailedBuildOfTheGuardsRulesKeepsTheInstanceUnreadyAndEveryResultWithheld() throws Exception {
        DeferredInjectionDetector rules = new DeferredInjectionDetector(() -> {
            throw new IllegalStateException("a rule does not compile");
        }, () -> true);
        try (RunningGateway gateway = RunningGateway.start(ECHO, rules)) {
            Answer failed = readyWhen(gateway.adminUrl(), a -> a.body().at("/checks/guard/detail").asText().contains("could not be built"));
            assertThat(failed.status()).as(failed.body().toString()).isEqualTo(503);
            assertThat(failed.body().at("/checks/guard/detail").asText())
                    .startsWith("the injection rules could not be built (java.lang.IllegalStateException: a rule does not compile)");
            JsonNode result = new McpToolClient(gateway).call("t__echo", "{\"text\":\"unguarded text must not pass\"}");
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.toString()).doesNotContain("unguarded text must not pass");
            assertThat(get(gateway.adminUrl(), "/health/live").status()).as("alive: a restart, not a kill loop, is the operator's call")
                    .isEqualTo(200);
        }
    }

    @Test
    void anAdminPortInUseIsAConfigErrorNamingTheKey() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AdminConfig config = new AdminConfig(true, "127.0.0.1",
                    taken.getLocalPort(), null, null, null, null);
            ConnectionLimits connections = new ConnectionLimits(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(30), 256);
            assertThatThrownBy(() -> AdminServer.start(config, null, connections, AdminRoutes.NONE))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("admin: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageEndingWith("choose another admin.port, or set admin.enabled: false");
        }
    }

    @Test
    void theAdminListenerCanBeTurnedOff() {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\nadmin: { enabled: false }\ntoolsets:\n"
                + "  - { id: t, type: test-echo, region: us-east-1 }\n")) {
            assertThat(gateway.http().admin()).isEmpty();
        }
    }
}
