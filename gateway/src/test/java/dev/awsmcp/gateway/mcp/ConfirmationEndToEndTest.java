package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A team policy with {@code confirm: [write]}, through a real gateway (DynamoDB on moto) and the SDK's
 * Java client: a write runs only after the person accepts in an elicitation form that shows the call;
 * declined or unanswerable (no elicitation support) writes never reach AWS; reads ask nothing; every
 * answer is in the audit record.
 */
@ExtendWith(LocalAwsExtension.class)
class ConfirmationEndToEndTest {

    private static RunningGateway gateway;

    @BeforeAll
    static void start(LocalAws aws) throws Exception {
        EmulatorClients.useEmulatorCredentials();
        try (DynamoDbAsyncClient ddb = EmulatorClients.dynamoDb(aws)) {
            ddb.createTable(b -> b.tableName("refunds").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST")).join();
        }
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("test.yaml"), """
                team: test
                members: [ { apiKey: test } ]
                toolsets:
                  ddb: { tools: ["*"], access: [read, write], resources: ["refunds"] }
                confirm: [write]
                """);
        gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, access: [read, write], endpoint: \"" + aws.endpoint() + "\" }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static McpSyncClient eliciting(Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> person) {
        McpSyncClient client = gateway.client().capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(person).build();
        client.initialize();
        return client;
    }

    private static CallToolResult put(McpSyncClient client, String id) {
        return client.callTool(new McpSchema.CallToolRequest("ddb__put_item", Map.of("table", "refunds", "item", Map.of("id", id, "amount", 120))));
    }

    private static boolean stored(McpSyncClient client, String id) {
        CallToolResult read = client.callTool(new McpSchema.CallToolRequest("ddb__get_item", Map.of("table", "refunds", "key", Map.of("id", id))));
        return ((Map<?, ?>) read.structuredContent()).get("item") != null;
    }

    private static JsonNode record(String correlationId) {
        return AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(correlationId)).findFirst().orElseThrow();
    }

    private static String correlationId(CallToolResult result) {
        return String.valueOf(result.meta().get("correlationId"));
    }

    @Test
    void acceptedWriteRunsAfterThePersonSawTheCall() {
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        McpSyncClient client = eliciting(request -> {
            asked.add(request);
            return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true));
        });
        try {
            CallToolResult result = put(client, "r-1");

            assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
            assertThat(stored(client, "r-1")).isTrue();
            assertThat(asked).as("reads ask nothing").singleElement().satisfies(request -> {
                assertThat(request.message()).contains("Confirm write call ddb__put_item", "Resources: ", "refunds",
                        "\"amount\":120", "Arguments SHA-256: ", "team test requires confirmation of write calls");
                assertThat(request.requestedSchema().get("required")).isEqualTo(List.of("confirm"));
            });
            assertThat(record(correlationId(result)).path("confirmation").asText()).isEqualTo("accepted");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void declinedWriteNeverReachesAws() {
        McpSyncClient client = eliciting(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null));
        try {
            CallToolResult result = put(client, "r-2");

            assertThat(result.isError()).isTrue();
            assertThat(result.meta().get("errorKind")).isEqualTo("CONFIRMATION_DECLINED");
            assertThat(stored(client, "r-2")).isFalse();
            JsonNode record = record(correlationId(result));
            assertThat(record.path("confirmation").asText()).isEqualTo("declined");
            assertThat(record.path("outcome").asText()).isEqualTo("refused");
            assertThat(record.path("aws_request_ids")).isEmpty();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void unconfirmedAcceptIsADecline() {
        McpSyncClient client = eliciting(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", false)));
        try {
            CallToolResult result = put(client, "r-3");

            assertThat(result.meta().get("errorKind")).isEqualTo("CONFIRMATION_DECLINED");
            assertThat(stored(client, "r-3")).isFalse();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void clientThatCannotElicitIsRefusedWithTheReason() {
        McpSyncClient client = gateway.client().build();
        client.initialize();
        try {
            CallToolResult result = put(client, "r-4");

            assertThat(result.isError()).isTrue();
            assertThat(result.meta().get("errorKind")).isEqualTo("CONFIRMATION_REQUIRED");
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("does not support MCP elicitation");
            assertThat(stored(client, "r-4")).isFalse();
            assertThat(record(correlationId(result)).path("confirmation").asText()).isEqualTo("unsupported");
        } finally {
            client.closeGracefully();
        }
    }
}
