package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Behaviour moto cannot produce, shown against {@link FakeDynamoDb}. */
class FakeClientToolsTest {

    private final FakeDynamoDb dynamo = new FakeDynamoDb();
    private final CallContext context = new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
            Instant.now().plusSeconds(30), ResultLimits.DEFAULT, "c-1");

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static BatchGetItemResponse batch(List<String> found, List<String> unprocessed) {
        BatchGetItemResponse.Builder response = BatchGetItemResponse.builder()
                .responses(Map.of("t", found.stream().map(FakeClientToolsTest::key).toList()));
        if (!unprocessed.isEmpty()) {
            response.unprocessedKeys(Map.of("t", KeysAndAttributes.builder()
                    .keys(unprocessed.stream().map(FakeClientToolsTest::key).toList()).build()));
        }
        return response.build();
    }

    private JsonNode run(Tool<Arguments> tool, String arguments) {
        ToolResult result = tool.call(new Arguments(args(arguments)), context).join();
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    @Test
    void batchGetItemRetriesUnprocessedKeysUntilServed() {
        dynamo.batchResponses.add(batch(List.of("a"), List.of("b", "c")));
        dynamo.batchResponses.add(batch(List.of("b", "c"), List.of()));

        JsonNode result = run(new BatchGetItemTool(DeferredClient.built(dynamo)), "{'table':'t','keys':[{'pk':'a'},{'pk':'b'},{'pk':'c'}]}");

        assertThat(result.get("items")).extracting(item -> item.get("pk").asText()).containsExactly("a", "b", "c");
        assertThat(result.has("unprocessed_keys")).isFalse();
        assertThat(dynamo.batchRequests.get(1).requestItems().get("t").keys()).containsExactly(key("b"), key("c"));
    }

    @Test
    void batchGetItemReturnsKeysStillUnprocessedAfterThreeAttempts() {
        dynamo.batchResponses.add(batch(List.of(), List.of("a", "b")));
        dynamo.batchResponses.add(batch(List.of("a"), List.of("b")));
        dynamo.batchResponses.add(batch(List.of(), List.of("b")));

        JsonNode result = run(new BatchGetItemTool(DeferredClient.built(dynamo)), "{'table':'t','keys':[{'pk':'a'},{'pk':'b'}]}");

        assertThat(dynamo.batchRequests).hasSize(BatchGetItemTool.ATTEMPTS);
        assertThat(result.get("count").asInt()).isEqualTo(1);
        assertThat(result.get("unprocessed_keys")).containsExactly(args("{'pk':'b'}"));
    }

    @Test
    void partiqlPagesWithLimitAndScopedNextToken() {
        dynamo.statementResponses.add(ExecuteStatementResponse.builder().items(key("a"), key("b")).nextToken("tok-1").build());
        ExecutePartiqlTool tool = new ExecutePartiqlTool(DeferredClient.built(dynamo), new ToolNames("ddb"));

        JsonNode first = run(tool, "{'statement':'SELECT * FROM t','limit':2}");

        assertThat(dynamo.statementRequests.get(0).limit()).isEqualTo(2);
        assertThat(first.get("count").asInt()).isEqualTo(2);
        String cursor = first.get("next_cursor").asText();

        dynamo.statementResponses.add(ExecuteStatementResponse.builder().items(key("c")).build());
        JsonNode second = run(tool, "{'statement':'SELECT * FROM t','limit':2,'cursor':'" + cursor + "'}");

        assertThat(dynamo.statementRequests.get(1).nextToken()).isEqualTo("tok-1");
        assertThat(second.get("items")).containsExactly(args("{'pk':'c'}"));
        assertThat(second.has("next_cursor")).isFalse();

        ToolResult replay = new DynamoDbToolset(DeferredClient.built(dynamo), new ToolNames("ddb")).call(new ToolCall("execute_partiql",
                Json.object().put("statement", "SELECT pk FROM t").put("cursor", cursor)), context).toCompletableFuture().join();
        assertThat(replay).isEqualTo(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT,
                "cursor belongs to another request; repeat the same arguments with it or drop it to start over"));
        assertThat(dynamo.statementRequests).hasSize(2);
    }

    @Test
    void partiqlKeepsReadingPagesUntilTheLimitIsFilled() {
        // With a filter DynamoDB may return fewer items than Limit plus a NextToken.
        dynamo.statementResponses.add(ExecuteStatementResponse.builder().items(key("a")).nextToken("t1").build());
        dynamo.statementResponses.add(ExecuteStatementResponse.builder().items(key("b"), key("c")).nextToken("t2").build());

        JsonNode result = run(new ExecutePartiqlTool(DeferredClient.built(dynamo), new ToolNames("ddb")), "{'statement':'SELECT * FROM t','limit':3}");

        assertThat(dynamo.statementRequests).extracting(r -> r.limit()).containsExactly(3, 2);
        assertThat(result.get("count").asInt()).isEqualTo(3);
        assertThat(result.has("next_cursor")).isTrue();
    }
}
