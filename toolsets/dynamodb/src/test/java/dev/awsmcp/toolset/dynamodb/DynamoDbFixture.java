package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.ToolsetHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A DynamoDB toolset on local AWS plus a direct client to seed tables; one per test class. */
final class DynamoDbFixture extends ToolsetHarness {

    final DynamoDbAsyncClient admin;

    DynamoDbFixture(LocalAws aws) {
        super(aws, new DynamoDbToolsetFactory(), "ddb", "dynamodb");
        this.admin = aws.toolsetContext().buildClient(DynamoDbAsyncClient.builder(), aws.toolsetConfig("admin", "dynamodb", null));
    }

    /** A pay-per-request table with a string partition key and, when sortKey is not null, a sort key. */
    void createTable(String table, String partitionKey, String sortKey, ScalarAttributeType sortKeyType) {
        admin.createTable(tableRequest(table, partitionKey, sortKey, sortKeyType).build()).join();
    }

    /** Like {@link #createTable} plus a GSI {@code by_status} on (status S, created N), projecting ALL. */
    void createTableWithStatusIndex(String table, String partitionKey) {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(
                attribute(partitionKey, ScalarAttributeType.S), attribute("status", ScalarAttributeType.S),
                attribute("created", ScalarAttributeType.N)));
        GlobalSecondaryIndex index = GlobalSecondaryIndex.builder().indexName("by_status")
                .keySchema(key("status", KeyType.HASH), key("created", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
        admin.createTable(tableRequest(table, partitionKey, null, null)
                .attributeDefinitions(definitions).globalSecondaryIndexes(index).build()).join();
    }

    void put(String table, String plainJson) {
        Map<String, AttributeValue> item = AttributeValues.fromJsonObject(args(plainJson), "item");
        admin.putItem(b -> b.tableName(table).item(item).overrideConfiguration(overrides())).join();
    }

    void putRaw(String table, Map<String, AttributeValue> item) {
        admin.putItem(b -> b.tableName(table).item(item).overrideConfiguration(overrides())).join();
    }

    void createTables(List<String> names) {
        CompletableFuture.allOf(names.stream()
                .map(name -> admin.createTable(tableRequest(name, "pk", null, null).build()))
                .toArray(CompletableFuture[]::new)).join();
    }

    private CreateTableRequest.Builder tableRequest(String table, String partitionKey, String sortKey, ScalarAttributeType sortKeyType) {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(attribute(partitionKey, ScalarAttributeType.S)));
        List<KeySchemaElement> keys = new ArrayList<>(List.of(key(partitionKey, KeyType.HASH)));
        if (sortKey != null) {
            definitions.add(attribute(sortKey, sortKeyType));
            keys.add(key(sortKey, KeyType.RANGE));
        }
        return CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions).keySchema(keys).overrideConfiguration(overrides());
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        super.close();
        admin.close();
    }
}
