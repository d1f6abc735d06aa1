package dev.awsmcp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The holes of an independent policy-bypass review, each through a real gateway on moto as two teams with
 * narrow grants (payments: {@code payments-*} tables and {@code /aws/lambda/payments-*} groups; inventory:
 * the {@code inventory-*} ones): what the gateway must refuse itself never reaches AWS (an SDK interceptor
 * counts every request the toolsets send), and a refusal names nothing the caller did not send.
 */
@ExtendWith(LocalAwsExtension.class)
class PolicyBypassEndToEndTest {

    private static final String ACCOUNT = "123456789012";
    private static final String PAYMENTS_GROUP = "/aws/lambda/payments-api";
    private static final String INVENTORY_GROUP = "/aws/lambda/inventory-api";
    private static final ConcurrentMap<String, AtomicInteger> SENT = new ConcurrentHashMap<>();
    private static RunningGateway gateway;
    private static McpSyncClient payments;
    private static McpSyncClient inventory;

    @BeforeAll
    static void start(LocalAws aws) throws Exception {
        EmulatorClients.useEmulatorCredentials();
        seed(aws);
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("payments.yaml"), """
                team: payments
                members: [ { apiKey: test } ]
                toolsets:
                  ddb: { tools: ["*"], resources: ["payments-*"] }
                  logs: { tools: ["*"], resources: ["/aws/lambda/payments-*"] }
                """);
        Files.writeString(policies.resolve("inventory.yaml"), """
                team: inventory
                members: [ { apiKey: other } ]
                toolsets:
                  ddb: { tools: ["*"], resources: ["inventory-*"] }
                  logs: { tools: ["*"], resources: ["/aws/lambda/inventory-*"] }
                """);
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                SENT.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, accountId: \"" + ACCOUNT + "\", endpoint: \"" + aws.endpoint() + "\" }\n"
                + "  - { id: logs, type: logs, region: us-east-1, accountId: \"" + ACCOUNT + "\", endpoint: \"" + aws.endpoint() + "\" }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n", List.of(counter));
        payments = gateway.client(RunningGateway.TEST_KEY).build();
        payments.initialize();
        inventory = gateway.client(RunningGateway.OTHER_KEY).build();
        inventory.initialize();
    }

    private static void seed(LocalAws aws) {
        try (DynamoDbAsyncClient dynamo = EmulatorClients.dynamoDb(aws); CloudWatchLogsAsyncClient logs = EmulatorClients.logs(aws)) {
            for (String table : List.of("payments-orders", "inventory-stock")) {
                dynamo.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))).join();
            }
            for (String group : List.of(PAYMENTS_GROUP, INVENTORY_GROUP)) {
                logs.createLogGroup(b -> b.logGroupName(group)).join();
                logs.createLogStream(b -> b.logGroupName(group).logStreamName("s")).join();
                logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                        .logEvents(e -> e.timestamp(Instant.now().toEpochMilli()).message("ERROR in " + group))).join();
            }
        }
    }

    @AfterAll
    static void stop() {
        payments.closeGracefully();
        inventory.closeGracefully();
        gateway.close();
    }

    @BeforeEach
    void forgetRequests() {
        SENT.clear();
    }

    @Test
    void insightsQueryNamingOtherGroupsInItsTextIsRefusedBeforeAws() {
        for (String query : List.of("SOURCE '" + INVENTORY_GROUP + "' | fields @message",
                "SOURCE logGroups(namePrefix: ['/aws/lambda/inventory']) | fields @message",
                "fields @message | filter @message in (SOURCE \"" + INVENTORY_GROUP + "\" | fields @message)",
                "fields @message | join type=inner left=a right=b where a.x=b.x (SOURCE '" + INVENTORY_GROUP + "')")) {
            CallToolResult refused = call(payments, "logs__run_insights_query", Map.of("log_groups", List.of(PAYMENTS_GROUP),
                    "query", query, "start", "-1h", "end", "now"));

            assertThat(kind(refused)).as(query).isEqualTo("INVALID_ARGUMENT");
            assertThat(text(refused)).contains("outside log_groups");
            assertThat(audit(refused).path("decision").asText()).isEqualTo("refused");
        }
        assertThat(SENT).as("no query started").doesNotContainKey("StartQuery");

        CallToolResult own = call(payments, "logs__run_insights_query", Map.of("log_groups", List.of(PAYMENTS_GROUP),
                "query", "fields @message | filter source = 'x' or @message like /ERROR/ | limit 5", "start", "-1h", "end", "now"));
        assertThat(own.isError()).as(text(own)).isFalse();
        assertThat(SENT.get("StartQuery")).hasValue(1);
    }

    @Test
    void anotherTeamsQueryIdIsDeniedWithoutNamingItsLogGroup() {
        CallToolResult started = call(payments, "logs__run_insights_query", Map.of("log_groups", List.of(PAYMENTS_GROUP),
                "query", "fields @message | limit 5", "start", "-1h", "end", "now"));
        String queryId = String.valueOf(((Map<?, ?>) started.structuredContent()).get("query_id"));
        SENT.clear();

        CallToolResult denied = call(inventory, "logs__get_insights_results", Map.of("query_id", queryId));

        assertThat(kind(denied)).isEqualTo("ACCESS_DENIED");
        assertThat(text(denied)).contains("derived from its arguments, not named in them").doesNotContain("payments");
        assertThat(audit(denied).path("decision_reason").asText()).as("the operator sees which group").contains(PAYMENTS_GROUP);
        assertThat(SENT).doesNotContainKey("GetQueryResults");
        assertThat(call(payments, "logs__get_insights_results", Map.of("query_id", queryId)).isError()).isFalse();
    }

    @Test
    void partiqlCommentEndingAtCarriageReturnCannotHideTheTableRead() {
        CallToolResult hidden = call(payments, "ddb__execute_partiql",
                Map.of("statement", "SELECT * FROM --\r\"inventory-stock\" --\n\"payments-orders\""));
        CallToolResult named = call(payments, "ddb__execute_partiql", Map.of("statement", "SELECT * FROM --\r\"inventory-stock\"\n"));
        CallToolResult separator = call(payments, "ddb__execute_partiql",
                Map.of("statement", "SELECT * FROM --\u2028\"inventory-stock\"\n\"payments-orders\""));

        assertThat(hidden.isError()).as(text(hidden)).isTrue();
        assertThat(kind(named)).isEqualTo("ACCESS_DENIED");
        assertThat(text(named)).contains("inventory-stock");
        assertThat(kind(separator)).isEqualTo("INVALID_ARGUMENT");
        assertThat(text(separator)).contains("U+2028");
        assertThat(SENT).as("no statement reached DynamoDB").doesNotContainKey("ExecuteStatement");
        assertThat(call(payments, "ddb__execute_partiql", Map.of("statement", "SELECT * FROM \"payments-orders\"")).isError()).isFalse();
    }

    @Test
    void blankIdentifiersAreRefusedBeforeAws() {
        List<CallToolResult> refused = List.of(
                call(payments, "ddb__describe_table", Map.of("table", "   ")),
                call(payments, "ddb__describe_table", Map.of("table", "\u2003")),
                call(payments, "ddb__get_item", Map.of("table", "\u00A0", "key", Map.of("id", "1"))),
                call(payments, "logs__filter_log_events", Map.of("log_group", " ", "start", "-1h")),
                call(payments, "logs__run_insights_query", Map.of("log_groups", List.of(PAYMENTS_GROUP, "  "),
                        "query", "fields @message", "start", "-1h", "end", "now")),
                call(payments, "logs__run_insights_query", Map.of("log_groups", List.of(PAYMENTS_GROUP, ""),
                        "query", "fields @message", "start", "-1h", "end", "now")));

        for (CallToolResult result : refused) {
            assertThat(kind(result)).as(text(result)).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(SENT).as("nothing reached AWS").isEmpty();
    }

    @Test
    void logGroupArnsReadTheGroupTheyName() {
        String arn = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + PAYMENTS_GROUP;
        CallToolResult events = call(payments, "logs__filter_log_events", Map.of("log_group", arn + ":*", "start", "-1h"));
        CallToolResult streams = call(payments, "logs__describe_log_streams", Map.of("log_group", arn));
        CallToolResult otherTeam = call(payments, "logs__filter_log_events",
                Map.of("log_group", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + INVENTORY_GROUP, "start", "-1h"));

        assertThat(events.isError()).as(text(events)).isFalse();
        assertThat(text(events)).contains("ERROR in " + PAYMENTS_GROUP);
        assertThat(streams.isError()).as(text(streams)).isFalse();
        assertThat(kind(otherTeam)).isEqualTo("ACCESS_DENIED");
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static String kind(CallToolResult result) {
        return result.meta() == null ? null : String.valueOf(result.meta().get("errorKind"));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static JsonNode audit(CallToolResult result) {
        String id = String.valueOf(result.meta().get("correlationId"));
        return AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(id)).findFirst().orElseThrow();
    }
}
