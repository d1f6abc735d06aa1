package dev.awsmcp.gateway.toolset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bounds on one call's arguments, each named in the refusal with its setting. */
class ArgumentLimitsTest {

    private static final ArgumentLimits LIMITS = new ArgumentLimits(2048, 10, 3);

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void argumentsWithinEveryBoundPass() throws Exception {
        assertThat(LIMITS.check(json("{\"a\":1,\"b\":[1,2,{\"c\":\"x\"}],\"d\":null}"))).isEmpty();
        assertThat(LIMITS.check(null)).isEmpty();
    }

    @Test
    void tooManyValuesCountPropertiesAndArrayItemsAtEveryDepth() throws Exception {
        // 3 properties + 8 array items = 11 values
        assertThat(LIMITS.check(json("{\"a\":1,\"b\":2,\"c\":[1,2,3,4,5,6,7,8]}")))
                .hasValue("arguments hold more than 10 values, counting object properties and array items (limits.maxArgumentValues)");
        assertThat(LIMITS.check(json("{\"a\":1,\"b\":2,\"c\":[1,2,3,4,5,6,7]}"))).isEmpty();
    }

    @Test
    void tooDeepNamesTheDepthSetting() throws Exception {
        assertThat(LIMITS.check(json("{\"a\":{\"b\":{\"c\":1}}}"))).isEmpty();
        assertThat(LIMITS.check(json("{\"a\":{\"b\":{\"c\":[1]}}}")))
                .hasValue("arguments are nested deeper than 3 levels (limits.maxArgumentDepth)");
    }

    @Test
    void tooLargeCountsTheJsonBytesOfEveryString() throws Exception {
        String within = "{\"text\":\"" + "x".repeat(2000) + "\"}";
        assertThat(LIMITS.check(json(within))).isEmpty();
        String over = "{\"text\":\"" + "é".repeat(1100) + "\"}";
        assertThat(LIMITS.check(json(over))).hasValue("arguments are larger than 2048 bytes as JSON (limits.maxArgumentBytes)");
    }

    @Test
    void jsonBytesMatchWhatJacksonWrites() throws Exception {
        for (String text : new String[] {"plain", "quote \" and \\ back", "line\nbreak\ttab\u0001", "é€😀", ""}) {
            String written = Json.mapper().writeValueAsString(text);
            assertThat(ArgumentLimits.jsonBytes(text)).as(text).isEqualTo(written.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
