package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonSizeTest {

    @Test
    void sizeIsTheWrittenSizeOfEscapesNonAsciiAndEveryKindOfValue() throws Exception {
        ObjectNode tricky = Json.object().put("q", "\"quoted\" \\ back\nnew\u0001ctl é 中 😀").put("n", 12.50).put("b", true);
        tricky.putNull("z");
        tricky.putArray("a").add(1).add("x").addObject();
        assertThat(JsonSize.of(tricky)).isEqualTo(Json.utf8Writer().writeValueAsBytes(tricky).length);
    }

    /** What the page readers measure: items as the DynamoDB toolset makes them (exact decimals, big integers, nesting). */
    @Test
    void sizeOfItemsWithDecimalsBigIntegersAndNestedValuesIsTheirWrittenSize() throws Exception {
        ObjectNode item = Json.object().put("customer", "c-001").put("amount", 1_234_567_890_123L).put("neg", -7).put("b", false);
        item.set("price", DecimalNode.valueOf(new BigDecimal("1.10")));
        item.set("exp", DecimalNode.valueOf(new BigDecimal("1E+400")));
        item.put("huge", new BigInteger("123456789012345678901234567890"));
        item.put("min", Long.MIN_VALUE).put("max", Long.MAX_VALUE).put("zero", 0);
        item.putObject("address").put("city", "Zürich").putArray("lines").add("Bahnhofstrasse 1").add("").addNull();
        assertThat(JsonSize.of(item)).isEqualTo(Json.utf8Writer().writeValueAsBytes(item).length);
        assertThat(JsonSize.of(Json.mapper().createArrayNode().add(item).add(item))).isEqualTo(2 * JsonSize.of(item) + 3);
    }
}
