package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.awsmcp.gateway.testing.DemoProcess;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.ModernHttp;
import dev.awsmcp.gateway.testing.OtlpReceiver;
import dev.awsmcp.gateway.testing.OtlpReceiver.ReceivedSpan;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing end to end: the jar's demo (moto for DynamoDB and STS, the toolsets' roles assumed per team) with
 * {@code tracing.enabled} exports to an OTLP/HTTP receiver in this test, which decodes the protobuf exports. A real MCP
 * client (the Java SDK's, 2025-11-25 with a session) sends the W3C {@code traceparent} header; a 2026-07-28 request
 * carries it in {@code _meta}. Each call is one span in the caller's trace with its stages, STS (first call of the
 * session only) and AWS request attempts beneath, and its audit record carries the trace context.
 */
class TracingIT {

    private static final Map<String, Object> STUCK_ORDERS = Map.of("table", "payments-orders", "index", "status-created_at-index",
            "key_condition", "#s = :s", "expression_attribute_names", Map.of("#s", "status"),
            "expression_attribute_values", Map.of(":s", "PAYMENT_PENDING"), "limit", 5);
    private static final String AGENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String AGENT_SPAN = "b7ad6b7169203331";

    private static OtlpReceiver receiver;
    private static DemoProcess demo;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        receiver = new OtlpReceiver();
        YAMLMapper yaml = new YAMLMapper();
        Path root = ExternalCommand.repositoryRoot();
        ObjectNode config = (ObjectNode) yaml.readTree(root.resolve("config/demo.yaml").toFile());
        ((ObjectNode) config.get("policies")).put("dir", root.resolve("policies").toString()).put("watch", false);
        ObjectNode tracing = config.putObject("tracing").put("enabled", true).put("serviceName", "mcp-gateway-it");
        tracing.putObject("otlp").put("endpoint", receiver.endpoint().toString()).put("compression", "gzip")
                .putObject("headers").put("x-collector-token", "it-token");
        Path file = dir.resolve("demo.yaml");
        yaml.writeValue(file.toFile(), config);
        demo = DemoProcess.start("--config", file.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aClientsCallsAreSpansInItsTraceWithPolicyStsAwsAttemptsGuardAndAuditBeneath() throws Exception {
        String traceParent = "00-" + AGENT_TRACE + "-" + AGENT_SPAN + "-01";
        McpSchema.CallToolResult first;
        McpSchema.CallToolResult second;
        try (McpSyncClient client = client(demo.paymentsKey(), traceParent)) {
            first = client.callTool(new McpSchema.CallToolRequest("ddb__query", STUCK_ORDERS));
            second = client.callTool(new McpSchema.CallToolRequest("ddb__query", Map.of("table", "payments-orders",
                    "key_condition", "order_id = :o", "expression_attribute_values", Map.of(":o", "ord-0001"))));
        }
        assertThat(first.isError()).as(String.valueOf(first)).isFalse();
        assertThat(second.isError()).as(String.valueOf(second)).isFalse();

        List<ReceivedSpan> calls = await(AGENT_TRACE, 2);
        List<ReceivedSpan> trace = receiver.trace(AGENT_TRACE);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.parentSpanId()).as("a child of the agent's span").isEqualTo(AGENT_SPAN);
            assertThat(call.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(call.attributes()).containsEntry("gen_ai.tool.name", "ddb__query").containsEntry("gateway.team", "payments-oncall")
                    .containsEntry("gateway.outcome", "success");
            assertThat(call.resource()).containsEntry("service.name", "mcp-gateway-it");
        });
        ReceivedSpan firstCall = calls.get(0);
        List<ReceivedSpan> stages = firstCall.children(trace);
        assertThat(stages).extracting(ReceivedSpan::name)
                .as("the first call of the session waits for STS").containsExactly("policy", "gate", "sts.assume_role", "DynamoDb.Query", "guard", "audit");
        ReceivedSpan sts = stages.get(2);
        assertThat(sts.attributes()).containsEntry("gateway.role_arn", "arn:aws:iam::123456789012:role/mcp-ddb-readonly");
        assertThat(sts.children(trace)).extracting(ReceivedSpan::name).containsExactly("Sts.AssumeRole");
        ReceivedSpan query = stages.get(3);
        assertThat(query.attributes()).containsEntry("rpc.system", "aws-api").containsEntry("rpc.method", "Query")
                .containsEntry("http.response.status_code", "200").containsKey("aws.request_id");
        assertThat(calls.get(1).children(trace)).extracting(ReceivedSpan::name).as("the session is cached: no STS")
                .containsExactly("policy", "gate", "DynamoDb.Query", "guard", "audit");

        JsonNode record = auditRecord(firstCall.attribute("gateway.correlation_id").orElseThrow());
        assertThat(record.path("trace_parent").asText()).isEqualTo(traceParent);
        assertThat(record.path("aws_request_ids").get(0).asText()).isEqualTo(query.attribute("aws.request_id").orElseThrow());
        assertThat(receiver.exportHeaders()).allSatisfy(headers -> assertThat(headers.get("X-collector-token")).containsExactly("it-token"));
    }

    @Test
    void aModernRequestsTraceContextComesFromItsMeta() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceParent = "00-" + traceId + "-00f067aa0ba902b7-01";
        ObjectNode params = ModernHttp.toolsCall("ddb__describe_table", "{\"table\":\"inventory-stock\"}", "{}");
        ((ObjectNode) params.get("_meta")).put("traceparent", traceParent);
        // The inventory team's key: its role session is its own, whichever test ran first.
        JsonNode answer = ModernHttp.json(new ModernHttp(demo.url(), demo.inventoryKey()).post(7, "tools/call", params)).path("result");
        assertThat(answer.path("isError").asBoolean()).as(answer.toString()).isFalse();

        ReceivedSpan call = await(traceId, 1).get(0);
        assertThat(call.name()).isEqualTo("tools/call ddb__describe_table");
        assertThat(call.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(call.attributes()).containsEntry("gateway.team", "inventory");
        assertThat(call.children(receiver.trace(traceId))).extracting(ReceivedSpan::name)
                .as("describe_table sends its two requests at once").containsExactlyInAnyOrder("policy", "gate", "sts.assume_role",
                        "DynamoDb.DescribeTable", "DynamoDb.DescribeTimeToLive", "guard", "audit");
        assertThat(auditRecord(answer.at("/_meta/correlationId").asText()).path("trace_parent").asText()).isEqualTo(traceParent);
    }

    private static McpSyncClient client(String key, String traceParent) {
        URI url = demo.url();
        String base = url.toString().replace(url.getPath(), "");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint(url.getPath())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key).header("traceparent", traceParent))
                        .build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    /** The {@code count} call spans of trace {@code traceId} in start order, once all arrived (the batch goes every 5 s). */
    private static List<ReceivedSpan> await(String traceId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<ReceivedSpan> trace = receiver.trace(traceId);
            List<ReceivedSpan> calls = trace.stream().filter(s -> s.name().startsWith("tools/call "))
                    .sorted(Comparator.comparingLong(ReceivedSpan::startNanos)).toList();
            boolean complete = calls.size() >= count && calls.stream().allMatch(c -> c.children(trace).stream().anyMatch(s -> s.name().equals("audit")));
            if (complete) {
                return calls;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call spans of trace " + traceId + " not received within 30 s; received: " + receiver.spans()
                        + "\n" + demo.output());
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode auditRecord(String correlationId) throws Exception {
        for (String line : Files.readAllLines(demo.auditFile())) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.path("correlation_id").asText().equals(correlationId)) {
                return record;
            }
        }
        throw new AssertionError("no audit record of " + correlationId + " in " + demo.auditFile());
    }
}
