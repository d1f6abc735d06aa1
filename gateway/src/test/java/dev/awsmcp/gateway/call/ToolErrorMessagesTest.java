package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the model reads when a call goes wrong, through the real gateway on moto: each message names the argument
 * or resource and the fix, never "null" or an AWS-internal phrase, and numbers are never silently wrapped.
 */
@ExtendWith(LocalAwsExtension.class)
class ToolErrorMessagesTest {

    /** Counts the AWS requests that reached the wire. */
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutionInterceptor counter = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
        }
    };

    @BeforeAll
    static void seed(LocalAws aws) {
        EmulatorClients.useEmulatorCredentials();
        EmulatorClients.dynamoDb(aws).createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())).join();
        var s3 = EmulatorClients.s3(aws);
        s3.createBucket(b -> b.bucket("docs")).join();
        s3.putObject(b -> b.bucket("docs").key("runbook.md"), AsyncRequestBody.fromString("restart the consumer")).join();
    }

    private RunningGateway gateway(LocalAws aws) {
        String endpoint = aws.endpoint().toString();
        return RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + endpoint + "\" }\n"
                + "  - { id: s3, type: s3, region: us-east-1, endpoint: \"" + endpoint + "\" }\n"
                + "  - { id: t, type: test-echo, region: us-east-1 }\n"
                // Deeper arguments than the default 32 levels, so that DynamoDB's own nesting rule is the one that speaks.
                + "resilience:\n  cache: { enabled: false }\nlimits: { maxArgumentDepth: 64 }\n", List.of(counter));
    }

    private static String text(JsonNode result) {
        return result.at("/content/0/text").asText();
    }

    private static String kind(JsonNode result) {
        return result.at("/_meta/errorKind").asText();
    }

    @Test
    void aMissingIndexIsNamedWithItsTableAndWhereToSeeTheIndexes(LocalAws aws) {
        try (RunningGateway gateway = gateway(aws)) {
            JsonNode result = new McpToolClient(gateway).call("ddb__query", "{\"table\":\"orders\",\"index\":\"by-status\","
                    + "\"key_condition\":\"pk = :p\",\"expression_attribute_values\":{\":p\":\"o-1\"}}");

            assertThat(kind(result)).isEqualTo("NOT_FOUND");
            assertThat(text(result)).isEqualTo("index by-status not found on table orders; call ddb__describe_table to see its indexes, "
                    + "or omit index to read the table");
        }
    }

    @Test
    void aKeyWithoutTheSortKeyNamesTheKeyAndWhereToSeeTheKeySchema(LocalAws aws) {
        try (RunningGateway gateway = gateway(aws)) {
            JsonNode result = new McpToolClient(gateway).call("ddb__get_item", "{\"table\":\"orders\",\"key\":{\"pk\":\"o-1\"}}");

            assertThat(kind(result)).isEqualTo("INVALID_ARGUMENT");
            assertThat(text(result)).isEqualTo("key {pk} does not match the key schema of table orders: give exactly its partition key "
                    + "and, if it has one, its sort key, with the types the table declares; call ddb__describe_table to see them");
        }
    }

    @Test
    void aKeyNestedDeeperThanDynamoDbAllowsIsRefusedBeforeAnyRequest(LocalAws aws) {
        try (RunningGateway gateway = gateway(aws)) {
            McpToolClient client = new McpToolClient(gateway);
            int before = requests.get();
            String nested = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
            JsonNode result = client.call("ddb__get_item", "{\"table\":\"orders\",\"key\":{\"pk\":" + nested + ",\"sk\":1}}");

            assertThat(kind(result)).isEqualTo("INVALID_ARGUMENT");
            assertThat(text(result)).isEqualTo("key.pk is nested more than 32 levels deep; DynamoDB allows 32: store the deeper part "
                    + "as a JSON string instead");
            assertThat(requests.get()).as("refused before DynamoDB").isEqualTo(before);
        }
    }

    @Test
    void integersBeyondTheirRangeAreRefusedNamingTheArgumentNeverWrapped(LocalAws aws) {
        try (RunningGateway gateway = gateway(aws)) {
            McpToolClient client = new McpToolClient(gateway);
            int before = requests.get();
            for (String huge : List.of("1e20", "100000000000000000000")) {
                JsonNode range = client.call("s3__get_object", "{\"bucket\":\"docs\",\"key\":\"runbook.md\",\"range_start\":" + huge + "}");
                assertThat(kind(range)).isEqualTo("INVALID_ARGUMENT");
                assertThat(text(range)).as("a real bound of the tool: S3 objects end at 5 TiB")
                        .contains("argument 'range_start': must have a maximum value of 5497558138880");

                // t__sleep's millis has no maximum of its own: the gateway bounds every integer to the range of a long.
                JsonNode sleep = client.call("t__sleep", "{\"millis\":" + huge + "}");
                assertThat(kind(sleep)).isEqualTo("INVALID_ARGUMENT");
                assertThat(text(sleep)).contains("argument 'millis': must have a maximum value of 9223372036854775807");
            }
            assertThat(requests.get()).as("refused before S3").isEqualTo(before);
            JsonNode inRange = client.call("s3__get_object", "{\"bucket\":\"docs\",\"key\":\"runbook.md\",\"range_start\":5497558138880}");
            assertThat(text(inRange)).as("within the bound, S3 answers").startsWith("range_start 5497558138880 is at or past the end");
        }
    }
}
