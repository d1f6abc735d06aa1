package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class WriteToolsTest {

    private static DynamoDbFixture ddb;

    @BeforeAll
    static void seed(LocalAws aws) {
        ddb = new DynamoDbFixture(aws);
        ddb.createTable("orders", "pk", null, null);
    }

    @AfterAll
    static void stop() {
        ddb.close();
    }

    @Test
    void putItemCreatesThenReplacesAndReturnsTheOldItem() {
        JsonNode created = ddb.success("put_item", args("{'table':'orders','item':{'pk':'p1','state':'NEW'}}"));
        assertThat(created.get("replaced").asBoolean()).isFalse();

        JsonNode replaced = ddb.success("put_item", args("{'table':'orders','item':{'pk':'p1','state':'PAID'}}"));

        assertThat(replaced.get("replaced").asBoolean()).isTrue();
        assertThat(replaced.get("old_item")).isEqualTo(args("{'pk':'p1','state':'NEW'}"));
    }

    @Test
    void putItemWithAFailingConditionIsAConflict() {
        ddb.put("orders", "{'pk':'p2'}");

        var failure = ddb.failure("put_item", args("{'table':'orders','item':{'pk':'p2'},"
                + "'condition':'attribute_not_exists(pk)'}"));

        assertThat(failure.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(failure.message()).startsWith("condition failed: the item changed concurrently").contains("ddb__get_item");
    }

    @Test
    void updateItemAppliesTheExpressionUnderItsConditionAndReturnsTheNewItem() {
        ddb.put("orders", "{'pk':'p3','state':'NEW','version':1}");

        JsonNode updated = ddb.success("update_item", args("{'table':'orders','key':{'pk':'p3'},"
                + "'update':'SET #s = :s, version = version + :one','condition':'version = :v',"
                + "'expression_attribute_names':{'#s':'state'},'expression_attribute_values':{':s':'PAID',':one':1,':v':1}}"));

        assertThat(updated.get("item")).isEqualTo(args("{'pk':'p3','state':'PAID','version':2}"));
    }

    @Test
    void updateItemWithAStaleVersionIsAConflict() {
        ddb.put("orders", "{'pk':'p4','version':5}");

        var failure = ddb.failure("update_item", args("{'table':'orders','key':{'pk':'p4'},"
                + "'update':'SET version = :n','condition':'version = :v','expression_attribute_values':{':n':2,':v':1}}"));

        assertThat(failure.kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void deleteItemReportsWhetherTheItemExisted() {
        ddb.put("orders", "{'pk':'p5','state':'OLD'}");

        JsonNode deleted = ddb.success("delete_item", args("{'table':'orders','key':{'pk':'p5'}}"));
        JsonNode again = ddb.success("delete_item", args("{'table':'orders','key':{'pk':'p5'}}"));

        assertThat(deleted.get("existed").asBoolean()).isTrue();
        assertThat(deleted.get("old_item")).isEqualTo(args("{'pk':'p5','state':'OLD'}"));
        assertThat(again.get("existed").asBoolean()).isFalse();
    }

    @Test
    void deleteItemWithAFailingConditionKeepsTheItem() {
        ddb.put("orders", "{'pk':'p6','state':'OPEN'}");

        var failure = ddb.failure("delete_item", args("{'table':'orders','key':{'pk':'p6'},"
                + "'condition':'#s = :s','expression_attribute_names':{'#s':'state'},'expression_attribute_values':{':s':'CLOSED'}}"));

        assertThat(failure.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(ddb.success("get_item", args("{'table':'orders','key':{'pk':'p6'}}")).get("found").asBoolean()).isTrue();
    }

    @Test
    void writesToAMissingTableAreNotFound() {
        var failure = ddb.failure("put_item", args("{'table':'ghost','item':{'pk':'x'}}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
    }
}
