package dev.awsmcp.gateway.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the session table the DynamoDB store needs: partition key {@code sessionId} (string),
 * on-demand capacity, TTL on {@code ttl}. Idempotent: an existing table is checked and its TTL enabled
 * when it is not. Blocking; for the command line and tests, never an event loop.
 */
public final class SessionTable {

    private final DynamoDbAsyncClient client;

    public SessionTable(DynamoDbAsyncClient client) {
        this.client = client;
    }

    /** Creates {@code table} (or checks the existing one) and enables TTL; returns what it did, one line per step. */
    public List<String> ensure(String table) {
        List<String> done = new ArrayList<>();
        try {
            client.createTable(b -> b.tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(DynamoDbSessionStore.KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(DynamoDbSessionStore.KEY).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)).join();
            done.add("created table " + table + " (partition key " + DynamoDbSessionStore.KEY + ", on-demand capacity)");
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e;
            }
            var key = client.describeTable(b -> b.tableName(table)).join().table().keySchema();
            if (key.size() != 1 || !key.get(0).attributeName().equals(DynamoDbSessionStore.KEY)) {
                throw new IllegalStateException("table " + table + " exists with key " + key + "; the session store needs a table whose only key is "
                        + DynamoDbSessionStore.KEY + " (string): choose another sessions.table");
            }
            done.add("table " + table + " exists");
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(table), w -> w.maxAttempts(60).backoffStrategyV2(
                software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofSeconds(2)))).join();
        TimeToLiveStatus status = client.describeTimeToLive(b -> b.tableName(table)).join().timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            done.add("TTL on attribute " + DynamoDbSessionStore.TTL + " is " + status.toString().toLowerCase(java.util.Locale.ROOT));
        } else {
            client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true)
                    .attributeName(DynamoDbSessionStore.TTL))).join();
            done.add("enabled TTL on attribute " + DynamoDbSessionStore.TTL);
        }
        return done;
    }
}
