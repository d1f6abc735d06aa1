package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {

    @Test
    void plainJsonBecomesTypedAttributes() {
        Map<String, AttributeValue> item = AttributeValues.fromJsonObject(
                parse("{\"s\":\"x\",\"n\":12,\"b\":true,\"z\":null,\"l\":[1,\"a\"],\"m\":{\"k\":false}}"), "item");

        assertThat(item.get("s")).isEqualTo(AttributeValue.fromS("x"));
        assertThat(item.get("n")).isEqualTo(AttributeValue.fromN("12"));
        assertThat(item.get("b")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(item.get("z")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(item.get("l")).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("a"))));
        assertThat(item.get("m")).isEqualTo(AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(false))));
    }

    @Test
    void numbersKeepTheirExactDecimalText() {
        assertThat(AttributeValues.fromJson(DecimalNode.valueOf(new BigDecimal("1.10")), "v").n()).isEqualTo("1.10");
        assertThat(AttributeValues.fromJson(DoubleNode.valueOf(0.1), "v").n()).isEqualTo("0.1");
        assertThat(AttributeValues.fromJson(parse("{\"v\":123456789012345678901234567890}").get("v"), "v").n())
                .isEqualTo("123456789012345678901234567890");

        JsonNode back = AttributeValues.toJson(AttributeValue.fromN("1.10"));
        assertThat(back.decimalValue()).isEqualTo(new BigDecimal("1.10"));
        assertThat(back.toString()).isEqualTo("1.10");
        assertThat(AttributeValues.toJson(AttributeValue.fromN("99999999999999999999999999999999999999")).bigIntegerValue())
                .hasToString("99999999999999999999999999999999999999");
        assertThat(AttributeValues.toJson(AttributeValue.fromN("7")).isInt()).isTrue();
    }

    /** Integers become the smallest exact node, at every length and sign the short path and BigDecimal's path meet. */
    @Test
    void integersBecomeIntLongOrBigIntegerNodesWithTheirExactValue() {
        for (String text : List.of("0", "-0", "+5", "007", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "999999999999999999", "-99999999999999999", "9223372036854775807", "-9223372036854775808",
                "9223372036854775808", "1000000000000000000000")) {
            JsonNode node = AttributeValues.toJson(AttributeValue.fromN(text));
            BigInteger exact = new BigInteger(text);
            assertThat(node.bigIntegerValue()).as(text).isEqualTo(exact);
            assertThat(node.isInt()).as(text).isEqualTo(exact.bitLength() < 32);
            assertThat(node.isLong()).as(text).isEqualTo(exact.bitLength() >= 32 && exact.bitLength() < 64);
            assertThat(node.isBigInteger()).as(text).isEqualTo(exact.bitLength() >= 64);
        }
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> AttributeValues.fromJson(DoubleNode.valueOf(Double.NaN), "v"))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void setsAndBinariesBecomeArraysAndBase64() {
        assertThat(AttributeValues.toJson(AttributeValue.fromSs(List.of("a", "b"))).toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(AttributeValues.toJson(AttributeValue.fromNs(List.of("1", "2.50"))).toString()).isEqualTo("[1,2.50]");
        assertThat(AttributeValues.toJson(AttributeValue.fromB(SdkBytes.fromUtf8String("hi"))).asText()).isEqualTo("aGk=");
        assertThat(AttributeValues.toJson(AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("hi")))).toString())
                .isEqualTo("[\"aGk=\"]");
        assertThat(AttributeValues.toJson(AttributeValue.fromNul(true)).isNull()).isTrue();
    }

    @Test
    void keyPositionsKeepBinaryKeysBinary() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromB(SdkBytes.fromUtf8String("k")),
                "sk", AttributeValue.fromN("3"));

        assertThat(KeyPositions.decode(KeyPositions.encode(key))).isEqualTo(key);
        assertThatThrownBy(() -> KeyPositions.decode(parse("{\"pk\":\"plain\"}"))).isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void aNonObjectItemIsAnInvalidArgument() {
        assertThatThrownBy(() -> AttributeValues.fromJsonObject(parse("{\"k\":[1]}").get("k"), "key"))
                .isInstanceOf(ToolArgumentException.class).hasMessageStartingWith("key must be a JSON object");
    }

    @Test
    void documentsNestedDeeperThanDynamoDbAllowsAreRefusedNamingTheAttribute() {
        String allowed = "{\"a\":".repeat(AttributeValues.MAX_DEPTH) + "1" + "}".repeat(AttributeValues.MAX_DEPTH);
        String tooDeep = "[".repeat(AttributeValues.MAX_DEPTH + 1) + "1" + "]".repeat(AttributeValues.MAX_DEPTH + 1);

        assertThat(AttributeValues.fromJsonObject(parse("{\"pk\":" + allowed + "}"), "item")).containsKey("pk");
        assertThatThrownBy(() -> AttributeValues.fromJsonObject(parse("{\"pk\":" + tooDeep + "}"), "key"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("key.pk is nested more than 32 levels deep; DynamoDB allows 32: store the deeper part as a JSON string instead");
    }
}
