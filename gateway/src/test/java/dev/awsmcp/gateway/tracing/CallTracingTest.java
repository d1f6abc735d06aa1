package dev.awsmcp.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.awsmcp.gateway.config.TracingConfig;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.OtlpReceiver;
import dev.awsmcp.gateway.testing.OtlpReceiver.ReceivedSpan;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tracing of tool calls through the real gateway in this JVM, its spans received over OTLP/HTTP: the call's span under
 * the caller's {@code traceparent} with the policy, gate, STS, AWS attempt, guard and audit spans beneath. Moto never
 * throttles, so DynamoDB here is a narrow fake at the HTTP boundary that speaks DynamoDB's JSON protocol and throttles
 * the first two ListTables attempts; STS is moto's. The gateway is closed before the spans are read, which exports them.
 */
@ExtendWith(LocalAwsExtension.class)
class CallTracingTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/mcp-ddb-readonly";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    private final OtlpReceiver receiver = new OtlpReceiver();
    private final AtomicInteger listTables = new AtomicInteger();
    private HttpServer dynamoDb;

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    @BeforeEach
    void startThrottlingDynamoDb() throws Exception {
        dynamoDb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dynamoDb.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                int n = listTables.incrementAndGet();
                boolean throttled = n <= 2;
                byte[] body = (throttled ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}"
                        : "{\"TableNames\":[\"orders\"]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().set("x-amzn-RequestId", (throttled ? "throttled-" : "answered-") + n);
                exchange.sendResponseHeaders(throttled ? 400 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        dynamoDb.start();
    }

    @AfterEach
    void stop() {
        dynamoDb.stop(0);
        receiver.close();
    }

    private RunningGateway gateway(LocalAws aws) {
        URI ddb = URI.create("http://127.0.0.1:" + dynamoDb.getAddress().getPort());
        return RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "toolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + ddb + "\", roleArn: \"" + ROLE + "\" }\n"
                + "sts: { region: us-east-1, endpoint: \"" + aws.endpoint() + "\" }\n"
                + "resilience:\n  retry: { maxAttempts: 3, baseDelay: 10ms, maxDelay: 50ms }\n  cache: { enabled: false }\n"
                + "tracing: { enabled: true, serviceName: gateway-under-test, otlp: { endpoint: \"" + receiver.endpoint() + "\" } }\n");
    }

    @Test
    void aCallIsOneSpanUnderTheCallersTraceWithItsStagesStsAndEachAwsAttemptBeneath(LocalAws aws) throws Exception {
        String traceParent = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01";
        Run run = listTables(aws, traceParent, 2);
        JsonNode first = run.results().get(0);
        JsonNode second = run.results().get(1);
        assertThat(first.path("isError").asBoolean()).as(first.toString()).isFalse();
        List<ReceivedSpan> trace = receiver.trace(TRACE_ID);
        List<ReceivedSpan> calls = trace.stream().filter(s -> s.name().equals("tools/call ddb__list_tables"))
                .sorted(java.util.Comparator.comparingLong(ReceivedSpan::startNanos)).toList();
        assertThat(calls).as("one span per call: %s", trace).hasSize(2);
        ReceivedSpan call = calls.get(0);
        JsonNode record = run.records().stream().filter(r -> r.path("correlation_id").asText().equals(first.at("/_meta/correlationId").asText()))
                .findFirst().orElseThrow();
        assertThat(call.parentSpanId()).as("a child of the caller's span").isEqualTo(CLIENT_SPAN);
        assertThat(call.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(call.attributes()).containsEntry("gen_ai.tool.name", "ddb__list_tables").containsEntry("mcp.method.name", "tools/call")
                .containsEntry("gateway.correlation_id", record.path("correlation_id").asText()).containsEntry("gateway.team", "test")
                .containsEntry("gateway.toolset", "ddb").containsEntry("gateway.outcome", "success");
        assertThat(call.resource()).containsEntry("service.name", "gateway-under-test");
        assertThat(record.path("trace_parent").asText()).isEqualTo(traceParent);

        List<ReceivedSpan> stages = call.children(trace);
        assertThat(stages).extracting(ReceivedSpan::name).containsExactly("policy", "gate", "sts.assume_role",
                "DynamoDb.ListTables", "DynamoDb.ListTables", "DynamoDb.ListTables", "guard", "audit");
        ReceivedSpan sts = stages.get(2);
        assertThat(sts.attributes()).containsEntry("gateway.role_arn", ROLE).containsEntry("gateway.team", "test");
        assertThat(sts.children(trace)).as("the AssumeRole request under the role assumption").singleElement()
                .satisfies(attempt -> assertThat(attempt.attributes()).containsEntry("rpc.method", "AssumeRole")
                        .containsEntry("http.response.status_code", "200"));
        List<ReceivedSpan> attempts = stages.subList(3, 6);
        assertThat(attempts).allSatisfy(a -> assertThat(a.attributes()).containsEntry("rpc.system", "aws-api")
                .containsEntry("rpc.service", "DynamoDb").containsEntry("rpc.method", "ListTables").containsEntry("cloud.region", "us-east-1"));
        assertThat(attempts).extracting(a -> a.attribute("http.response.status_code").orElse(""), ReceivedSpan::status,
                        a -> a.attribute("http.request.resend_count").orElse("-"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("400", "STATUS_CODE_ERROR", "-"),
                        org.assertj.core.groups.Tuple.tuple("400", "STATUS_CODE_ERROR", "1"),
                        org.assertj.core.groups.Tuple.tuple("200", "STATUS_CODE_UNSET", "2"));
        assertThat(attempts).extracting(a -> a.attribute("aws.request_id").orElseThrow())
                .as("the attempts' request ids are the audit record's").containsExactly("throttled-1", "throttled-2", "answered-3")
                .containsExactlyElementsOf(textValues(record.path("aws_request_ids")));

        assertThat(second.path("isError").asBoolean()).isFalse();
        assertThat(calls.get(1).children(trace)).extracting(ReceivedSpan::name).as("the role's session is cached: no STS")
                .containsExactly("policy", "gate", "DynamoDb.ListTables", "guard", "audit");
    }

    @Test
    void aTraceTheCallerDoesNotSampleIsNotRecordedButItsContextIsAudited(LocalAws aws) throws Exception {
        String unsampled = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-00";
        Run run = listTables(aws, unsampled, 1);

        assertThat(run.results().get(0).path("isError").asBoolean()).isFalse();
        assertThat(receiver.spans()).as("nothing of the call, nor of its STS or AWS requests").isEmpty();
        assertThat(run.records()).singleElement().satisfies(record -> assertThat(record.path("trace_parent").asText()).isEqualTo(unsampled));
    }

    @Test
    void tracingThatIsNotEnabledBuildsNoSdkAndStartsNoSpan() {
        Tracing off = Tracing.create(new TracingConfig(null, null, null, null));
        assertThat(off).isSameAs(Tracing.OFF);
        assertThat(off.enabled()).isFalse();
        assertThat(off.awsInterceptors()).isEmpty();
        assertThat(off.calls().start("t__echo", "t", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01", "c-1")).isSameAs(CallSpan.NONE);
        assertThat(off.tracer().spanBuilder("x").startSpan().isRecording()).isFalse();
    }

    /** The results of {@code times} calls of ddb__list_tables in one session, and their audit records. */
    private record Run(List<JsonNode> results, List<JsonNode> records) {
    }

    /** Makes {@code times} calls with {@code traceParent} on a gateway of its own, then closes it, which exports its spans. */
    private Run listTables(LocalAws aws, String traceParent, int times) throws Exception {
        try (RunningGateway gateway = gateway(aws)) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            List<JsonNode> results = new java.util.ArrayList<>();
            for (int id = 2; id < 2 + times; id++) {
                results.add(result(http.post(McpHttp.toolsCall(id, "ddb__list_tables", "{}"), "Mcp-Session-Id", session,
                        "traceparent", traceParent)));
            }
            List<JsonNode> records = Files.readAllLines(gateway.auditFile()).stream().map(CallTracingTest::parse)
                    .filter(r -> r.path("type").asText().equals("tool_call")).toList();
            return new Run(results, records);
        }
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode result(java.net.http.HttpResponse<String> response) throws java.io.IOException {
        return McpHttp.response(response.body()).path("result");
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
