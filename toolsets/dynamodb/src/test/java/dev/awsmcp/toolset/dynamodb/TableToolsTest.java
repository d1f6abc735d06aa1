package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableToolsTest {

    private static DynamoDbFixture ddb;

    @BeforeAll
    static void start(LocalAws aws) {
        ddb = new DynamoDbFixture(aws);
    }

    @AfterAll
    static void stop() {
        ddb.close();
    }

    @Test
    @Order(1)
    void listTablesOnAnEmptyAccountReturnsNoneAndIsNotTruncated() {
        JsonNode result = ddb.success("list_tables", args("{}"));

        assertThat(result.get("tables")).isEmpty();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    @Order(2)
    void listTablesCapsAt200AndTheCursorReturnsTheRest() {
        ddb.createTables(IntStream.range(0, 250).mapToObj(i -> String.format("t%03d", i)).toList());

        JsonNode first = ddb.success("list_tables", args("{}"));
        assertThat(first.get("count").asInt()).isEqualTo(200);
        assertThat(first.get("truncated").asBoolean()).isTrue();

        JsonNode rest = ddb.success("list_tables", args("{'cursor':'" + first.get("next_cursor").asText() + "'}"));
        assertThat(rest.get("count").asInt()).isEqualTo(50);
        assertThat(rest.get("truncated").asBoolean()).isFalse();
        assertThat(rest.has("next_cursor")).isFalse();

        List<String> all = new ArrayList<>();
        first.get("tables").forEach(name -> all.add(name.asText()));
        rest.get("tables").forEach(name -> all.add(name.asText()));
        assertThat(all).hasSize(250).doesNotHaveDuplicates().contains("t000", "t199", "t200", "t249");
    }

    @Test
    @Order(3)
    void listTablesShowsOnlyTablesTheCallerMaySee() {
        // Tables t000..t249 exist from the previous test; the caller may see t1xx only.
        var context = ddb.aws().callContext();
        var onlyHundreds = new dev.awsmcp.toolset.api.CallContext(context.caller(), context.credentials(), context.deadline(),
                context.limits(), context.correlationId(), ref -> ref.kind().equals("table") && ref.name().startsWith("t1"));
        JsonNode result = ((dev.awsmcp.toolset.api.ToolResult.Success) ddb.toolset()
                .call(new dev.awsmcp.toolset.api.ToolCall("list_tables", args("{}")), onlyHundreds).toCompletableFuture().join()).data();
        List<String> names = new ArrayList<>();
        result.get("tables").forEach(n -> names.add(n.asText()));
        assertThat(names).hasSize(100).allMatch(n -> n.startsWith("t1"));
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    @Order(4)
    void listTablesHonoursASmallerLimit() {
        JsonNode result = ddb.success("list_tables", args("{'limit':3}"));

        // AWS lists names in alphabetical order; moto in creation order (created concurrently here).
        assertThat(result.get("tables")).hasSize(3);
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void listTablesRefusesACursorOfAnotherTool() {
        String queryCursor = dev.awsmcp.toolset.support.PageCursor.encode("query:t000:", args("{'pk':{'S':'a'}}"));

        var failure = ddb.failure("list_tables", args("{'cursor':'" + queryCursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    void describeTableReportsKeysIndexesAndSettings() {
        ddb.createTableWithStatusIndex("orders", "order_id");
        ddb.put("orders", "{'order_id':'o1','status':'OPEN','created':1}");

        JsonNode table = ddb.success("describe_table", args("{'table':'orders'}"));

        assertThat(table.get("table").asText()).isEqualTo("orders");
        assertThat(table.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(table.get("billing_mode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.at("/key/partition_key/name").asText()).isEqualTo("order_id");
        assertThat(table.at("/key/partition_key/type").asText()).isEqualTo("S");
        assertThat(table.at("/key").has("sort_key")).isFalse();
        JsonNode index = table.at("/global_secondary_indexes/0");
        assertThat(index.get("name").asText()).isEqualTo("by_status");
        assertThat(index.at("/key/partition_key/name").asText()).isEqualTo("status");
        assertThat(index.at("/key/sort_key/type").asText()).isEqualTo("N");
        assertThat(index.at("/projection/type").asText()).isEqualTo("ALL");
        assertThat(table.get("item_count").asLong()).isEqualTo(1);
        assertThat(table.at("/stream/enabled").asBoolean()).isFalse();
        assertThat(table.at("/ttl/status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void describeTableOfAMissingTableSaysHowToFindTables() {
        var failure = ddb.failure("describe_table", args("{'table':'nope'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("table nope not found (or not active); call ddb__list_tables to see the tables");
    }

    @Test
    void describeTableShowsSortKeyType() {
        ddb.createTable("events", "pk", "ts", ScalarAttributeType.N);

        JsonNode table = ddb.success("describe_table", args("{'table':'events'}"));

        assertThat(table.at("/key/sort_key/name").asText()).isEqualTo("ts");
        assertThat(table.at("/key/sort_key/type").asText()).isEqualTo("N");
    }

    @Test
    void checkIsHealthyAgainstLocalAws() {
        Health health = ddb.toolset().check(ddb.aws().callContext()).toCompletableFuture().join();

        assertThat(health).isEqualTo(Health.up());
    }
}
