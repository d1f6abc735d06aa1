package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.RunningGateway;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic detector through a real gateway and the SDK's Java client: a team's {@code guard.semantic} decides
 * whether the test-echo toolset's text is screened, flagged or withheld, and a gateway whose teams keep it off
 * never loads the model.
 */
class SemanticDetectorEndToEndTest {

    @TempDir
    Path dir;

    private RunningGateway gateway(String semantic) throws Exception {
        Path policies = Files.createDirectories(dir.resolve("policies-" + semantic));
        Files.writeString(policies.resolve("test.yaml"), """
                team: test
                members: [ { apiKey: test } ]
                toolsets:
                  t: { tools: ["*"], access: [read, write], resources: ["*"] }
                guard: { semantic: %s }
                """.formatted(semantic));
        return RunningGateway.start("server:\n  host: 127.0.0.1\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n");
    }

    private static CallToolResult echo(RunningGateway gateway, String text) {
        McpSyncClient client = gateway.client().build();
        try {
            client.initialize();
            return client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", text)));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void blockWithholdsAPlantedInstructionTheRulesMissAndKeepsBenignText() throws Exception {
        try (RunningGateway gateway = gateway("block")) {
            CallToolResult planted = echo(gateway, SemanticScreenTest.PLANTED);
            assertThat(((Map<?, ?>) planted.structuredContent()).get("text"))
                    .isEqualTo("[withheld: possible prompt injection (semantic); ask the operator]");
            assertThat((List<?>) planted.meta().get("findings")).extracting(f -> ((Map<?, ?>) f).get("family") + "/" + ((Map<?, ?>) f).get("rule"))
                    .containsExactly("semantic/instructions");
            assertThat(((Map<?, ?>) planted.meta().get("guard")).get("semantic")).isEqualTo("block");
            CallToolResult benign = echo(gateway, SemanticScreenTest.BENIGN);
            assertThat(((Map<?, ?>) benign.structuredContent()).get("text")).isEqualTo(SemanticScreenTest.BENIGN);
            assertThat(benign.meta()).doesNotContainKey("findings");
            // The audit record names the finding.
            assertThat(Files.readString(gateway.auditFile())).contains("\"family\":\"semantic\"");
        }
    }

    @Test
    void flagReportsAndKeepsTheText() throws Exception {
        try (RunningGateway gateway = gateway("flag")) {
            CallToolResult planted = echo(gateway, SemanticScreenTest.PLANTED);
            assertThat(((Map<?, ?>) planted.structuredContent()).get("text")).isEqualTo(SemanticScreenTest.PLANTED);
            assertThat(planted.meta().get("findingCounts")).isEqualTo(Map.of("semantic", 1));
        }
    }

    @Test
    void offNeverLoadsTheModel() throws Exception {
        try (RunningGateway gateway = gateway("off")) {
            CallToolResult planted = echo(gateway, SemanticScreenTest.PLANTED);
            assertThat(((Map<?, ?>) planted.structuredContent()).get("text")).isEqualTo(SemanticScreenTest.PLANTED);
            assertThat(planted.meta()).doesNotContainKey("findings");
            assertThat(gateway.runtime().semanticScreen().modelLoaded()).isFalse();
        }
    }
}
