package dev.awsmcp.gateway.cursor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.testkit.SeedScripts;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Paging through the real gateway (every AWS toolset on moto, the SDK's Java client): every paged tool walks
 * all its pages with sealed cursors; a forged, changed, replayed (another caller, other arguments) or expired
 * cursor is refused with INVALID_ARGUMENT before any AWS request is sent (an interceptor at the SDK boundary
 * counts them); a cached page is resealed for each caller; gateways sharing a key accept each other's cursors.
 */
@ExtendWith(LocalAwsExtension.class)
class SealedCursorsEndToEndTest {

    private static final String KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private static final String TABLE = "cursor-orders";
    private static final String BUCKET = "cursor-docs";
    private static final String GROUP = "/cursor/api";
    private static final List<SdkRequest> SENT = new CopyOnWriteArrayList<>();
    private static LocalAws aws;
    private static RunningGateway gateway;

    @BeforeAll
    static void start(LocalAws localAws) throws Exception {
        aws = localAws;
        EmulatorClients.useEmulatorCredentials();
        seed();
        gateway = start("cursors: { key: \"" + KEY + "\" }\n");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static RunningGateway start(String cursorsYaml) {
        String endpoint = aws.endpoint().toString();
        StringBuilder yaml = new StringBuilder("server: { host: 127.0.0.1 }\ntoolsets:\n");
        for (String[] toolset : new String[][] {{"ddb", "dynamodb"}, {"s3", "s3"}, {"logs", "logs"}, {"lambda", "lambda"}}) {
            yaml.append("  - { id: ").append(toolset[0]).append(", type: ").append(toolset[1])
                    .append(", region: us-east-1, endpoint: \"").append(endpoint).append("\" }\n");
        }
        return RunningGateway.start(yaml + cursorsYaml, List.<ExecutionInterceptor>of(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                SENT.add(context.request());
            }
        }));
    }

    private static void seed() throws Exception {
        try (DynamoDbAsyncClient ddb = EmulatorClients.dynamoDb(aws); S3AsyncClient s3 = EmulatorClients.s3(aws);
                CloudWatchLogsAsyncClient logs = EmulatorClients.logs(aws)) {
            ddb.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))).join();
            for (int customer = 1; customer <= 3; customer++) {
                for (int order = 1; order <= 10; order++) {
                    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("customer#" + customer),
                            "sk", AttributeValue.fromN(Integer.toString(order)));
                    ddb.putItem(b -> b.tableName(TABLE).item(item)).join();
                }
            }
            ddb.createTable(b -> b.tableName("cursor-refunds").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))).join();
            s3.createBucket(b -> b.bucket(BUCKET)).join();
            for (int i = 1; i <= 12; i++) {
                String key = "docs/%02d.md".formatted(i);
                s3.putObject(b -> b.bucket(BUCKET).key(key), AsyncRequestBody.fromString("# " + key)).join();
            }
            logs.createLogGroup(b -> b.logGroupName(GROUP)).join();
            logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("api-1")).join();
            long first = Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli();
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                events.add(InputLogEvent.builder().timestamp(first + i * 1000L).message("request " + i).build());
            }
            logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("api-1").logEvents(events)).join();
        }
        try (InputStream source = SealedCursorsEndToEndTest.class.getResourceAsStream("/local-aws/seed-demo-lambda.py")) {
            SeedScripts.run(source, "seed-demo-lambda.py", aws.endpoint(), "us-east-1", Duration.ofMinutes(2));
        }
    }

    private static McpSyncClient client(RunningGateway on, String key) {
        McpSyncClient client = on.client(key).build();
        client.initialize();
        return client;
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String cursor) {
        Map<String, Object> next = new HashMap<>(arguments);
        next.put("cursor", cursor);
        return next;
    }

    private static String nextCursor(CallToolResult result) {
        assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
        return (String) ((Map<?, ?>) result.structuredContent()).get("next_cursor");
    }

    /** Every entry of {@code field} over all pages, following next_cursor (which must be sealed, not readable JSON). */
    private static List<Object> walk(McpSyncClient client, String tool, Map<String, Object> arguments, String field) {
        List<Object> entries = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 30; page++) {
            CallToolResult result = call(client, tool, cursor == null ? arguments : with(arguments, cursor));
            cursor = nextCursor(result);
            entries.addAll((List<?>) ((Map<?, ?>) result.structuredContent()).get(field));
            if (cursor == null) {
                return entries;
            }
            assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotStartWith("eyJ");
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("\"next_cursor\":\"" + cursor + "\"");
        }
        throw new AssertionError(tool + " did not end within 30 pages");
    }

    private static long sent(Class<? extends SdkRequest> type) {
        return SENT.stream().filter(type::isInstance).count();
    }

    private static void assertRefused(CallToolResult result, String tool, String message) {
        assertThat(result.isError()).as(String.valueOf(result.content())).isTrue();
        assertThat(result.meta().get("errorKind")).isEqualTo("INVALID_ARGUMENT");
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).startsWith("invalid arguments for " + tool + ": " + message);
        JsonNode record = AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(result.meta().get("correlationId"))).findFirst().orElseThrow();
        assertThat(record.path("decision").asText()).isEqualTo("refused");
        assertThat(record.path("decision_reason").asText()).startsWith("invalid arguments: " + message);
        assertThat(record.path("aws_request_ids")).isEmpty();
    }

    @Test
    void everyPagedToolWalksAllItsPages() {
        McpSyncClient client = client(gateway, RunningGateway.TEST_KEY);
        try {
            assertThat(walk(client, "ddb__scan", Map.of("table", TABLE, "limit", 7), "items")).hasSize(30).doesNotHaveDuplicates();
            assertThat(walk(client, "ddb__query", Map.of("table", TABLE, "key_condition", "pk = :c",
                    "expression_attribute_values", Map.of(":c", "customer#2"), "limit", 4), "items")).hasSize(10).doesNotHaveDuplicates();
            assertThat(walk(client, "ddb__list_tables", Map.of("limit", 1), "tables")).contains(TABLE, "cursor-refunds");
            assertThat(walk(client, "s3__list_objects", Map.of("bucket", BUCKET, "max_keys", 5), "objects")).hasSize(12);
            assertThat(walk(client, "logs__filter_log_events", Map.of("log_group", GROUP, "start", "-1h", "limit", 5), "events"))
                    .hasSize(12);
            assertThat(walk(client, "lambda__list_functions", Map.of("limit", 1), "functions")).hasSize(3);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aForgedOrChangedFilterLogEventsCursorIsRefusedBeforeAws() {
        McpSyncClient client = client(gateway, RunningGateway.TEST_KEY);
        try {
            Map<String, Object> arguments = Map.of("log_group", GROUP, "start", "-1h", "limit", 5);
            String sealed = nextCursor(call(client, "logs__filter_log_events", arguments));
            // What a client could send before cursors were sealed: the toolset's own cursor with the window moved to 1970.
            ObjectNode from1970 = Json.object().put("t", "f/00000000000000000000000000000000").put("s", 0L)
                    .put("e", Instant.now().toEpochMilli());
            String forged = PageCursor.encode("filter_log_events:[\"" + GROUP + "\",null,null,null,\"-1h\",null]", from1970);
            int middle = sealed.length() / 2;
            String changed = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
            long before = sent(FilterLogEventsRequest.class);

            for (String cursor : List.of(forged, changed)) {
                assertRefused(call(client, "logs__filter_log_events", with(arguments, cursor)), "logs__filter_log_events",
                        "cursor is not valid (changed, cut short, or issued by a gateway with another cursor key)");
            }

            assertThat(sent(FilterLogEventsRequest.class)).isEqualTo(before);
            assertThat(nextCursor(call(client, "logs__filter_log_events", with(arguments, sealed)))).isNotNull();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aDynamoDbCursorReplayedByAnotherCallerOrWithOtherArgumentsIsRefusedBeforeAws() {
        McpSyncClient alice = client(gateway, RunningGateway.TEST_KEY);
        McpSyncClient bob = client(gateway, RunningGateway.OTHER_KEY);
        try {
            Map<String, Object> scan = Map.of("table", TABLE, "limit", 3, "consistent_read", true);
            Map<String, Object> query = Map.of("table", TABLE, "key_condition", "pk = :c", "expression_attribute_values",
                    Map.of(":c", "customer#1"), "limit", 3);
            String scanCursor = nextCursor(call(alice, "ddb__scan", scan));
            String queryCursor = nextCursor(call(alice, "ddb__query", query));
            long scans = sent(ScanRequest.class);
            long queries = sent(QueryRequest.class);
            String another = "cursor was issued for another call (another tool or caller, or other arguments)";

            assertRefused(call(bob, "ddb__scan", with(scan, scanCursor)), "ddb__scan", another);
            assertRefused(call(alice, "ddb__scan", with(Map.of("table", TABLE, "limit", 4, "consistent_read", true), scanCursor)),
                    "ddb__scan", another);
            assertRefused(call(alice, "ddb__scan", with(Map.of("table", "cursor-refunds", "limit", 3, "consistent_read", true),
                    scanCursor)), "ddb__scan", another);
            assertRefused(call(alice, "ddb__query", with(scan, scanCursor)), "ddb__query", another);
            assertRefused(call(bob, "ddb__query", with(query, queryCursor)), "ddb__query", another);
            assertRefused(call(alice, "ddb__query", with(Map.of("table", TABLE, "key_condition", "pk = :c", "expression_attribute_values",
                    Map.of(":c", "customer#3"), "limit", 3), queryCursor)), "ddb__query", another);

            assertThat(sent(ScanRequest.class)).isEqualTo(scans);
            assertThat(sent(QueryRequest.class)).isEqualTo(queries);
            assertThat(call(alice, "ddb__scan", with(scan, scanCursor)).isError()).isFalse();
            assertThat(call(alice, "ddb__query", with(query, queryCursor)).isError()).isFalse();
        } finally {
            alice.closeGracefully();
            bob.closeGracefully();
        }
    }

    @Test
    void aCachedPageIsResealedForEachCallerOfTheTeam() {
        McpSyncClient alice = client(gateway, RunningGateway.TEST_KEY);
        McpSyncClient bob = client(gateway, RunningGateway.OTHER_KEY);
        try {
            Map<String, Object> arguments = Map.of("bucket", BUCKET, "prefix", "docs/", "max_keys", 4);
            String forAlice = nextCursor(call(alice, "s3__list_objects", arguments));
            CallToolResult cached = call(bob, "s3__list_objects", arguments);
            String forBob = nextCursor(cached);

            assertThat(((Map<?, ?>) cached.meta().get("cache")).get("hit")).isEqualTo(true);
            assertThat(forBob).isNotEqualTo(forAlice).hasSameSizeAs(forAlice);
            assertThat(((McpSchema.TextContent) cached.content().get(0)).text()).contains(forBob).doesNotContain(forAlice);
            assertThat(walk(bob, "s3__list_objects", with(arguments, forBob), "objects")).hasSize(8);
            assertRefused(call(bob, "s3__list_objects", with(arguments, forAlice)), "s3__list_objects",
                    "cursor was issued for another call");
        } finally {
            alice.closeGracefully();
            bob.closeGracefully();
        }
    }

    @Test
    void gatewaysSharingTheKeyAcceptEachOthersCursorsAndExpiryHolds() throws Exception {
        Map<String, Object> arguments = Map.of("table", TABLE, "limit", 11);
        try (RunningGateway sameKey = start("cursors: { key: \"" + KEY + "\", ttl: 1s }\n");
                RunningGateway ownKey = start("")) {
            McpSyncClient onFirst = client(gateway, RunningGateway.TEST_KEY);
            McpSyncClient onSecond = client(sameKey, RunningGateway.TEST_KEY);
            McpSyncClient onThird = client(ownKey, RunningGateway.TEST_KEY);
            try {
                String cursor = nextCursor(call(onFirst, "ddb__scan", arguments));

                String fromSecond = nextCursor(call(onSecond, "ddb__scan", with(arguments, cursor)));
                CallToolResult onOwnKey = call(onThird, "ddb__scan", with(arguments, cursor));

                assertThat(fromSecond).isNotNull();
                assertThat(onOwnKey.isError()).isTrue();
                assertThat(((McpSchema.TextContent) onOwnKey.content().get(0)).text()).contains("cursor is not valid");
                Thread.sleep(2100);
                CallToolResult expired = call(onSecond, "ddb__scan", with(arguments, fromSecond));
                assertThat(expired.isError()).isTrue();
                assertThat(((McpSchema.TextContent) expired.content().get(0)).text()).isEqualTo("invalid arguments for ddb__scan: "
                        + "cursor has expired (cursors are valid for 1s); call again without cursor to start over");
            } finally {
                onFirst.closeGracefully();
                onSecond.closeGracefully();
                onThird.closeGracefully();
            }
        }
    }
}
