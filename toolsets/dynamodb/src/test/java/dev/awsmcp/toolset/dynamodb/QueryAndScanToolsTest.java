package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalAwsExtension.class)
class QueryAndScanToolsTest {

    private static final String BY_CUSTOMER = "{'table':'orders','key_condition':'customer = :c',"
            + "'expression_attribute_values':{':c':'alice'}";
    private static DynamoDbFixture ddb;

    @BeforeAll
    static void seed(LocalAws aws) {
        ddb = new DynamoDbFixture(aws);
        ddb.createTable("orders", "customer", "seq", ScalarAttributeType.N);
        ddb.createTable("archive", "customer", "seq", ScalarAttributeType.N);
        for (int seq = 1; seq <= 5; seq++) {
            ddb.put("orders", "{'customer':'alice','seq':" + seq + ",'total':" + (seq * 10) + "}");
        }
        ddb.put("orders", "{'customer':'bob','seq':1,'total':99}");
        ddb.createTableWithStatusIndex("tickets", "id");
        ddb.put("tickets", "{'id':'t1','status':'OPEN','created':3}");
        ddb.put("tickets", "{'id':'t2','status':'CLOSED','created':2}");
        ddb.put("tickets", "{'id':'t3','status':'OPEN','created':1}");
    }

    @AfterAll
    static void stop() {
        ddb.close();
    }

    @Test
    void queryReportsProgressAfterEachPage() {
        List<Long> progress = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        CallControl control = CallControl.reportingTo((done, total, message) -> {
            progress.add(done);
            totals.add(total);
        });
        // The filter keeps 2 of 5 items, so reading 2 takes several pages.
        JsonNode result = ddb.success("query", args("{'table':'orders','key_condition':'customer = :c','filter':'#t >= :min',"
                + "'expression_attribute_names':{'#t':'total'},'expression_attribute_values':{':c':'alice',':min':40},'limit':2}"),
                ddb.aws().callContext(ResultLimits.DEFAULT, control));

        assertThat(result.get("count").asInt()).isEqualTo(2);
        assertThat(progress).hasSizeGreaterThan(1).isSorted().doesNotHaveDuplicates().endsWith(2L);
        assertThat(totals).containsOnly(2L);
    }

    @Test
    void cancelledCallReadsNoFurtherPage() {
        CallControl control = CallControl.silent();
        control.cancel();

        assertThatThrownBy(() -> ddb.call("query", args(BY_CUSTOMER + "}"), ddb.aws().callContext(ResultLimits.DEFAULT, control)))
                .hasRootCauseInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void queryReturnsThePartitionInSortKeyOrderAsPlainJson() {
        JsonNode result = ddb.success("query", args(BY_CUSTOMER + "}"));

        assertThat(result.get("count").asInt()).isEqualTo(5);
        assertThat(result.get("scanned_count").asInt()).isEqualTo(5);
        assertThat(result.at("/items/0")).isEqualTo(args("{'customer':'alice','seq':1,'total':10}"));
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void queryWithLimitTwoPagesThroughFiveItemsWithoutGapsOrRepeats() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            ObjectNode arguments = args(BY_CUSTOMER + ",'limit':2}");
            if (cursor != null) {
                arguments.put("cursor", cursor);
            }
            JsonNode page = ddb.success("query", arguments);
            assertThat(page.get("count").asInt()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> seen.add(item.get("seq").asInt()));
            cursor = page.has("next_cursor") ? page.get("next_cursor").asText() : null;
            calls++;
        } while (cursor != null && calls < 10);

        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(calls).isBetween(3, 4); // moto, like AWS, may return a last empty page with a key
    }

    @Test
    void queryNewestFirstWithScanIndexForwardFalse() {
        JsonNode result = ddb.success("query", args(BY_CUSTOMER + ",'scan_index_forward':false,'limit':1}"));

        assertThat(result.at("/items/0/seq").asInt()).isEqualTo(5);
        assertThat(result.has("next_cursor")).isTrue();
    }

    @Test
    void limitAboveTheCallersMaximumIsCappedByResultLimits() {
        JsonNode result = ddb.success("query", args(BY_CUSTOMER + ",'limit':1000}"), new ResultLimits(2, 3, 65536));

        assertThat(result.get("count").asInt()).isEqualTo(3);
        assertThat(result.has("next_cursor")).isTrue();
    }

    @Test
    void queryCursorFromOneTableIsRefusedOnAnother() {
        String cursor = ddb.success("query", args(BY_CUSTOMER + ",'limit':2}")).get("next_cursor").asText();

        var failure = ddb.failure("query", args("{'table':'archive','key_condition':'customer = :c',"
                + "'expression_attribute_values':{':c':'alice'},'cursor':'" + cursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    void garbledCursorIsAnInvalidArgument() {
        var failure = ddb.failure("query", args(BY_CUSTOMER + ",'cursor':'not-a-cursor'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor is not valid");
    }

    @Test
    void queryWithFilterAndProjectionUsesNamePlaceholders() {
        JsonNode result = ddb.success("query", args("{'table':'orders','key_condition':'customer = :c',"
                + "'filter':'#t >= :min','expression_attribute_names':{'#t':'total'},"
                + "'expression_attribute_values':{':c':'alice',':min':40},'projection':'seq'}"));

        assertThat(result.get("items")).containsExactly(args("{'seq':4}"), args("{'seq':5}"));
        assertThat(result.get("scanned_count").asInt()).isEqualTo(5);
    }

    @Test
    void queryOfAnUnknownPartitionReturnsNoItems() {
        JsonNode result = ddb.success("query", args("{'table':'orders','key_condition':'customer = :c',"
                + "'expression_attribute_values':{':c':'nobody'}}"));

        assertThat(result.get("items")).isEmpty();
        assertThat(result.get("count").asInt()).isZero();
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void queryOnAGlobalSecondaryIndex() {
        JsonNode result = ddb.success("query", args("{'table':'tickets','index':'by_status',"
                + "'key_condition':'#s = :s','expression_attribute_names':{'#s':'status'},"
                + "'expression_attribute_values':{':s':'OPEN'}}"));

        assertThat(result.get("items")).extracting(item -> item.get("id").asText()).containsExactly("t3", "t1");
    }

    @Test
    void indexCursorIsRefusedOnTheTableItself() {
        String cursor = ddb.success("query", args("{'table':'tickets','index':'by_status','limit':1,"
                + "'key_condition':'#s = :s','expression_attribute_names':{'#s':'status'},"
                + "'expression_attribute_values':{':s':'OPEN'}}")).get("next_cursor").asText();

        var failure = ddb.failure("query", args("{'table':'tickets','key_condition':'id = :i',"
                + "'expression_attribute_values':{':i':'t1'},'cursor':'" + cursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void queryOfAMissingTableSaysHowToFindTables() {
        var failure = ddb.failure("query", args("{'table':'missing','key_condition':'pk = :p',"
                + "'expression_attribute_values':{':p':'x'}}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).startsWith("table missing not found").contains("ddb__list_tables");
    }

    @Test
    void badKeyConditionQuotesDynamoDbsValidationMessage() {
        var failure = ddb.failure("query", args("{'table':'orders','key_condition':'customer = :undefined'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        // Moto's wording differs from AWS's ("An expression attribute value used in expression is not
        // defined"); both name the KeyConditionExpression, and the message is passed on verbatim.
        assertThat(failure.message()).startsWith("DynamoDB rejected ddb__query on table orders: \"").contains("KeyConditionExpression");
    }

    @Test
    void scanPagesThroughTheWholeTable() {
        JsonNode first = ddb.success("scan", args("{'table':'orders','limit':4}"));
        assertThat(first.get("count").asInt()).isEqualTo(4);

        JsonNode rest = ddb.success("scan", args("{'table':'orders','limit':4,'cursor':'"
                + first.get("next_cursor").asText() + "'}"));

        assertThat(rest.get("count").asInt()).isEqualTo(2);
        assertThat(rest.has("next_cursor")).isFalse();
    }

    @Test
    void scanWithFilterReportsScannedAndMatchedCounts() {
        JsonNode result = ddb.success("scan", args("{'table':'orders','filter':'#t > :t',"
                + "'expression_attribute_names':{'#t':'total'},'expression_attribute_values':{':t':45}}"));

        assertThat(result.get("items")).extracting(item -> item.get("total").asInt()).containsExactlyInAnyOrder(50, 99);
        assertThat(result.get("scanned_count").asInt()).isEqualTo(6);
    }

    @Test
    void scanCursorIsRefusedByQuery() {
        String cursor = ddb.success("scan", args("{'table':'orders','limit':1}")).get("next_cursor").asText();

        var failure = ddb.failure("query", args(BY_CUSTOMER + ",'cursor':'" + cursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void filterOnAReservedWordQuotesDynamoDbsMessage() {
        var failure = ddb.failure("scan", args("{'table':'orders','filter':'total > :t',"
                + "'expression_attribute_values':{':t':45}}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("reserved keyword");
    }

    @Test
    void scanOfAnEmptyTableReturnsNoItems() {
        JsonNode result = ddb.success("scan", args("{'table':'archive'}"));

        assertThat(result.get("items")).isEmpty();
        assertThat(result.has("next_cursor")).isFalse();
    }
}
