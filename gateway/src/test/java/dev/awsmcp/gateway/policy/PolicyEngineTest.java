package dev.awsmcp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy engine: membership, tool grants by name and access class, resource matching after
 * canonicalization, unions across teams, and a suite of bypass attempts that must all be refused.
 */
class PolicyEngineTest {

    static final String PAYMENTS = """
            team: payments
            members: [ { group: payments-oncall }, { apiKey: incident-bot } ]
            toolsets:
              k:
                tools: [get_table, partiql, bucket_policy, get_object, list_objects, filter_logs, invoke, list]
                access: [read, invoke]
                resources: ["payments-*", "/aws/lambda/payments-*"]
              s3like:
                tools: [bucket_policy, get_object, list_objects]
                resources: ["payments-deploys/manifests/*", "payments-runbooks"]
            limits: { maxResultBytes: 1000, callsPerMinute: 2 }
            """;
    static final String INVENTORY = """
            team: inventory
            members: [ { group: inventory } ]
            toolsets:
              k: { tools: [get_table, "list*"], resources: ["inventory-*"] }
            """;

    @TempDir
    static Path dir;
    private static AwsClientFactory clients;
    private static ToolsetRegistry registry;
    private static PolicySet policies;

    @BeforeAll
    static void load() throws Exception {
        clients = new AwsClientFactory(2);
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                toolsets:
                  - { id: k, type: test-kinds, region: us-east-1, accountId: "123456789012", access: [read, write, invoke] }
                  - { id: noacct, type: test-kinds, region: us-east-1 }
                  - { id: s3like, type: test-kinds, region: us-east-1 }
                """);
        GatewayConfig gateway = new ConfigLoader(n -> null).load(config);
        registry = ToolsetRegistry.create(gateway, clients);
        Path policyDir = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policyDir.resolve("payments.yaml"), PAYMENTS);
        Files.writeString(policyDir.resolve("inventory.yaml"), INVENTORY);
        Files.writeString(policyDir.resolve("noacct.yaml"), "team: noacct\nmembers: [ { group: noacct } ]\n"
                + "toolsets:\n  noacct: { tools: [get_table], resources: [\"payments-*\"] }\n");
        policies = new PolicyLoader(registry, gateway.limits()).load(policyDir);
    }

    @AfterAll
    static void close() {
        registry.close();
        clients.close();
    }

    static Principal member(String... groups) {
        return new Principal("user-" + String.join("+", groups), Principal.Method.JWT, Set.of(groups), null);
    }

    static RegisteredTool tool(String name) {
        return registry.find(name).orElseThrow();
    }

    static Decision decide(Principal who, String tool, String argumentsJson) throws Exception {
        JsonNode args = Json.mapper().readTree(argumentsJson.replace('\'', '"'));
        RegisteredTool t = tool(tool);
        return policies.effective(who).authorize(t, t.spec().resources().apply(args));
    }

    static void allowed(Principal who, String tool, String args) throws Exception {
        assertThat(decide(who, tool, args)).as(tool + " " + args).isInstanceOf(Decision.Allowed.class);
    }

    static void denied(Principal who, String tool, String args) throws Exception {
        assertThat(decide(who, tool, args)).as(tool + " " + args).isInstanceOf(Decision.Denied.class);
    }

    static void refused(Principal who, String tool, String args) {
        assertThatThrownBy(() -> decide(who, tool, args)).as(tool + " " + args).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResourceOfAKindTheToolDoesNotDeclareIsRefusedWhateverTheGrant() {
        Principal p = member("payments-oncall");
        assertThatThrownBy(() -> decide(p, "k__mislabeled", "{'group':'/aws/lambda/payments-api'}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k__mislabeled named a resource of kind 'log-group' that it does not declare");
    }

    @Test
    void membershipByGroupApiKeyAndNobodyElse() {
        assertThat(policies.effective(member("payments-oncall")).teams()).containsExactly("payments");
        assertThat(policies.effective(Principal.apiKey("incident-bot")).teams()).containsExactly("payments");
        assertThat(policies.effective(Principal.apiKey("other-bot")).teams()).isEmpty();
        assertThat(policies.effective(member("payments-oncall", "inventory")).teams()).containsExactlyInAnyOrder("payments", "inventory");
    }

    @Test
    void toolsAreVisibleOnlyWhenNameAndAccessClassAreGranted() {
        EffectivePolicy payments = policies.effective(member("payments-oncall"));
        assertThat(payments.toolVisible(tool("k__get_table"))).isTrue();
        assertThat(payments.toolVisible(tool("k__invoke"))).isTrue();
        assertThat(payments.toolVisible(tool("k__put_table"))).as("WRITE not granted").isFalse();
        assertThat(payments.toolVisible(tool("noacct__get_table"))).as("other toolset").isFalse();
        EffectivePolicy inventory = policies.effective(member("inventory"));
        assertThat(inventory.toolVisible(tool("k__list"))).as("glob list*").isTrue();
        assertThat(inventory.toolVisible(tool("k__list_objects"))).isTrue();
        assertThat(inventory.toolVisible(tool("k__invoke"))).as("access defaults to read").isFalse();
        EffectivePolicy nobody = policies.effective(member("strangers"));
        assertThat(registry.tools()).noneMatch(nobody::toolVisible);
    }

    @Test
    void tablesMatchExactCaseAndNoPrefixConfusion() throws Exception {
        Principal p = member("payments-oncall");
        allowed(p, "k__get_table", "{'table':'payments-orders'}");
        denied(p, "k__get_table", "{'table':'Payments-orders'}");
        denied(p, "k__get_table", "{'table':'payments'}");
        denied(p, "k__get_table", "{'table':'paymentsx-orders'}");
        denied(p, "k__get_table", "{'table':'inventory-stock'}");
    }

    @Test
    void arnsAreReducedToNamesInTheToolsetsAccountAndRegionOnly() throws Exception {
        Principal p = member("payments-oncall");
        allowed(p, "k__get_table", "{'table':'arn:aws:dynamodb:us-east-1:123456789012:table/payments-orders'}");
        denied(p, "k__get_table", "{'table':'arn:aws:dynamodb:us-east-1:123456789012:table/inventory-stock'}");
        refused(p, "k__get_table", "{'table':'arn:aws:dynamodb:us-east-1:999999999999:table/payments-orders'}");
        refused(p, "k__get_table", "{'table':'arn:aws:dynamodb:eu-west-1:123456789012:table/payments-orders'}");
        refused(member("noacct"), "noacct__get_table", "{'table':'arn:aws:dynamodb:us-east-1:123456789012:table/payments-orders'}");
        allowed(member("noacct"), "noacct__get_table", "{'table':'payments-orders'}");
    }

    @Test
    void lookalikesWildcardsAndControlCharactersInNamesAreRefused() {
        Principal p = member("payments-oncall");
        refused(p, "k__get_table", "{'table':'p\u0430yments-orders'}");
        refused(p, "k__get_table", "{'table':'payments-*'}");
        refused(p, "k__get_table", "{'table':'*'}");
        refused(p, "k__get_table", "{'table':'payments-orders\\u0000'}");
        refused(p, "k__get_table", "{'table':'payments-orders\u200b'}");
        refused(p, "k__filter_logs", "{'group':'/aws/lambda/payments-x\\nINJECT'}");
    }

    @Test
    void partiqlMustHaveEveryTableItNamesGrantedByOneTeam() throws Exception {
        Principal both = member("payments-oncall", "inventory");
        allowed(both, "k__partiql", "{'tables':['payments-orders','payments-refunds']}");
        denied(both, "k__partiql", "{'tables':['payments-orders','inventory-stock']}");
        allowed(both, "k__get_table", "{'table':'inventory-stock'}");
    }

    @Test
    void s3KeysAreNormalizedAndPrefixesMustStayInsideTheGrant() throws Exception {
        Principal p = member("payments-oncall");
        allowed(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'manifests/2024.11.3.json'}");
        allowed(p, "s3like__get_object", "{'bucket':'payments-runbooks','key':'runbooks/a/b.md'}");
        denied(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'artifacts/x.tar.gz'}");
        refused(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'manifests/../artifacts/x'}");
        refused(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'manifests//x'}");
        refused(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'/manifests/x'}");
        refused(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'manifests/%2e%2e/x'}");
        refused(p, "s3like__get_object", "{'bucket':'payments-deploys','key':'manifests\\\\..\\\\x'}");
        refused(p, "s3like__get_object", "{'bucket':'Payments-Deploys','key':'manifests/x'}");
        allowed(p, "s3like__list_objects", "{'bucket':'payments-deploys','prefix':'manifests/'}");
        allowed(p, "s3like__list_objects", "{'bucket':'payments-deploys','prefix':'manifests/2024'}");
        denied(p, "s3like__list_objects", "{'bucket':'payments-deploys','prefix':''}");
        denied(p, "s3like__list_objects", "{'bucket':'payments-deploys','prefix':'man'}");
        allowed(p, "s3like__bucket_policy", "{'bucket':'payments-deploys'}");
        denied(p, "s3like__bucket_policy", "{'bucket':'inventory-reports'}");
    }

    @Test
    void lambdaQualifiersAndArnFormsCanonicalizeToTheFunctionName() throws Exception {
        Principal p = member("payments-oncall");
        allowed(p, "k__invoke", "{'function':'payments-refund-worker'}");
        allowed(p, "k__invoke", "{'function':'payments-refund-worker','qualifier':'live'}");
        allowed(p, "k__invoke", "{'function':'arn:aws:lambda:us-east-1:123456789012:function:payments-refund-worker:7'}");
        allowed(p, "k__invoke", "{'function':'123456789012:function:payments-refund-worker'}");
        denied(p, "k__invoke", "{'function':'inventory-reconciler'}");
        refused(p, "k__invoke", "{'function':'arn:aws:lambda:us-east-1:999999999999:function:payments-refund-worker'}");
        refused(p, "k__invoke", "{'function':'payments-refund-worker:live:extra'}");
    }

    @Test
    void listingsShowOnlyResourcesSomeGrantingTeamCovers() {
        var visibility = policies.effective(member("inventory")).visibility(tool("k__list"));
        assertThat(visibility.visible(new ResourceRef(dev.awsmcp.toolset.dynamodb.DynamoDbResources.TABLE, "inventory-stock"))).isTrue();
        assertThat(visibility.visible(new ResourceRef(dev.awsmcp.toolset.dynamodb.DynamoDbResources.TABLE, "payments-orders"))).isFalse();
        assertThat(visibility.visible(new ResourceRef(dev.awsmcp.toolset.dynamodb.DynamoDbResources.TABLE, "inventory-*"))).as("glob from data").isFalse();
    }

    @Test
    void limitsAreCappedByTheGateway() {
        TeamPolicy.TeamLimits limits = policies.effective(member("payments-oncall")).limitsOf("payments");
        assertThat(limits.maxResultBytes()).isEqualTo(1000);
        assertThat(limits.maxRows()).isEqualTo(1000);
        assertThat(limits.callsPerMinute()).isEqualTo(2);
    }

    @Test
    void deniedDecisionNamesTheResourceAndTheTeams() throws Exception {
        Decision d = decide(member("payments-oncall"), "k__get_table", "{'table':'inventory-stock'}");
        assertThat(((Decision.Denied) d).reason()).contains("table inventory-stock").contains("[payments]");
        Decision a = decide(member("payments-oncall"), "k__get_table", "{'table':'payments-orders'}");
        assertThat(((Decision.Allowed) a).rule()).startsWith("payments.yaml:4:").contains("payments-*");
        assertThat(decide(member("nobody"), "k__get_table", "{'table':'payments-orders'}"))
                .isEqualTo(new Decision.Denied("k__get_table is not granted to user-nobody"));
    }
}
