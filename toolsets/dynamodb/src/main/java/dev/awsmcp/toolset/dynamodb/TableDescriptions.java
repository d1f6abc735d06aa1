package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** A DynamoDB table description as compact JSON: keys with their types, indexes, size, settings. */
final class TableDescriptions {

    private TableDescriptions() {
    }

    static ObjectNode toJson(TableDescription table) {
        Map<String, String> types = new HashMap<>();
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            types.put(definition.attributeName(), definition.attributeTypeAsString());
        }
        ObjectNode result = Json.object();
        result.put("table", table.tableName());
        result.put("arn", table.tableArn());
        result.put("status", table.tableStatusAsString());
        result.set("key", keys(table.keySchema(), types));
        result.put("billing_mode", billingMode(table));
        if (table.provisionedThroughput() != null && !BillingMode.PAY_PER_REQUEST.toString().equals(billingMode(table))) {
            result.putObject("provisioned_throughput")
                    .put("read_capacity_units", table.provisionedThroughput().readCapacityUnits())
                    .put("write_capacity_units", table.provisionedThroughput().writeCapacityUnits());
        }
        result.put("item_count", table.itemCount());
        result.put("size_bytes", table.tableSizeBytes());
        if (table.creationDateTime() != null) {
            result.put("created_at", table.creationDateTime().toString());
        }
        ArrayNode global = result.putArray("global_secondary_indexes");
        table.globalSecondaryIndexes().forEach(index -> global.add(globalIndex(index, types)));
        ArrayNode local = result.putArray("local_secondary_indexes");
        table.localSecondaryIndexes().forEach(index -> local.add(localIndex(index, types)));
        addStream(result, table);
        if (table.deletionProtectionEnabled() != null) {
            result.put("deletion_protection", table.deletionProtectionEnabled());
        }
        return result;
    }

    static void addTimeToLive(ObjectNode result, TimeToLiveDescription ttl) {
        if (ttl == null) {
            return;
        }
        ObjectNode node = result.putObject("ttl").put("status", ttl.timeToLiveStatusAsString());
        if (ttl.attributeName() != null) {
            node.put("attribute", ttl.attributeName());
        }
    }

    private static String billingMode(TableDescription table) {
        // Tables created before billing modes existed report no summary; they are provisioned.
        return table.billingModeSummary() == null ? BillingMode.PROVISIONED.toString()
                : table.billingModeSummary().billingModeAsString();
    }

    private static ObjectNode globalIndex(GlobalSecondaryIndexDescription index, Map<String, String> types) {
        ObjectNode node = Json.object().put("name", index.indexName());
        node.set("key", keys(index.keySchema(), types));
        node.set("projection", projection(index.projection()));
        node.put("status", index.indexStatusAsString());
        if (index.itemCount() != null) {
            node.put("item_count", index.itemCount());
        }
        return node;
    }

    private static ObjectNode localIndex(LocalSecondaryIndexDescription index, Map<String, String> types) {
        ObjectNode node = Json.object().put("name", index.indexName());
        node.set("key", keys(index.keySchema(), types));
        node.set("projection", projection(index.projection()));
        if (index.itemCount() != null) {
            node.put("item_count", index.itemCount());
        }
        return node;
    }

    private static ObjectNode keys(List<KeySchemaElement> schema, Map<String, String> types) {
        ObjectNode key = Json.object();
        for (KeySchemaElement element : schema) {
            String role = element.keyType() == KeyType.HASH ? "partition_key" : "sort_key";
            key.putObject(role).put("name", element.attributeName()).put("type", types.get(element.attributeName()));
        }
        return key;
    }

    private static ObjectNode projection(Projection projection) {
        ObjectNode node = Json.object();
        if (projection == null) {
            return node;
        }
        node.put("type", projection.projectionTypeAsString());
        if (projection.hasNonKeyAttributes()) {
            ArrayNode attributes = node.putArray("non_key_attributes");
            projection.nonKeyAttributes().forEach(attributes::add);
        }
        return node;
    }

    private static void addStream(ObjectNode result, TableDescription table) {
        StreamSpecification stream = table.streamSpecification();
        ObjectNode node = result.putObject("stream");
        node.put("enabled", stream != null && Boolean.TRUE.equals(stream.streamEnabled()));
        if (stream != null && Boolean.TRUE.equals(stream.streamEnabled())) {
            node.put("view_type", stream.streamViewTypeAsString());
            node.put("arn", table.latestStreamArn());
        }
    }
}
