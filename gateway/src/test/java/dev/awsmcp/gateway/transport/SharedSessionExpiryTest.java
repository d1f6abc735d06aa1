package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idle expiry with a shared store: both instances drop their idle copies, the item leaves the table,
 * and exactly one instance records the session's end.
 */
@ExtendWith(LocalAwsExtension.class)
class SharedSessionExpiryTest {

    @Test
    void idleSessionEndsEverywhereWithOneEndRecord(LocalAws aws) throws Exception {
        try (AwsClientFactory clients = new AwsClientFactory(2);
                DynamoDbAsyncClient client = clients.buildGatewayClient(DynamoDbAsyncClient.builder(), aws.region(), aws.endpoint(),
                        aws.credentials())) {
            String yaml = "server:\n  host: 127.0.0.1\n  sessionIdleTimeout: 1s\n"
                    + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read] }\n"
                    // Local copies go after 1s idle; the session itself after 3s (rechecked by each sweep until then).
                    + SessionTables.create(aws, "expiring-sessions").replace(" }\n", ", ttl: 3s }\n");
            try (RunningGateway a = RunningGateway.start(yaml); RunningGateway b = RunningGateway.start(yaml)) {
                String session = new McpHttp(a.url()).initialize();
                assertThat(new McpHttp(b.url()).post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session)
                        .statusCode()).isEqualTo(200);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline && (item(client, session) || endRecords(a, b, session) == 0
                        || a.http().transport().sessionCount() + b.http().transport().sessionCount() > 0)) {
                    Thread.sleep(200);
                }
                assertThat(item(client, session)).as("the item left the table").isFalse();
                assertThat(a.http().transport().sessionCount() + b.http().transport().sessionCount()).isZero();
                assertThat(endRecords(a, b, session)).as("one session_end record in both audit trails together").isEqualTo(1);
                assertThat(new McpHttp(b.url()).post(McpHttp.toolsCall(2, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session)
                        .statusCode()).isEqualTo(404);
            }
        }
    }

    private static boolean item(DynamoDbAsyncClient client, String session) {
        return client.getItem(b -> b.tableName("expiring-sessions").key(Map.of("sessionId", AttributeValue.fromS(session)))).join().hasItem();
    }

    /** The session_end records of {@code session} in both audit trails; every one must say expired. */
    private static long endRecords(RunningGateway a, RunningGateway b, String session) throws Exception {
        List<JsonNode> ends = new ArrayList<>();
        for (String line : (Files.readString(a.auditFile()) + Files.readString(b.auditFile())).lines().toList()) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.path("type").asText().equals("session_end") && record.path("session_id").asText().equals(session)) {
                assertThat(record.path("reason").asText()).isEqualTo("expired");
                ends.add(record);
            }
        }
        return ends.size();
    }
}
