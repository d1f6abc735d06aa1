package dev.awsmcp.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The DynamoDB store against moto keeps the store contract, on a table made by {@link SessionTable}. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbSessionStoreTest extends SessionStoreContract {

    static final String TABLE = "sessions-test";
    private static AwsClientFactory clients;
    private static DynamoDbAsyncClient client;
    private static DynamoDbSessionStore store;

    @BeforeAll
    static void createTable(LocalAws aws) {
        clients = new AwsClientFactory(8);
        client = clients.buildGatewayClient(DynamoDbAsyncClient.builder(), aws.region(), aws.endpoint(), aws.credentials());
        assertThat(new SessionTable(client).ensure(TABLE)).first().asString().startsWith("created table " + TABLE);
        store = new DynamoDbSessionStore(client, TABLE, TTL, Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        store.close();
        clients.close();
    }

    @Override
    SessionStore store() {
        return store;
    }

    @Test
    void initTableIsIdempotentAndEnablesTtl() {
        assertThat(new SessionTable(client).ensure(TABLE)).containsExactly("table " + TABLE + " exists", "TTL on attribute ttl is enabled");
        assertThat(client.describeTimeToLive(b -> b.tableName(TABLE)).join().timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("ttl");
                });
    }

    @Test
    void itemHoldsTheDocumentedAttributes() {
        String id = UUID.randomUUID().toString();
        store.create(session(id, T0)).join();
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(TABLE).key(Map.of("sessionId", AttributeValue.fromS(id))))
                .join().item();
        assertThat(item).containsKeys("sessionId", "principal", "protocolVersion", "clientInfo", "capabilities", "createdAt",
                "updatedAt", "ttl", "state");
        assertThat(item.get("ttl").n()).isEqualTo(Long.toString(T0.plus(TTL).getEpochSecond()));
        assertThat(item.get("principal").m().get("id").s()).isEqualTo("apikey:alice");
    }

    @Test
    void aRateLimitCounterIsNeverASession() {
        String counter = "ratelimit#payments#1";
        client.updateItem(b -> b.tableName(TABLE).key(Map.of("sessionId", AttributeValue.fromS(counter)))
                .updateExpression("ADD calls :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).join();
        assertThat(store.find(counter, T0).join()).isEmpty();
        assertThat(store.touch(counter, T0).join()).isFalse();
        assertThat(store.delete(counter).join()).isFalse();
    }

    @Test
    void touchWithinTheRefreshIntervalReadsInsteadOfWriting() {
        String id = UUID.randomUUID().toString();
        store.create(session(id, T0)).join();
        // Created at T0, so a touch one second later only confirms (no write): updatedAt stays T0.
        assertThat(store.touch(id, T0.plusSeconds(1)).join()).isTrue();
        assertThat(store.find(id, T0.plusSeconds(1)).join().orElseThrow().updatedAt()).isEqualTo(T0);
        assertThat(SessionStore.refreshInterval(TTL)).isEqualTo(Duration.ofSeconds(6));
        assertThat(store.touch(id, T0.plusSeconds(7)).join()).isTrue();
        assertThat(store.find(id, T0.plusSeconds(7)).join().orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void aValueNeverOverwritesASession() {
        String id = UUID.randomUUID().toString();
        store.create(session(id, T0)).join();

        assertThat(store.compareAndSetValue(id, null, new SessionStore.StoredValue("v", T0.plus(TTL)), T0).join()).isFalse();
        assertThat(store.find(id, T0).join()).contains(session(id, T0));
    }

    @Test
    void aValueItemHoldsItsValueAndTtl() {
        String key = "feature#" + UUID.randomUUID();
        store.compareAndSetValue(key, null, new SessionStore.StoredValue("{\"level\":\"weak\"}", T0.plusSeconds(90)), T0).join();
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(TABLE).key(Map.of("sessionId", AttributeValue.fromS(key))))
                .join().item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("sessionId", "value", "ttl");
        assertThat(item.get("ttl").n()).isEqualTo(Long.toString(T0.plusSeconds(90).getEpochSecond()));
    }
}
