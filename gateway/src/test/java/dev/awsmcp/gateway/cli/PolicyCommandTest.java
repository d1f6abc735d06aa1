package dev.awsmcp.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy check} and {@code policy explain} as an operator runs them. */
class PolicyCommandTest {

    @TempDir
    Path dir;
    private Path config;
    private Path policies;

    @BeforeEach
    void files() throws Exception {
        policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("payments.yaml"), """
                team: payments
                members: [ { group: payments-oncall } ]
                toolsets:
                  k: { tools: [get_table, list], resources: ["payments-*"] }
                """);
        config = dir.resolve("gateway.yaml");
        Files.writeString(config, "toolsets:\n  - { id: k, type: test-kinds, region: us-east-1 }\n"
                + "policies: { dir: \"" + policies + "\" }\n");
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        var cli = GatewayCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void checkReportsOkOrEveryProblemWithFileAndLine() throws Exception {
        Run ok = run("policy", "check", "--config", config.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("1 team(s) OK: [payments]");

        Files.writeString(policies.resolve("broken.yaml"), "team: broken\nmembers: [ { group: g } ]\ntoolsets:\n  k: { tools: [get_tabel] }\n");
        Run broken = run("policy", "check", "--config", config.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("broken.yaml:4: toolsets.k.tools[0]: 'get_tabel' matches no tool k exposes");
    }

    @Test
    void explainPrintsTheDecisionAndTheRule() {
        Run allowed = run("policy", "explain", "--config", config.toString(), "--principal", "alice", "--group", "payments-oncall",
                "--tool", "k__get_table", "--args", "{\"table\":\"payments-orders\"}");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("principal alice, teams [payments]")
                .contains("ALLOW k__get_table by team payments: payments.yaml:4: tools [get_table, list]");

        Run denied = run("policy", "explain", "--config", config.toString(), "--principal", "alice", "--group", "payments-oncall",
                "--tool", "k__get_table", "--args", "{\"table\":\"inventory-stock\"}");
        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.out()).contains("DENY k__get_table: table inventory-stock is outside the resources granted");

        Run stranger = run("policy", "explain", "--config", config.toString(), "--principal", "bob", "--tool", "k__get_table");
        assertThat(stranger.out()).contains("DENY k__get_table: no team of the principal grants it");
    }

    @Test
    void iamWritesTheRolesAsJsonOrACloudFormationTemplate() throws Exception {
        Path awsConfig = dir.resolve("aws.yaml");
        Files.writeString(awsConfig, "toolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1,"
                + " roleArn: \"arn:aws:iam::123456789012:role/mcp-ddb\", externalId: ddb-7f3a }\n"
                + "policies: { dir: \"" + policies + "\" }\n");
        Files.writeString(policies.resolve("payments.yaml"), "team: payments\nmembers: [ { group: p } ]\ntoolsets:\n"
                + "  ddb: { tools: [query], resources: [\"payments-*\"] }\n");
        String principal = "arn:aws:iam::123456789012:role/mcp-gateway-task";

        Run json = run("policy", "iam", "--config", awsConfig.toString(), "--gateway-principal", principal);
        assertThat(json.code()).as(json.out()).isZero();
        JsonNode roles = Json.mapper().readTree(json.out()).path("roles");
        assertThat(roles.get(0).path("roleName").asText()).isEqualTo("mcp-ddb");
        assertThat(roles.get(0).at("/trustPolicy/Statement/0/Principal/AWS").asText()).isEqualTo(principal);
        assertThat(roles.get(0).path("permissionPolicy").toString()).contains("arn:aws:dynamodb:us-east-1:123456789012:table/payments-*");
        assertThat(roles.get(0).at("/sizes/inlinePolicy").asInt()).isPositive();

        Path template = dir.resolve("roles.json");
        Run cloudFormation = run("policy", "iam", "--config", awsConfig.toString(), "--format", "cloudformation", "--managed-policy",
                "-o", template.toString());
        assertThat(cloudFormation.code()).as(cloudFormation.out()).isZero();
        JsonNode stack = Json.mapper().readTree(template.toFile());
        assertThat(stack.at("/Parameters/GatewayPrincipalArn/Default").isMissingNode()).as("no principal given: no default").isTrue();
        assertThat(stack.at("/Resources/McpDdbRole/Properties/AssumeRolePolicyDocument/Statement/0/Principal/AWS/Ref").asText())
                .isEqualTo("GatewayPrincipalArn");
        assertThat(stack.at("/Resources/McpDdbGrants/Type").asText()).isEqualTo("AWS::IAM::ManagedPolicy");
        assertThat(stack.at("/Outputs/DdbRoleArn/Value/Fn::GetAtt/0").asText()).isEqualTo("McpDdbRole");
    }

    @Test
    void iamRefusesWhatItCannotRenderNamingTheFix() {
        Run noPrincipal = run("policy", "iam", "--config", config.toString());
        assertThat(noPrincipal.code()).isEqualTo(1);
        assertThat(noPrincipal.out()).contains("error: --gateway-principal: required with --format json");

        Run badPrincipal = run("policy", "iam", "--config", config.toString(), "--gateway-principal", "mcp-gateway");
        assertThat(badPrincipal.out()).contains("error: --gateway-principal: 'mcp-gateway' is not an IAM role, user or account ARN");

        Run inexpressible = run("policy", "iam", "--config", config.toString(), "--format", "cloudformation");
        assertThat(inexpressible.code()).isEqualTo(1);
        assertThat(inexpressible.out()).contains("error: role mcp-gateway-k: toolset k (type test-kinds) cannot express team payments's"
                + " resource patterns in IAM").doesNotContain("AWSTemplateFormatVersion");
    }
}
