package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Resources, prompts and completions through a real gateway (DynamoDB and S3 toolsets on moto) and the
 * SDK's Java client, for a caller granted part of the data: what it reads goes through its policy, the
 * guard and the audit trail like a tool call, and what it may not see reads as not found.
 */
@ExtendWith(LocalAwsExtension.class)
class ResourcesPromptsCompletionsTest {

    private static RunningGateway gateway;
    private McpSyncClient client;

    @BeforeAll
    static void start(LocalAws aws) throws Exception {
        EmulatorClients.useEmulatorCredentials();
        try (DynamoDbAsyncClient ddb = EmulatorClients.dynamoDb(aws); S3AsyncClient s3 = EmulatorClients.s3(aws)) {
            for (String table : List.of("orders", "order-audit", "payroll")) {
                ddb.createTable(b -> b.tableName(table).keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .billingMode("PAY_PER_REQUEST")).join();
            }
            for (String bucket : List.of("runbooks", "secrets")) {
                s3.createBucket(b -> b.bucket(bucket)).join();
            }
            s3.putObject(b -> b.bucket("runbooks").key("payments/refunds.md"),
                    AsyncRequestBody.fromString("# Refunds\nRestart the refund worker.")).join();
            s3.putObject(b -> b.bucket("secrets").key("root.txt"), AsyncRequestBody.fromString("nope")).join();
        }
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("test.yaml"), """
                team: test
                members: [ { apiKey: test } ]
                toolsets:
                  ddb: { tools: ["*"], resources: ["order*"] }
                  s3: { tools: ["*"], resources: ["runbooks", "runbooks/*"] }
                """);
        Files.writeString(policies.resolve("other.yaml"), """
                team: other
                members: [ { apiKey: other } ]
                toolsets:
                  s3: { tools: [list_buckets], resources: ["*"] }
                """);
        gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + aws.endpoint() + "\" }\n"
                + "  - { id: s3, type: s3, region: us-east-1, endpoint: \"" + aws.endpoint() + "\" }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private McpSyncClient connect(String key) {
        client = gateway.client(key).build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.ReadResourceResult result) {
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }

    @Test
    void whoamiShowsTheCallersOwnTeamsToolsAndGrants() throws Exception {
        McpSyncClient client = connect(RunningGateway.TEST_KEY);
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).containsExactly("gateway://whoami");

        JsonNode me = Json.mapper().readTree(text(client.readResource(new McpSchema.ReadResourceRequest("gateway://whoami"))));

        assertThat(me.path("principal").asText()).isEqualTo("apikey:test");
        assertThat(me.path("teams")).extracting(JsonNode::asText).containsExactly("test");
        assertThat(me.path("tools").toString()).contains("ddb__query", "s3__get_object").doesNotContain("put_item");
        assertThat(me.at("/grants/0/toolsets/s3/resources").toString()).isEqualTo("[\"runbooks\",\"runbooks/*\"]");
        assertThat(me.toString()).doesNotContain("other");
    }

    @Test
    void usageNotesListTheToolsTheCallerMayUseAndHideToolsetsItCannot() {
        McpSyncClient client = connect(RunningGateway.TEST_KEY);
        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("gateway://toolsets/{toolset}/usage", "s3://{bucket}/{key}");

        String usage = text(client.readResource(new McpSchema.ReadResourceRequest("gateway://toolsets/ddb/usage")));

        assertThat(usage).startsWith("# DynamoDB (toolset ddb)").contains("## Tools you may use", "`ddb__query` (read)")
                .doesNotContain("ddb__put_item");
        McpSyncClient other = gateway.client(RunningGateway.OTHER_KEY).build();
        other.initialize();
        try {
            assertThat(other.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                    .as("s3://{bucket}/{key} reads through get_object, which this caller may not call")
                    .containsExactly("gateway://toolsets/{toolset}/usage");
            assertThat(other.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactly("investigate_incident");
            assertThatThrownBy(() -> other.readResource(new McpSchema.ReadResourceRequest("gateway://toolsets/ddb/usage")))
                    .isInstanceOf(McpError.class).hasMessageContaining("Resource not found");
            assertThatThrownBy(() -> other.getPrompt(new McpSchema.GetPromptRequest("ddb__query_helper",
                    Map.of("table", "orders", "goal", "x")))).isInstanceOf(McpError.class).hasMessageContaining("Prompt not found");
            assertThat(other.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference("ddb__query_helper"),
                    new McpSchema.CompleteRequest.CompleteArgument("table", ""))).completion().values()).isEmpty();
        } finally {
            other.closeGracefully();
        }
    }

    @Test
    void objectResourceIsReadThroughPolicyGuardAndAudit() throws Exception {
        McpSyncClient client = connect(RunningGateway.TEST_KEY);

        McpSchema.ReadResourceResult result = client.readResource(new McpSchema.ReadResourceRequest("s3://runbooks/payments%2Frefunds.md"));

        assertThat(text(result)).contains("<untrusted-data boundary=").contains("Restart the refund worker.");
        assertThat(result.meta()).containsKey("untrusted");
        assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest("s3://secrets/root.txt")))
                .isInstanceOf(McpError.class).hasMessageContaining("denied by policy");
        List<JsonNode> calls = AuditFiles.records(gateway.auditFile(), "tool_call");
        assertThat(calls).extracting(r -> r.path("tool").asText() + " " + r.path("decision").asText())
                .contains("s3__get_object allowed", "s3__get_object denied");
    }

    @Test
    void promptsAreWrittenForTheToolsTheCallerMayUse() {
        McpSyncClient client = connect(RunningGateway.TEST_KEY);
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).contains("investigate_incident", "ddb__query_helper");

        McpSchema.GetPromptResult investigate = client.getPrompt(new McpSchema.GetPromptRequest("investigate_incident",
                Map.of("service", "checkout", "symptom", "5xx on card payments")));
        String text = ((McpSchema.TextContent) investigate.messages().get(0).content()).text();
        assertThat(text).contains("Service: checkout", "5xx on card payments", "- ddb: ddb__list_tables", "s3__get_object",
                        "1. Check alarms first")
                .doesNotContain("put_item");

        McpSchema.GetPromptResult helper = client.getPrompt(new McpSchema.GetPromptRequest("ddb__query_helper",
                Map.of("table", "orders", "goal", "orders of customer 42")));
        assertThat(((McpSchema.TextContent) helper.messages().get(0).content()).text())
                .contains("`orders`: orders of customer 42", "ddb__describe_table", "ddb__query");
        assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("ddb__query_helper", Map.of("table", "orders"))))
                .isInstanceOf(McpError.class).hasMessageContaining("needs the argument 'goal'");
    }

    @Test
    void completionsOfferOnlyWhatTheCallerMaySee() {
        McpSyncClient client = connect(RunningGateway.TEST_KEY);

        McpSchema.CompleteResult tables = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("ddb__query_helper"), new McpSchema.CompleteRequest.CompleteArgument("table", "ord")));
        McpSchema.CompleteResult buckets = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("s3://{bucket}/{key}"), new McpSchema.CompleteRequest.CompleteArgument("bucket", "")));
        McpSchema.CompleteResult keys = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("s3://{bucket}/{key}"), new McpSchema.CompleteRequest.CompleteArgument("key", "pay"),
                new McpSchema.CompleteRequest.CompleteContext(Map.of("bucket", "runbooks"))));
        McpSchema.CompleteResult toolsets = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("gateway://toolsets/{toolset}/usage"),
                new McpSchema.CompleteRequest.CompleteArgument("toolset", "")));

        assertThat(tables.completion().values()).containsExactly("order-audit", "orders");
        assertThat(buckets.completion().values()).containsExactly("runbooks");
        assertThat(keys.completion().values()).containsExactly("payments/refunds.md");
        assertThat(toolsets.completion().values()).containsExactly("ddb", "s3");
    }
}
