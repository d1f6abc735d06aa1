package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapping of tool results: every outcome passes the guard, and a guard failure withholds the payload. */
class ToolResultMapperTest {

    private static final GuardContext CONTEXT = new GuardContext(GuardMode.FLAG, 65536, "t", "t__echo", List.of());

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void aThrowingDetectorYieldsAnErrorResultAndNeverThePayload() {
        ResultGuard broken = new ResultGuard(new SecretRedactor(true), text -> {
            throw new IllegalStateException("detector bug");
        });
        CallToolResult result = ToolResultMapper.toMcp(ToolResult.success(Json.object().put("message", "raw payload 42")), "cid-1",
                broken, CONTEXT);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("the result of t__echo could not be checked safely and is withheld; correlation id cid-1");
        assertThat(result.structuredContent()).isNull();
        assertThat(result.meta()).containsEntry("errorKind", "GUARD").containsEntry("correlationId", "cid-1");
        assertThat(result.toString()).doesNotContain("raw payload 42");
    }

    @Test
    void failureMessagesAreRedactedToo() {
        ResultGuard guard = new ResultGuard(new SecretRedactor(false), text -> List.of());
        CallToolResult result = ToolResultMapper.toMcp(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT,
                "validation failed for password=hunter2"), "cid-2", guard, CONTEXT);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("validation failed for password=[REDACTED:password]");
        assertThat(result.meta()).containsKey("findings");
        assertThat(((Map<?, ?>) result.meta().get("findingCounts")).get("secret")).isEqualTo(1);
    }

    @Test
    void contentPartsReplaceTheJsonTextTheirTextsGuardedBinaryPassedWithItsMimeType() {
        ResultGuard guard = new ResultGuard(new SecretRedactor(false), text -> List.of());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        CallToolResult result = ToolResultMapper.toMcp(ToolResult.success(Json.object(), List.of(
                dev.awsmcp.toolset.api.ContentPart.text("token password=hunter2"),
                dev.awsmcp.toolset.api.ContentPart.image("image/png", png),
                dev.awsmcp.toolset.api.ContentPart.resource("test://r", "text/plain", "secret password=hunter3"))), "cid-3", guard, CONTEXT);
        assertThat(result.isError()).isFalse();
        assertThat(result.content()).hasSize(3);
        assertThat(text(result)).isEqualTo("token password=[REDACTED:password]");
        McpSchema.ImageContent image = (McpSchema.ImageContent) result.content().get(1);
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(java.util.Base64.getDecoder().decode(image.data())).isEqualTo(png);
        McpSchema.TextResourceContents embedded = (McpSchema.TextResourceContents) ((McpSchema.EmbeddedResource) result.content().get(2)).resource();
        assertThat(embedded.text()).isEqualTo("secret password=[REDACTED:password]");
        assertThat(((Map<?, ?>) result.meta().get("findingCounts")).get("secret")).isEqualTo(2);
    }
}
