package dev.awsmcp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.testing.TestToolsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessionPolicy: true} in a grant: rendered once at load by the real toolsets, validated, exposed per team. */
class SessionPolicyLoadTest {

    private static TestToolsets toolsets;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsets(@TempDir Path configDir) throws Exception {
        toolsets = TestToolsets.of(configDir, """
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1, roleArn: "arn:aws:iam::123456789012:role/mcp-ddb", access: [read, write] }
                  - { id: s3, type: s3, region: us-east-1, roleArn: "arn:aws:iam::123456789012:role/mcp-s3" }
                  - { id: k, type: test-kinds, region: us-east-1 }
                """);
    }

    @AfterAll
    static void close() {
        toolsets.close();
    }

    private PolicySet load(String yaml, List<String> problems) throws Exception {
        Files.writeString(dir.resolve("team.yaml"), yaml);
        return toolsets.policyLoader().load(dir, problems);
    }

    @Test
    void grantAskingForASessionPolicyCarriesTheToolsetsDocumentOthersNone() throws Exception {
        List<String> problems = new ArrayList<>();
        PolicySet set = load("""
                team: payments
                members: [ { group: payments } ]
                toolsets:
                  ddb: { tools: ["*"], resources: ["payments-*"], sessionPolicy: true }
                  s3: { tools: ["*"], access: [read, write], resources: ["payments-runbooks"], sessionPolicy: true }
                  k: { tools: ["*"], resources: ["x"], sessionPolicy: false }
                """, problems);
        assertThat(problems).isEmpty();
        EffectivePolicy alice = set.effective(new Principal("alice", Principal.Method.JWT, Set.of("payments"), null));
        assertThat(alice.sessionPolicy("payments", "ddb")).as("account taken from the role ARN")
                .startsWith("{\"Version\":\"2012-10-17\"")
                .contains("\"arn:aws:dynamodb:us-east-1:123456789012:table/payments-*\"", "dynamodb:Query")
                .doesNotContain("dynamodb:PutItem");
        assertThat(alice.sessionPolicy("payments", "s3")).as("write is not exposed by the s3 instance")
                .contains("arn:aws:s3:::payments-runbooks/*").doesNotContain("s3:PutObject");
        assertThat(alice.sessionPolicy("payments", "k")).isNull();
        assertThat(alice.sessionPolicy("other-team", "ddb")).isNull();
    }

    @Test
    void oversizedSessionPolicyIsRefusedAtLoadNamingFileLineAndFix() throws Exception {
        String patterns = IntStream.range(0, 40).mapToObj(i -> "\"payments-service-table-" + i + "\"").collect(Collectors.joining(", "));
        List<String> problems = new ArrayList<>();
        load("""
                team: payments
                members: [ { group: payments } ]
                toolsets:
                  ddb:
                    tools: ["*"]
                    resources: [%s]
                    sessionPolicy: true
                """.formatted(patterns), problems);
        assertThat(problems).singleElement().asString()
                .startsWith(dir.resolve("team.yaml") + ":7: toolsets.ddb.sessionPolicy: the generated session policy is ")
                .matches(".* is \\d{4} characters; AWS allows 2048: use fewer or broader resource patterns");
    }

    @Test
    void toolsetThatCannotExpressTheGrantIsAProblem() throws Exception {
        List<String> problems = new ArrayList<>();
        load("""
                team: t
                members: [ { group: g } ]
                toolsets:
                  k: { tools: ["*"], resources: ["x"], sessionPolicy: true }
                  s3: { tools: ["*"], resources: ["/no-bucket"], sessionPolicy: true }
                """, problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains(":4: toolsets.k.sessionPolicy: toolset k (type test-kinds) cannot express");
        assertThat(problems.get(1)).contains(":5: toolsets.s3.sessionPolicy: toolset s3 (type s3) cannot express");
    }

    @Test
    void sessionPolicyMustBeABoolean() throws Exception {
        List<String> problems = new ArrayList<>();
        load("team: t\nmembers: [ { group: g } ]\ntoolsets: { ddb: { tools: [\"*\"], resources: [x], sessionPolicy: maybe } }\n", problems);
        assertThat(problems).singleElement().asString().contains("sessionPolicy");
    }
}
