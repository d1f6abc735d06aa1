package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.GatewayProcess;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.MotoServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Several instances for real: two gateway jar processes on loopback share one DynamoDB session table in
 * one moto server (the table made by {@code sessions init-table}). A session moves between them with no
 * stickiness, ends on both with one DELETE, survives a restart, and a team's rate limit counts calls on
 * both, and a paging cursor sealed by one (with the key both share) continues on the other. Raw HTTP, since the
 * session must move between instances.
 */
class MultiInstanceIT {

    /** base64 of 32 bytes, the cursor key both instances share. */
    private static final String CURSOR_KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private static MotoServer moto;
    private static Path config;
    private static Map<String, String> env;
    private static GatewayProcess a;
    private static GatewayProcess b;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        Path dir = Files.createTempDirectory("multi-instance");
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("test.yaml"), "team: test\nmembers: [ { apiKey: test } ]\n"
                + "toolsets:\n  ddb: { tools: [list_tables, describe_table], resources: [\"*\"] }\n");
        Files.writeString(policies.resolve("limited.yaml"), "team: limited\nmembers: [ { apiKey: other } ]\n"
                + "toolsets:\n  ddb: { tools: [list_tables], resources: [\"*\"] }\nlimits: { callsPerMinute: 3 }\n");
        config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                server: { host: 127.0.0.1, port: "${GATEWAY_PORT:0}" }
                admin: { port: 0 }
                auth: { apiKeys: { file: "%s" } }
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: "%s" }
                policies: { dir: "%s", watch: false }
                audit: { sinks: [ { type: file, path: "${GATEWAY_AUDIT_FILE:target/multi-instance-audit.jsonl}" } ] }
                sessions: { store: dynamodb, table: mcp-gateway-sessions, region: us-east-1, endpoint: "%s" }
                cursors: { key: "${GATEWAY_CURSOR_KEY}" }
                """.formatted(RunningGateway.keyFile(), moto.endpoint(), policies, moto.endpoint()));
        env = Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1",
                "GATEWAY_CURSOR_KEY", CURSOR_KEY);
        ExternalCommand.Outcome created = GatewayProcess.run(env, "sessions", "init-table", "--config", config.toString());
        assertThat(created.exitCode()).as(created.transcript()).isZero();
        assertThat(created.stdout()).contains("created table mcp-gateway-sessions", "enabled TTL on attribute ttl",
                "session table mcp-gateway-sessions ready in us-east-1");
        a = serve("a");
        b = serve("b");
    }

    private static GatewayProcess serve(String name) throws Exception {
        Map<String, String> own = new java.util.HashMap<>(env);
        own.put("GATEWAY_AUDIT_FILE", Files.createTempDirectory("audit-" + name).resolve("audit.jsonl").toString());
        return GatewayProcess.serve(config, GatewayProcess.freePort(), own);
    }

    @AfterAll
    static void stop() throws Exception {
        for (GatewayProcess gateway : new GatewayProcess[] {a, b}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void initTableIsIdempotent() throws Exception {
        ExternalCommand.Outcome again = GatewayProcess.run(env, "sessions", "init-table", "--config", config.toString());
        assertThat(again.exitCode()).as(again.transcript()).isZero();
        assertThat(again.stdout()).contains("table mcp-gateway-sessions exists", "TTL on attribute ttl is enabled");
    }

    @Test
    void sessionStartedOnAIsServedByBAndEndsOnBothWithOneDelete() throws Exception {
        McpHttp onA = new McpHttp(a.url());
        McpHttp onB = new McpHttp(b.url());
        String session = onA.initialize();
        HttpResponse<String> list = onB.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "Mcp-Session-Id", session);
        assertThat(list.statusCode()).as(list.body() + b.output()).isEqualTo(200);
        assertThat(list.body()).contains("ddb__list_tables", "ddb__describe_table");
        JsonNode call = result(onB.post(McpHttp.toolsCall(3, "ddb__list_tables", "{}"), "Mcp-Session-Id", session));
        assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
        assertThat(call.at("/structuredContent/tables").toString()).contains("mcp-gateway-sessions");

        assertThat(onA.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = onB.post(McpHttp.toolsCall(4, "ddb__list_tables", "{}"), "Mcp-Session-Id", session);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(refused.body()).contains("session not found");
        assertThat(onA.post(McpHttp.toolsCall(5, "ddb__list_tables", "{}"), "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
    }

    @Test
    void aCursorHandedOutByOneInstanceContinuesOnTheOther() throws Exception {
        try (DynamoDbAsyncClient ddb = DynamoDbAsyncClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            ddb.createTable(t -> t.tableName("cursor-walk").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))).join();
        }
        McpHttp onA = new McpHttp(a.url());
        String session = onA.initialize();
        JsonNode first = result(onA.post(McpHttp.toolsCall(1, "ddb__list_tables", "{\"limit\":1}"), "Mcp-Session-Id", session));
        String cursor = first.at("/structuredContent/next_cursor").asText();
        assertThat(cursor).as(first.toString()).matches("[A-Za-z0-9_-]{40,}");

        JsonNode second = result(new McpHttp(b.url()).post(McpHttp.toolsCall(2, "ddb__list_tables",
                "{\"limit\":1,\"cursor\":\"" + cursor + "\"}"), "Mcp-Session-Id", session));

        assertThat(second.path("isError").asBoolean()).as(second + "\n" + b.output()).isFalse();
        assertThat(first.at("/structuredContent/tables").toString() + second.at("/structuredContent/tables"))
                .contains("cursor-walk", "mcp-gateway-sessions");
        assertThat(a.output() + b.output()).doesNotContain("cursors.key is not set", CURSOR_KEY);
    }

    @Test
    void anotherPrincipalPresentingTheIdIsRefused() throws Exception {
        String session = new McpHttp(a.url()).initialize();
        HttpResponse<String> hijack = new McpHttp(b.url(), RunningGateway.OTHER_KEY)
                .post(McpHttp.toolsCall(1, "ddb__list_tables", "{}"), "Mcp-Session-Id", session);
        assertThat(hijack.statusCode()).isEqualTo(404);
        assertThat(b.output()).contains("presented by apikey:other: refused as not found (possible session hijack)");
    }

    @Test
    void sessionSurvivesARestartOfTheInstanceThatStartedIt() throws Exception {
        GatewayProcess first = serve("restart");
        String session;
        try {
            session = new McpHttp(first.url()).initialize();
            assertThat(first.stop()).as("stops on SIGTERM:\n" + first.output()).isTrue();
        } finally {
            first.close();
        }
        try (GatewayProcess second = serve("restarted")) {
            JsonNode call = result(new McpHttp(second.url()).post(McpHttp.toolsCall(1, "ddb__list_tables", "{}"), "Mcp-Session-Id", session));
            assertThat(call.path("isError").asBoolean()).as(call + "\n" + second.output()).isFalse();
            assertThat(second.output()).contains("session " + session + " of apikey:test restored from the session store");
        }
    }

    @Test
    void teamRateLimitCountsCallsOnBothInstances() throws Exception {
        McpHttp onA = new McpHttp(a.url(), RunningGateway.OTHER_KEY);
        McpHttp onB = new McpHttp(b.url(), RunningGateway.OTHER_KEY);
        String sessionA = onA.initialize();
        String sessionB = onB.initialize();
        // The budget is per calendar minute: start early in one so that all calls share it.
        while (Instant.now().getEpochSecond() % 60 > 40) {
            Thread.sleep(500);
        }
        assertThat(result(onA.post(McpHttp.toolsCall(1, "ddb__list_tables", "{}"), "Mcp-Session-Id", sessionA)).path("isError").asBoolean())
                .isFalse();
        assertThat(result(onB.post(McpHttp.toolsCall(2, "ddb__list_tables", "{}"), "Mcp-Session-Id", sessionB)).path("isError").asBoolean())
                .isFalse();
        assertThat(result(onA.post(McpHttp.toolsCall(3, "ddb__list_tables", "{}"), "Mcp-Session-Id", sessionA)).path("isError").asBoolean())
                .isFalse();
        JsonNode fourth = result(onB.post(McpHttp.toolsCall(4, "ddb__list_tables", "{}"), "Mcp-Session-Id", sessionB));
        assertThat(fourth.path("isError").asBoolean()).isTrue();
        assertThat(fourth.toString()).contains("team limited is over its limit of 3 calls per minute");
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.response(response.body()).path("result");
    }
}
