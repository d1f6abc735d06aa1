package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outcomes as MCP results: what the model reads and what {@code _meta} says about it. */
class McpCallResultsTest {

    private static final GuardContext CONTEXT = new GuardContext(GuardMode.FLAG, 65536, "t", "t__echo", List.of("r1"));
    private static final GuardFinding SECRET = new GuardFinding(GuardFinding.SECRET, "password", "$.content[0]", "redacted");

    private static CallOutcome.GuardedAnswer answer(List<ContentPart> parts, List<GuardFinding> partFindings) {
        GuardedResult data = new GuardedResult(Json.object().put("text", "hi").put("next_cursor", "c1"), "<untrusted b1>{\"text\":\"hi\"}</untrusted b1>",
                "b1", List.of(), 40, 30, true);
        return new CallOutcome.GuardedAnswer(data, parts, partFindings, CONTEXT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String text(CallToolResult result, int index) {
        return ((McpSchema.TextContent) result.content().get(index)).text();
    }

    @Test
    void aSuccessIsStructuredContentAndTheEnvelopeTextWithTheGuardsMeta() {
        CallToolResult result = McpCallResults.toMcp(new CallOutcome.Succeeded("cid-1", answer(List.of(), List.of()), null, null));

        assertThat(result.isError()).isFalse();
        // Structured content is the guarded tree itself, written by Jackson as the client receives it.
        assertThat(Json.mapper().convertValue(result.structuredContent(), Map.class)).isEqualTo(Map.of("text", "hi", "next_cursor", "c1"));
        assertThat(text(result, 0)).isEqualTo("<untrusted b1>{\"text\":\"hi\"}</untrusted b1>");
        assertThat(result.meta()).containsEntry("correlationId", "cid-1").doesNotContainKeys("errorKind", "cache", "taint");
        assertThat(map(result.meta().get("guard"))).containsEntry("bytesBefore", 40L).containsEntry("bytesAfter", 30L)
                .containsEntry("truncated", true).containsEntry("mode", GuardMode.FLAG.id());
        assertThat(map(result.meta().get("untrusted"))).containsEntry("boundary", "b1");
    }

    @Test
    void contentPartsReplaceTheEnvelopeBinaryKeepsItsMimeTypeAndPartFindingsAreCounted() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        CallToolResult result = McpCallResults.toMcp(new CallOutcome.Succeeded("cid-2", answer(List.of(ContentPart.text("t"),
                ContentPart.image("image/png", png), ContentPart.resource("test://r", "text/plain", "x")), List.of(SECRET)),
                Duration.ofSeconds(7), Json.object().put("level", "weak")));

        assertThat(result.content()).hasSize(3);
        assertThat(text(result, 0)).isEqualTo("t");
        McpSchema.ImageContent image = (McpSchema.ImageContent) result.content().get(1);
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(java.util.Base64.getDecoder().decode(image.data())).isEqualTo(png);
        assertThat(((McpSchema.TextResourceContents) ((McpSchema.EmbeddedResource) result.content().get(2)).resource()).text()).isEqualTo("x");
        assertThat(map(result.meta().get("findingCounts"))).containsEntry("secret", 1);
        assertThat(result.meta()).containsEntry("cache", Map.of("hit", true, "ageSeconds", 7L)).containsEntry("taint", Map.of("level", "weak"));
    }

    @Test
    void everyOtherOutcomeIsAnErrorWithItsMessageAndKind() {
        CallToolResult failed = McpCallResults.toMcp(new CallOutcome.Failed("cid-3", ErrorKind.INVALID_ARGUMENT, "bad password=[REDACTED]",
                List.of(SECRET)));
        assertThat(failed.isError()).isTrue();
        assertThat(text(failed, 0)).isEqualTo("bad password=[REDACTED]");
        assertThat(failed.structuredContent()).isNull();
        assertThat(failed.meta()).containsEntry("errorKind", "INVALID_ARGUMENT").containsKey("findings");

        CallToolResult throttled = McpCallResults.toMcp(new CallOutcome.Throttled("cid-4", "slow down", 12));
        assertThat(throttled.meta()).containsEntry("errorKind", "THROTTLED").containsEntry("retryAfterSeconds", 12L);

        CallToolResult denied = McpCallResults.toMcp(new CallOutcome.Denied("cid-5", "denied by policy"));
        assertThat(denied.meta()).containsEntry("errorKind", "ACCESS_DENIED");
        assertThat(McpCallResults.toMcp(new CallOutcome.Cancelled("cid-6", "gone")).meta()).containsEntry("errorKind", "CANCELLED");
    }
}
