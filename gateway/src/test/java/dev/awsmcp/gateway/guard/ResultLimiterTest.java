package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.JsonSize;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Size limiting: cuts at element boundaries, valid JSON, exact accounting, cursors kept, long values marked. */
class ResultLimiterTest {

    private final ResultLimiter limiter = new ResultLimiter();

    private static ObjectNode events(int count, int messageChars) {
        ObjectNode result = Json.object().put("log_group", "/ecs/payments/api");
        ArrayNode events = result.putArray("events");
        for (int i = 0; i < count; i++) {
            events.addObject().put("timestamp", "2024-11-20T14:05:00.000Z").put("message", i + " " + "x".repeat(messageChars));
        }
        result.put("count", count);
        result.put("next_cursor", "eyJ0b2tlbiI6ImFiYyJ9");
        return result;
    }

    private static long bytes(JsonNode node) throws Exception {
        return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void resultWithinBudgetIsUntouched() {
        ObjectNode small = events(3, 10);
        ResultLimiter.Limited limited = limiter.limit(small, 65536);
        assertThat(limited.truncated()).isFalse();
        assertThat(limited.json()).isSameAs(small);
    }

    @Test
    void cutsTrailingEventsAndSaysExactlyWhatWasCut() throws Exception {
        ObjectNode big = events(100, 1000);
        ResultLimiter.Limited limited = limiter.limit(big, 32768);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(limited.json()));
        assertThat(bytes(json)).isLessThanOrEqualTo(32768).isEqualTo(limited.bytesAfter());
        assertThat(limited.bytesBefore()).isEqualTo(bytes(big));
        int kept = json.get("events").size();
        assertThat(kept).isBetween(25, 32);
        for (int i = 0; i < kept; i++) {
            assertThat(json.get("events").get(i).get("message").asText()).as("whole events, in order").startsWith(i + " ").hasSize(1001 + String.valueOf(i).length());
        }
        assertThat(json.get("truncated").asBoolean()).isTrue();
        JsonNode note = json.get(ResultLimiter.NOTE);
        assertThat(note.get("arrays")).hasSize(1);
        assertThat(note.at("/arrays/0/path").asText()).isEqualTo("$.events");
        assertThat(note.at("/arrays/0/kept").asInt()).isEqualTo(kept);
        assertThat(note.at("/arrays/0/omitted").asInt()).isEqualTo(100 - kept);
        assertThat(note.get("bytes_dropped").asLong()).isPositive();
        assertThat(json.get("next_cursor").asText()).isEqualTo("eyJ0b2tlbiI6ImFiYyJ9");
        assertThat(note.get("continue").asText()).contains("next_cursor", "limit " + kept);
        assertThat(big.get("events")).as("input not modified").hasSize(100);
    }

    @Test
    void largestArrayIsCutFirst() throws Exception {
        ObjectNode result = events(50, 500);
        ArrayNode tags = result.putArray("tags");
        for (int i = 0; i < 5; i++) {
            tags.add("tag-" + i);
        }
        JsonNode json = limiter.limit(result, 8000).json();
        assertThat(json.get("tags")).hasSize(5);
        assertThat(json.get("events").size()).isLessThan(50);
        assertThat(bytes(json)).isLessThanOrEqualTo(8000);
    }

    @Test
    void shortensALongSingleValueWithItsOriginalLength() throws Exception {
        ObjectNode object = Json.object().put("content_kind", "text").put("text", "é".repeat(50_000)).put("range_start", 0)
                .put("next_range_start", 100_000);
        ResultLimiter.Limited limited = limiter.limit(object, 20_000);
        JsonNode json = limited.json();
        assertThat(bytes(json)).isLessThanOrEqualTo(20_000);
        String text = json.get("text").asText();
        assertThat(text).endsWith("…[truncated: 50000 chars]");
        assertThat(text.replace("…[truncated: 50000 chars]", "")).matches("é+");
        assertThat(json.get("next_range_start").asInt()).isEqualTo(100_000);
        assertThat(json.at("/guard_truncation/strings/0/path").asText()).isEqualTo("$.text");
        assertThat(json.at("/guard_truncation/strings/0/original_chars").asInt()).isEqualTo(50_000);
        assertThat(json.at("/guard_truncation/continue").asText()).contains("next_range_start");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "😀".repeat(20_000);
        JsonNode json = limiter.limit(Json.object().put("text", emoji), 10_000).json();
        String text = json.get("text").asText();
        String kept = text.substring(0, text.indexOf('…'));
        assertThat(kept.length() % 2).isZero();
        assertThat(kept.codePoints()).allMatch(cp -> cp == "😀".codePointAt(0));
    }

    @Test
    void oneHugeElementKeepsTheArrayAndShortensTheValue() throws Exception {
        ObjectNode result = Json.object();
        result.putArray("items").addObject().put("pk", "order-1").put("blob", "b".repeat(200_000));
        JsonNode json = limiter.limit(result, 4096).json();
        assertThat(json.get("items")).hasSize(1);
        assertThat(json.at("/items/0/pk").asText()).isEqualTo("order-1");
        assertThat(json.at("/items/0/blob").asText()).endsWith("[truncated: 200000 chars]");
        assertThat(bytes(json)).isLessThanOrEqualTo(4096);
    }

    @Test
    void nestedArraysAreCountedAtTheirPaths() throws Exception {
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("items");
        for (int i = 0; i < 3; i++) {
            ArrayNode history = items.addObject().put("pk", "p" + i).putArray("history");
            for (int j = 0; j < 200; j++) {
                history.add("event-" + j + "-" + "h".repeat(20));
            }
        }
        JsonNode json = limiter.limit(result, 6000).json();
        assertThat(bytes(json)).isLessThanOrEqualTo(6000);
        assertThat(json.get(ResultLimiter.NOTE).get("arrays").findValuesAsText("path")).allMatch(p -> p.startsWith("$.items"));
    }

    /** The size is that of the bytes the guard writes, for any mix of pairs, unpaired surrogates, controls and escapes. */
    @Test
    void sizeIsTheWrittenSizeForRandomTextsWithSurrogates() throws Exception {
        char[] alphabet = {'a', ' ', '"', '\\', '\n', '\u0001', '\u007f', 'é', '中', '\u200b', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'};
        java.util.Random random = new java.util.Random(20261207);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            ObjectNode node = Json.object().put(text.toString(), text.toString());
            byte[] written = Json.utf8Writer().writeValueAsBytes(node);
            assertThat(JsonSize.of(node)).as("%s", text.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(written.length);
            // Lossless (values: Jackson's byte parser refuses an unpaired surrogate's escape in a name, not in a value).
            ObjectNode value = Json.object().put("v", text.toString());
            assertThat(Json.mapper().readTree(Json.utf8Writer().writeValueAsBytes(value))).isEqualTo(value);
            String prefix = TreeCutter.prefixWithin(text.toString(), random.nextInt(30));
            assertThat(JsonSize.string(prefix)).isLessThanOrEqualTo(JsonSize.string(text.toString()));
            assertThat(prefix.isEmpty() || !Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))
                    || !(text.length() > prefix.length() && Character.isLowSurrogate(text.charAt(prefix.length())))).isTrue();
        }
    }
}
