package dev.awsmcp.gateway.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles {@code policy iam} plans, with the real toolsets rendering the grants: from the repository's demo
 * configuration and example policies, and from small configurations that show the union's semantics, the
 * trust policy and IAM's size quotas.
 */
class ToolsetRolesTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static final String GATEWAY_ROLE = "arn:aws:iam::123456789012:role/mcp-gateway-task";
    /** IAM's policy grammar as far as the toolsets use it: service actions and ARNs (or *) of the partition. */
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern RESOURCE = Pattern.compile("\\*|arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}|\\*)?:[\\x21-\\x7e]+");

    private static AwsClientFactory clients;

    @TempDir
    Path dir;

    @BeforeAll
    static void clients() {
        clients = new AwsClientFactory(1);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    /** Plans the roles of {@code config} (YAML text, or the repository's demo configuration when null) and {@code policies}. */
    private ToolsetRoles.Plan plan(Path config, Path policies) {
        GatewayConfig gateway = new ConfigLoader(name -> name.equals("DEMO_API_KEYS_FILE") ? "unused.yaml" : null).load(config);
        try (ToolsetRegistry registry = ToolsetRegistry.create(gateway, clients)) {
            PolicySet set = new PolicyLoader(registry, gateway.limits()).load(policies);
            return ToolsetRoles.plan(registry, set);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static ToolsetRole role(ToolsetRoles.Plan plan, String toolset) {
        return plan.roles().stream().filter(r -> r.toolsets().contains(toolset)).findFirst().orElseThrow();
    }

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    /** Calls {@code check} with each statement's actions and resources. */
    private static void eachStatement(JsonNode policy, BiConsumer<List<String>, List<String>> check) {
        for (JsonNode statement : policy.path("Statement")) {
            check.accept(strings(statement.path("Action")), strings(statement.path("Resource")));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void demoRolesAreTheUnionOfBothExampleTeamsGrantsInIamsGrammar() throws Exception {
        ToolsetRoles.Plan plan = plan(ROOT.resolve("config/demo.yaml"), ROOT.resolve("policies"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.roles()).extracting(ToolsetRole::roleName)
                .containsExactly("mcp-ddb-readonly", "mcp-s3-readonly", "mcp-logs-readonly", "mcp-lambda-readonly", "mcp-cloudwatch-readonly");

        ToolsetRole ddb = role(plan, "ddb");
        assertThat(ddb.teams()).containsExactly("inventory", "payments-oncall");
        JsonNode ddbPolicy = tree(ddb.permissionPolicy());
        JsonNode reads = ddbPolicy.path("Statement").get(1);
        assertThat(strings(reads.path("Action"))).contains("dynamodb:Query", "dynamodb:GetItem");
        assertThat(strings(reads.path("Resource"))).as("one statement over both teams' tables: merged, not repeated")
                .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/inventory-*",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/inventory-*/index/*",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/payments-*",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/payments-*/index/*");
        assertThat(ddbPolicy.path("Statement")).hasSize(2);
        assertThat(ddb.permissionPolicy()).doesNotContain("PutItem", "Deny");

        assertThat(role(plan, "s3").permissionPolicy()).contains("arn:aws:s3:::payments-runbooks/*",
                "arn:aws:s3:::payments-deploys/manifests/*", "arn:aws:s3:::inventory-reports/*", "\"s3:prefix\":\"manifests/*\"");
        assertThat(role(plan, "lambda").permissionPolicy()).doesNotContain("lambda:InvokeFunction");
        assertThat(role(plan, "cw").teams()).containsExactly("payments-oncall");

        for (ToolsetRole role : plan.roles()) {
            JsonNode policy = tree(role.permissionPolicy());
            assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
            eachStatement(policy, (actions, resources) -> {
                assertThat(actions).as(role.roleName()).isNotEmpty().allMatch(a -> ACTION.matcher(a).matches());
                assertThat(resources).as(role.roleName()).isNotEmpty().allMatch(r -> RESOURCE.matcher(r).matches());
            });
            assertThat(role.maxSessionDuration()).isEqualTo(3600);
        }
    }

    @Test
    void theUnionKeepsEachTeamsAccessClassOnItsOwnResources() throws Exception {
        Path config = write("gateway.yaml", """
                toolsets:
                  - { id: ddb, type: dynamodb, region: eu-west-1, accountId: "111122223333", access: [read, write],
                      roleArn: "arn:aws:iam::111122223333:role/ops/mcp-ddb", externalId: ddb-7f3a, sessionDuration: 2h }
                """);
        write("policies/writers.yaml", "team: writers\nmembers: [ { group: w } ]\ntoolsets:\n"
                + "  ddb: { tools: [\"*\"], access: [write], resources: [\"orders-*\"] }\n");
        write("policies/readers.yaml", "team: readers\nmembers: [ { group: r } ]\ntoolsets:\n"
                + "  ddb: { tools: [\"*\"], access: [read], resources: [\"stock-*\"] }\n");
        ToolsetRole ddb = role(plan(config, dir.resolve("policies")), "ddb");

        assertThat(ddb.roleName()).isEqualTo("mcp-ddb");
        assertThat(ddb.path()).isEqualTo("/ops/");
        assertThat(ddb.maxSessionDuration()).as("at least the configured sessionDuration").isEqualTo(7200);
        assertThat(ddb.permissionPolicy()).contains("dynamodb:PutItem", "dynamodb:Query");
        eachStatement(tree(ddb.permissionPolicy()), (actions, resources) -> {
            if (actions.contains("dynamodb:PutItem")) {
                assertThat(resources).as("writers write their tables only").containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/orders-*");
            }
            if (actions.contains("dynamodb:Query")) {
                assertThat(resources).as("readers read their tables only").allMatch(r -> r.contains("table/stock-*"));
            }
        });

        JsonNode trust = ddb.trustPolicy(Json.mapper().getNodeFactory().textNode(GATEWAY_ROLE), true);
        JsonNode assume = trust.path("Statement").get(0);
        assertThat(assume.path("Principal").path("AWS").asText()).isEqualTo(GATEWAY_ROLE);
        assertThat(assume.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(assume.at("/Condition/StringEquals/sts:ExternalId").asText()).isEqualTo("ddb-7f3a");
        JsonNode attributes = trust.path("Statement").get(1);
        assertThat(strings(attributes.path("Action"))).containsExactly("sts:SetSourceIdentity", "sts:TagSession");
        assertThat(strings(attributes.at("/Condition/StringEquals/aws:RequestTag~1team")))
                .as("the granting teams and the health check's").containsExactly("readers", "writers", "gateway");
        assertThat(strings(attributes.at("/Condition/ForAllValues:StringEquals/aws:TagKeys"))).containsExactly("team", "principal");
        assertThat(ddb.trustPolicy(Json.object().put("Ref", "P"), false).path("Statement").get(1).has("Condition")).isFalse();
    }

    @Test
    void toolsetsWithoutRoleArnGetADefaultRoleAndANoteAndUngrantedOnesANote() throws Exception {
        Path config = write("gateway.yaml", """
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1 }
                  - { id: logs, type: logs, region: us-east-1 }
                """);
        write("policies/t.yaml", "team: t\nmembers: [ { group: t } ]\ntoolsets:\n  ddb: { tools: [\"*\"], resources: [\"t-*\"] }\n");
        ToolsetRoles.Plan plan = plan(config, dir.resolve("policies"));
        assertThat(plan.roles()).extracting(ToolsetRole::roleName).containsExactly("mcp-gateway-ddb", "mcp-gateway-logs");
        assertThat(role(plan, "logs").permissionPolicy()).isNull();
        assertThat(plan.notes()).contains(
                "toolset ddb has no roleArn, so the gateway calls it with its own credentials; to use the role emitted here, set its"
                        + " roleArn to arn:<partition>:iam::<account>:role/mcp-gateway-ddb",
                "role mcp-gateway-logs: no team grants toolset(s) [logs], so the role may do nothing and their health checks fail");
    }

    @Test
    void toolsetsSharingARoleGetOneRoleUnlessTheirExternalIdsDiffer() throws Exception {
        String role = "roleArn: \"arn:aws:iam::123456789012:role/mcp-shared\"";
        Path config = write("gateway.yaml", "toolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, " + role + ", externalId: one-id }\n"
                + "  - { id: logs, type: logs, region: us-east-1, " + role + ", externalId: another-id }\n");
        write("policies/t.yaml", "team: t\nmembers: [ { group: t } ]\ntoolsets:\n  ddb: { tools: [\"*\"], resources: [\"t-*\"] }\n"
                + "  logs: { tools: [\"*\"], resources: [\"/t/*\"] }\n");
        ToolsetRoles.Plan plan = plan(config, dir.resolve("policies"));
        assertThat(plan.roles()).hasSize(1);
        assertThat(plan.roles().get(0).permissionPolicy()).contains("dynamodb:Query", "logs:FilterLogEvents");
        assertThat(plan.problems()).containsExactly("role mcp-shared: toolsets [ddb, logs] assume it with different externalIds;"
                + " give them the same externalId or a role each");
    }

    @Test
    void documentsOverIamsQuotasAreRefusedNamingTheRoleTheSizeAndTheFix() throws Exception {
        Path config = write("gateway.yaml", """
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1, roleArn: "arn:aws:iam::123456789012:role/mcp-ddb" }
                """);
        String tables = String.join(", ", IntStream.range(0, 60).mapToObj(i -> "\"payments-ledger-archive-partition-" + i + "\"").toList());
        write("policies/big.yaml", "team: big\nmembers: [ { group: b } ]\ntoolsets:\n  ddb: { tools: [\"*\"], resources: [" + tables + "] }\n");
        ToolsetRoles.Plan plan = plan(config, dir.resolve("policies"));
        int size = IamLimits.size(plan.roles().get(0).permissionPolicy());
        assertThat(size).isBetween(IamLimits.INLINE_ROLE_POLICIES + 1, 20_000);

        assertThatThrownBy(() -> new IamTemplates(plan, new IamOptions(GATEWAY_ROLE, false, false)))
                .isInstanceOf(IamException.class)
                .hasMessage(String.format("role mcp-ddb (toolsets ddb): the permission policy is %,d characters; IAM allows 10,240 for a"
                        + " role's inline policies: use fewer or broader resource patterns in the grants of teams [big], or split the"
                        + " teams over two toolset instances with a role each", size));
        assertThatThrownBy(() -> new IamTemplates(plan, new IamOptions(GATEWAY_ROLE, true, false)))
                .hasMessageContaining("IAM allows 6,144 for a managed policy: use fewer or broader resource patterns in the grants of"
                        + " teams [big], use an inline policy (drop --managed-policy, up to 10,240), or split");
    }

    @Test
    void aTrustPolicyOverTheDefaultQuotaIsRefused() throws Exception {
        Path config = write("gateway.yaml", "toolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1,"
                + " roleArn: \"arn:aws:iam::123456789012:role/mcp-ddb\", externalId: " + "x".repeat(1200) + " }\n");
        for (int i = 0; i < 12; i++) {
            String team = "team-" + i + "-" + "n".repeat(50);
            write("policies/" + team + ".yaml", "team: " + team + "\nmembers: [ { group: g } ]\ntoolsets:\n"
                    + "  ddb: { tools: [\"*\"], resources: [\"t-*\"] }\n");
        }
        ToolsetRoles.Plan plan = plan(config, dir.resolve("policies"));
        new IamTemplates(plan, new IamOptions(GATEWAY_ROLE, false, false));
        assertThatThrownBy(() -> new IamTemplates(plan, new IamOptions(GATEWAY_ROLE, false, true)))
                .isInstanceOf(IamException.class)
                .hasMessageStartingWith("role mcp-ddb: the trust policy is ")
                .hasMessageEndingWith("characters; IAM allows 2,048 by default: shorten the externalId or leave out --team-tag-condition,"
                        + " or raise the account's \"Role trust policy length\" quota (up to 4,096)");
    }
}
