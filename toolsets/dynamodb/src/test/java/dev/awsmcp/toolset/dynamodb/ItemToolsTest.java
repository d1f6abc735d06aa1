package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class ItemToolsTest {

    private static DynamoDbFixture ddb;

    @BeforeAll
    static void seed(LocalAws aws) {
        ddb = new DynamoDbFixture(aws);
        ddb.createTable("items", "pk", null, null);
        for (int i = 1; i <= 3; i++) {
            ddb.put("items", "{'pk':'k" + i + "','n':" + i + "}");
        }
    }

    @AfterAll
    static void stop() {
        ddb.close();
    }

    @Test
    void getItemReturnsThePlainItem() {
        JsonNode result = ddb.success("get_item", args("{'table':'items','key':{'pk':'k1'}}"));

        assertThat(result.get("found").asBoolean()).isTrue();
        assertThat(result.get("item")).isEqualTo(args("{'pk':'k1','n':1}"));
    }

    @Test
    void getItemOfAMissingKeyIsNotFoundButSucceeds() {
        JsonNode result = ddb.success("get_item", args("{'table':'items','key':{'pk':'none'}}"));

        assertThat(result.get("found").asBoolean()).isFalse();
        assertThat(result.get("item").isNull()).isTrue();
    }

    @Test
    void getItemWithProjectionReturnsOnlyThoseAttributes() {
        JsonNode result = ddb.success("get_item", args("{'table':'items','key':{'pk':'k2'},'projection':'#n',"
                + "'expression_attribute_names':{'#n':'n'},'consistent_read':true}"));

        assertThat(result.get("item")).isEqualTo(args("{'n':2}"));
    }

    @Test
    void getItemWithAKeyNotMatchingTheKeySchemaNamesTheKeyAndDescribeTable() {
        var failure = ddb.failure("get_item", args("{'table':'items','key':{'other':'x'}}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        // moto says only "Validation Exception", AWS "The provided key element does not match the schema".
        assertThat(failure.message()).startsWith("key {other} does not match the key schema of table items")
                .contains("ddb__describe_table");
    }

    @Test
    void getItemOfAMissingTableIsNotFound() {
        var failure = ddb.failure("get_item", args("{'table':'ghost','key':{'pk':'x'}}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).contains("ghost").contains("ddb__list_tables");
    }

    @Test
    void batchGetItemReturnsFoundItemsAndSkipsMissingKeys() {
        JsonNode result = ddb.success("batch_get_item", args("{'table':'items',"
                + "'keys':[{'pk':'k1'},{'pk':'k3'},{'pk':'none'}]}"));

        assertThat(result.get("count").asInt()).isEqualTo(2);
        assertThat(result.get("items")).extracting(item -> item.get("pk").asText()).containsExactlyInAnyOrder("k1", "k3");
        assertThat(result.has("unprocessed_keys")).isFalse();
    }

    @Test
    void batchGetItemRefusesMoreThan100Keys() {
        ObjectNode arguments = args("{'table':'items','keys':[]}");
        for (int i = 0; i < 101; i++) {
            arguments.withArray("keys").addObject().put("pk", "k" + i);
        }

        var failure = ddb.failure("batch_get_item", arguments);

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("1 to 100");
    }

    @Test
    void numbersKeepTheirPrecisionThroughPutAndGet() {
        ObjectNode item = parse("{\"pk\":\"num\",\"price\":19.90,\"big\":123456789012345678901234567890,"
                + "\"tiny\":0.000000000000000000000000000001,\"negative\":-42.5}");
        ddb.success("put_item", Json.object().put("table", "items").set("item", item));

        JsonNode back = ddb.success("get_item", args("{'table':'items','key':{'pk':'num'}}")).get("item");

        assertThat(back.get("price").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(back.get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
        assertThat(back.get("tiny").decimalValue()).isEqualByComparingTo("1E-30");
        assertThat(back.get("negative").decimalValue()).isEqualByComparingTo("-42.5");
    }

    @Test
    void nestedMapsListsBooleansAndNullsRoundTrip() {
        ObjectNode item = args("{'pk':'nested','profile':{'name':'Ann','tags':['a',1,true,null],"
                + "'address':{'city':'Oslo','zip':null}},'active':false,'empty':''}");
        ddb.success("put_item", Json.object().put("table", "items").set("item", item));

        JsonNode back = ddb.success("get_item", args("{'table':'items','key':{'pk':'nested'}}")).get("item");

        assertThat(back).isEqualTo(item);
    }

    @Test
    void setsAndBinariesComeBackAsArraysAndBase64() {
        ddb.putRaw("items", Map.of(
                "pk", AttributeValue.fromS("sets"),
                "colors", AttributeValue.fromSs(List.of("red", "blue")),
                "sizes", AttributeValue.fromNs(List.of("1.5", "10")),
                "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a")))));

        JsonNode back = ddb.success("get_item", args("{'table':'items','key':{'pk':'sets'}}")).get("item");

        assertThat(back.get("colors")).extracting(JsonNode::asText).containsExactlyInAnyOrder("red", "blue");
        assertThat(back.get("sizes")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new java.math.BigDecimal("1.5"), java.math.BigDecimal.TEN);
        assertThat(back.get("blob").asText()).isEqualTo("aGk=");
        assertThat(back.get("blobs")).extracting(JsonNode::asText).containsExactly("YQ==");
    }
}
