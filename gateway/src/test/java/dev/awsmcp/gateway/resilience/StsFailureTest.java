package dev.awsmcp.gateway.resilience;

import static dev.awsmcp.gateway.resilience.FaultInjectionTest.lastRecord;
import static dev.awsmcp.gateway.resilience.FaultInjectionTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * STS failures through the real gateway: the call is a clear tool error naming the role, the toolset
 * never runs, and the audit record and the metrics say what happened. Moto's STS never refuses, so AccessDenied and
 * throttling are injected at the SDK boundary, for AssumeRole only.
 */
@ExtendWith(LocalAwsExtension.class)
class StsFailureTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/mcp-ddb-readonly";

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    /** Fails every AssumeRole with {@code code}; counts AssumeRole attempts and every other request. */
    static final class StsRefusal implements ExecutionInterceptor {
        final AtomicInteger assumeRoleAttempts = new AtomicInteger();
        final AtomicInteger otherRequests = new AtomicInteger();
        private final int status;
        private final String code;

        StsRefusal(int status, String code) {
            this.status = status;
            this.code = code;
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof AssumeRoleRequest)) {
                otherRequests.incrementAndGet();
                return context.httpResponse();
            }
            assumeRoleAttempts.incrementAndGet();
            throw AwsServiceException.builder().statusCode(status).message("injected " + code)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("injected " + code).serviceName("Sts").build())
                    .build();
        }
    }

    private static String config(LocalAws aws, String stsEndpoint) {
        return "server: { host: 127.0.0.1 }\ntoolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + aws.endpoint()
                + "\", roleArn: \"" + ROLE + "\" }\nsts: { region: us-east-1, endpoint: \"" + stsEndpoint + "\" }\n"
                + "resilience:\n  retry: { maxAttempts: 3, baseDelay: 10ms, maxDelay: 50ms }\n  cache: { enabled: false }\n";
    }

    @Test
    void accessDeniedByStsIsAToolErrorNamingTheRoleAndTheTrustPolicyFix(LocalAws aws) throws Exception {
        StsRefusal refusal = new StsRefusal(403, "AccessDenied");
        try (RunningGateway gateway = RunningGateway.start(config(aws, aws.endpoint().toString()), List.of(refusal))) {
            JsonNode result = new McpToolClient(gateway).call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).startsWith("cannot assume role " + ROLE + " for team test: AccessDenied")
                    .contains("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession");
            assertThat(refusal.assumeRoleAttempts).as("an access denial is not retried").hasValue(1);
            assertThat(refusal.otherRequests).as("the toolset never ran").hasValue(0);
            JsonNode record = lastRecord(gateway);
            assertThat(record.path("outcome").asText()).isEqualTo("tool_error");
            assertThat(record.path("error_kind").asText()).isEqualTo("ACCESS_DENIED");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_errors_total", "toolset", "sts", "service", "Sts", "operation", "AssumeRole",
                    "error_code", "AccessDenied")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_retries_total", "operation", "AssumeRole")).isZero();
            assertThat(metrics.has("gateway_aws_requests_seconds_count", "toolset", "ddb")).as("the toolset never ran").isFalse();
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "ACCESS_DENIED")).isEqualTo(1);
        }
    }

    @Test
    void throttledStsIsRetriedThenReportedAsThrottled(LocalAws aws) throws Exception {
        StsRefusal refusal = new StsRefusal(400, "Throttling");
        try (RunningGateway gateway = RunningGateway.start(config(aws, aws.endpoint().toString()), List.of(refusal))) {
            JsonNode result = new McpToolClient(gateway).call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).contains("cannot assume role " + ROLE).contains("Throttling");
            assertThat(refusal.assumeRoleAttempts).as("retried like any throttled request").hasValue(3);
            assertThat(lastRecord(gateway).path("error_kind").asText()).isEqualTo("THROTTLED");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_throttled_total", "service", "Sts", "error_code", "Throttling")).isEqualTo(3);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "sts", "operation", "AssumeRole")).isEqualTo(2);
            assertThat(metrics.value("gateway_aws_retries_stopped_total", "service", "Sts", "reason", "attempts")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "THROTTLED")).isEqualTo(1);
        }
    }

    @Test
    void unreachableStsIsAnUpstreamErrorAndTheGatewayKeepsServing(LocalAws aws) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningGateway gateway = RunningGateway.start(config(aws, "http://127.0.0.1:" + closedPort), List.of())) {
            McpToolClient client = new McpToolClient(gateway);
            JsonNode result = client.call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).contains("cannot assume role " + ROLE).contains("STS could not be reached");
            assertThat(lastRecord(gateway).path("error_kind").asText()).isEqualTo("UPSTREAM");
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).as("still answers").isTrue();
            MetricsScrape.awaiting(gateway, 2, "gateway_aws_errors_total", "toolset", "sts", "operation", "AssumeRole");
            MetricsScrape metrics = MetricsScrape.awaiting(gateway, 4, "gateway_aws_retries_total", "toolset", "sts",
                    "operation", "AssumeRole");
            assertThat(metrics.value("gateway_aws_errors_total", "toolset", "sts", "operation", "AssumeRole", "error_code",
                    "ConnectionRefused")).as("each call tried STS again").isEqualTo(2);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "sts", "operation", "AssumeRole"))
                    .as("a refused connection is retried").isEqualTo(4);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "UPSTREAM")).isEqualTo(2);
        }
    }
}
