package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guarded result is written once: the response copies the guard's bytes as its structuredContent. */
class WrittenJsonTest {

    private static final McpJsonMapper RESPONSES = McpServerFactory.JSON;
    private final ResultGuard guard = new ResultGuard(new SecretRedactor(false), new TrivialDetector());

    private static ObjectNode result() throws Exception {
        return (ObjectNode) Json.mapper().readTree("{\"events\":[{\"message\":\"deploy \\\"v2\\\" done \\u00e9 \\ud83d\\ude80\\n\\tnext\","
                + "\"n\":12.50,\"big\":12345678901234567890,\"ok\":true,\"none\":null}],\"next_cursor\":\"abc\"}");
    }

    private static byte[] response(JsonNode structured, String text) throws Exception {
        return RESPONSES.writeValueAsBytes(new McpSchema.JSONRPCResponse("2.0", 1, McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(text))).structuredContent(structured).isError(false)
                .meta(Map.of("correlationId", "c")).build(), null));
    }

    @Test
    void theResponseIsTheSameJsonAsTheTreeWrittenAgain() throws Exception {
        GuardedResult guarded = guard.apply(result(), new GuardContext(GuardMode.FLAG, 65536, "logs", "logs__filter_log_events", List.of("g")));
        ObjectNode tree = guarded.json().deepCopy();

        JsonNode fromBytes = Json.mapper().readTree(response(guarded.json(), guarded.text()));
        JsonNode fromTree = Json.mapper().readTree(response(tree, guarded.text()));

        assertThat(fromBytes).isEqualTo(fromTree);
        assertThat(fromBytes.at("/result/structuredContent")).isEqualTo(tree);
        assertThat(fromBytes.at("/result/structuredContent/events/0/n").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(fromBytes.at("/result/structuredContent/events/0/big").bigIntegerValue()).hasToString("12345678901234567890");
        // Text generators and tree conversions walk the tree.
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(guarded.json()))).isEqualTo(tree);
        assertThat(Json.mapper().valueToTree(guarded.json()).equals(tree)).isTrue();
    }

    @Test
    void aUtf8GeneratorCopiesTheGuardsBytesAndOthersWalkTheTree() throws Exception {
        ObjectNode tree = result();
        // Bytes that differ from the tree show which one a generator wrote.
        byte[] marked = "{\"written\":\"by the guard\"}".getBytes(StandardCharsets.UTF_8);
        ObjectNode written = WrittenJson.of(tree, marked);

        assertThat(Json.mapper().readTree(response(written, "t")).at("/result/structuredContent"))
                .isEqualTo(Json.mapper().readTree(marked));
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(written))).isEqualTo(tree);
        assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(written)).contains("deploy");
    }

    @Test
    void itsMembersCannotChangeSoTheBytesStayItsJson() throws Exception {
        GuardedResult guarded = guard.apply(result(), new GuardContext(GuardMode.FLAG, 65536, "logs", "logs__filter_log_events", List.of("g")));

        assertThatThrownBy(() -> guarded.json().put("next_cursor", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> guarded.json().remove("events")).isInstanceOf(UnsupportedOperationException.class);
        ObjectNode copy = guarded.json().deepCopy();
        copy.put("next_cursor", "other");
        assertThat(guarded.json().get("next_cursor").textValue()).isEqualTo("abc");
    }

    @Test
    void aCutResultIsWrittenOnceToo() throws Exception {
        ObjectNode big = Json.mapper().createObjectNode();
        var events = big.putArray("events");
        for (int i = 0; i < 200; i++) {
            events.addObject().put("message", "line " + i + " of a long log with text to cut");
        }
        GuardedResult guarded = guard.apply(big, new GuardContext(GuardMode.FLAG, 2048, "logs", "logs__filter_log_events", List.of("g")));

        assertThat(guarded.truncated()).isTrue();
        assertThat(guarded.json()).isInstanceOf(WrittenJson.class);
        JsonNode structured = Json.mapper().readTree(response(guarded.json(), guarded.text())).at("/result/structuredContent");
        // Parsed back, as the numbers' node types of a parse differ from those the cutter made (IntNode, LongNode).
        assertThat(structured).isEqualTo(Json.mapper().readTree(Json.mapper().writeValueAsString(guarded.json())));
        assertThat(Json.mapper().writeValueAsBytes(structured)).hasSize((int) guarded.bytesAfter());
    }
}
