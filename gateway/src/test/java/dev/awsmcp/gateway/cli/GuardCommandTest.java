package dev.awsmcp.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guard [--policy FILE]} as an operator runs it on a payload. */
class GuardCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(byte[] stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = GatewayCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    private static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void guardsAJsonPayloadAndPrintsFindingsAndSizes() throws Exception {
        Run r = run("{\"events\":[{\"message\":\"login password=hunter2\"}]}", "guard");
        assertThat(r.code()).isZero();
        JsonNode out = Json.mapper().readTree(r.out());
        assertThat(out.at("/guarded/events/0/message").asText()).startsWith("login password=[REDACTED:password#");
        assertThat(out.at("/findings/0/family").asText()).isEqualTo("secret");
        assertThat(out.at("/findings/0/path").asText()).isEqualTo("$.events[0].message");
        assertThat(out.get("bytes_before").asLong()).isPositive();
        assertThat(out.get("truncated").asBoolean()).isFalse();
        assertThat(r.out()).doesNotContain("hunter2");
    }

    @Test
    void plainTextIsGuardedAsATextField() throws Exception {
        Run r = run("Authorization: Bearer abcdef123456\n", "guard");
        assertThat(r.code()).isZero();
        assertThat(Json.mapper().readTree(r.out()).at("/guarded/text").asText()).startsWith("Authorization: Bearer [REDACTED:authorization-bearer#");
    }

    @Test
    void appliesTheBudgetOfThePolicyFile() throws Exception {
        Path policy = dir.resolve("team.yaml");
        Files.writeString(policy, "team: t\nmembers: [ { group: g } ]\nlimits: { maxResultBytes: 2000 }\nguard: { injection: neutralize }\n");
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 100; i++) {
            events.append(i == 0 ? "" : ",").append("{\"message\":\"event ").append(i).append(" ").append("x".repeat(50)).append("\"}");
        }
        Run r = run(events.append("]}").toString(), "guard", "--policy", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode out = Json.mapper().readTree(r.out());
        assertThat(out.get("truncated").asBoolean()).isTrue();
        assertThat(out.get("bytes_after").asLong()).isLessThanOrEqualTo(2000);
        assertThat(out.at("/guarded/guard_truncation/arrays/0/omitted").asInt()).isPositive();
    }

    @Test
    void unreadableInputOrPolicyExitsWithTwo() throws Exception {
        assertThat(run(new byte[] {(byte) 0xC3, (byte) 0x28}, "guard").code()).isEqualTo(2);
        Path policy = dir.resolve("bad.yaml");
        Files.writeString(policy, "team: t\nguard: { injection: shout }\n");
        Run r = run("{}", "guard", "--policy", policy.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("guard.injection", "shout", "flag, neutralize, block");
    }

    @Test
    void thePolicysSemanticModeApplies() throws Exception {
        Path policy = dir.resolve("semantic.yaml");
        Files.writeString(policy, "team: t\nguard: { semantic: block }\n");
        Run r = run(Json.mapper().writeValueAsString(Map.of("body", dev.awsmcp.gateway.guard.SemanticScreenTest.PLANTED)),
                "guard", "--policy", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode out = Json.mapper().readTree(r.out());
        assertThat(out.at("/guarded/body").asText()).startsWith("[withheld: possible prompt injection (semantic)");
        assertThat(out.at("/findings/0/family").asText()).isEqualTo("semantic");
        Files.writeString(policy, "team: t\nguard: { semantic: loud }\n");
        assertThat(run("{}", "guard", "--policy", policy.toString()).err()).contains("guard.semantic", "loud", "off, flag, block");
    }
}
