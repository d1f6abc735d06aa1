package dev.awsmcp.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CloudFormation template of {@code deploy/cloudformation/}, and templates {@code policy iam} generates from the
 * repository's configurations and example policies, pass {@code cfn-lint} (PyPI; installed by
 * scripts/install-test-deps.sh) without a single finding: resource schemas, intrinsic functions, and the IAM policy
 * documents' grammar, ARN formats and action names (rules E3510, W3037).
 */
class CloudFormationTemplatesTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static final String CFN_LINT = "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())";
    private static final String PRINCIPAL = "arn:aws:iam::123456789012:role/mcp-gateway-task";

    @TempDir
    static Path dir;
    private static Path demoInline;
    private static Path demoManaged;
    private static Path deployRoles;

    @BeforeAll
    static void generate() throws Exception {
        demoInline = policyIam("demo-inline.json", "config/demo.yaml", "--gateway-principal", PRINCIPAL, "--team-tag-condition");
        demoManaged = policyIam("demo-managed.json", "config/demo.yaml", "--managed-policy");
        deployRoles = policyIam("deploy.json", "deploy/config/gateway.yaml");
    }

    private static ExternalCommand.Outcome cfnLint(List<Path> templates) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExternalCommand.python(), "-c", CFN_LINT, "--"));
        templates.forEach(t -> command.add(t.toString()));
        return ExternalCommand.run(ROOT, 300, command);
    }

    private static Path policyIam(String name, String config, String... options) throws Exception {
        Path template = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("policy", "iam", "--config", config, "--policies", "policies",
                "--format", "cloudformation", "-o", template.toString()));
        args.addAll(List.of(options));
        ExternalCommand.Outcome generated = ExternalCommand.gateway(Map.of("DEMO_API_KEYS_FILE", "unused.yaml"), args.toArray(String[]::new));
        assertThat(generated.exitCode()).as(generated.transcript()).isZero();
        return template;
    }

    @Test
    void everyTemplateAndTheGeneratedToolsetRolesPassCfnLint() throws Exception {
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/cloudformation"))) {
            files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(templates::add);
        }
        assertThat(templates).isNotEmpty();
        templates.addAll(List.of(demoInline, demoManaged, deployRoles));

        ExternalCommand.Outcome lint = cfnLint(templates);
        assertThat(lint.exitCode()).as("cfn-lint " + templates + "\n" + lint.transcript()).isZero();
        assertThat(lint.stdout() + lint.stderr()).as("cfn-lint ran and found nothing").doesNotContain("Traceback");
    }

    @Test
    void theEcsStackReadsTheRoleArnsTheGeneratedTemplateOutputsForTheDeployConfiguration() throws Exception {
        JsonNode roles = Json.mapper().readTree(deployRoles.toFile());
        List<String> outputs = new ArrayList<>();
        roles.path("Outputs").fieldNames().forEachRemaining(outputs::add);
        assertThat(outputs).containsExactly("DdbRoleArn", "S3RoleArn", "LogsRoleArn", "LambdaRoleArn", "CwRoleArn");
        String ecs = Files.readString(ROOT.resolve("deploy/cloudformation/gateway.yaml"));
        outputs.forEach(output -> assertThat(ecs).contains("!GetAtt ToolsetRoles.Outputs." + output));
        assertThat(roles.at("/Resources/McpGatewayDdbRole/Properties/Tags/0/Key").asText())
                .as("the tag the task role's sts:AssumeRole statement requires").isEqualTo("mcp-gateway:toolsets");
        assertThat(ecs).contains("aws:ResourceTag/mcp-gateway:toolsets");
    }

    @Test
    void cfnLintCatchesAMisspelledActionAndAMalformedArnInAGeneratedPolicy() throws Exception {
        String template = Files.readString(demoInline);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, template.replace("dynamodb:GetItem", "dynamodb:GetIteem")
                .replace("\"arn:aws:s3:::payments-runbooks\"", "\"arn:aws:s3::payments-runbooks\""));
        ExternalCommand.Outcome lint = cfnLint(List.of(broken));
        assertThat(lint.exitCode()).as(lint.transcript()).isNotZero();
        assertThat(lint.stdout()).contains("W3037 'getiteem' is not one of", "E3510 'arn:aws:s3::payments-runbooks' does not match");
    }
}
