package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.testkit.PolicyDocuments.allowedActions;
import static dev.awsmcp.testkit.PolicyDocuments.parse;
import static dev.awsmcp.testkit.PolicyDocuments.statementOf;
import static dev.awsmcp.testkit.PolicyDocuments.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class DynamoDbSessionPolicyTest {

    /** The IAM action behind each tool; a new tool must be added here and to the session policy. */
    private static final Map<String, String> ACTION_OF_TOOL = Map.of("list_tables", "dynamodb:ListTables",
            "describe_table", "dynamodb:DescribeTable", "get_item", "dynamodb:GetItem", "batch_get_item", "dynamodb:BatchGetItem",
            "query", "dynamodb:Query", "scan", "dynamodb:Scan", "execute_partiql", "dynamodb:PartiQLSelect",
            "put_item", "dynamodb:PutItem", "update_item", "dynamodb:UpdateItem", "delete_item", "dynamodb:DeleteItem");
    private static final String TABLES = "arn:aws:dynamodb:us-east-1:123456789012:table/payments-*";

    private final DynamoDbToolset toolset = new DynamoDbToolset(DeferredClient.built(new FakeDynamoDb()), new ToolNames("ddb"));

    private JsonNode policy(Set<Access> access, String accountId, String... patterns) {
        String json = toolset.sessionPolicy(new SessionPolicyRequest(access, List.of(patterns), Region.US_EAST_1, accountId)).orElseThrow();
        assertThat(json).doesNotContain(" ", "\n");
        return parse(json);
    }

    @Test
    void readGrantAllowsReadsOnTheTablesAndTheirIndexesAndListingEverywhere() {
        JsonNode policy = policy(Set.of(Access.READ), "123456789012", "payments-*");
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:GetItem",
                "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect");
        assertThat(values(statementOf(policy, "dynamodb:ListTables").get("Resource"))).containsExactly("*");
        assertThat(values(statementOf(policy, "dynamodb:Query").get("Resource"))).containsExactly(TABLES, TABLES + "/index/*");
    }

    @Test
    void writeGrantAddsItemWritesOnTheTablesOnly() {
        JsonNode policy = policy(EnumSet.of(Access.READ, Access.WRITE), "123456789012", "payments-*", "ledger");
        assertThat(values(statementOf(policy, "dynamodb:PutItem").get("Action")))
                .containsExactly("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        assertThat(values(statementOf(policy, "dynamodb:DeleteItem").get("Resource")))
                .containsExactly(TABLES, "arn:aws:dynamodb:us-east-1:123456789012:table/ledger");
        assertThat(allowedActions(policy(Set.of(Access.WRITE), null, "x"))).doesNotContain("dynamodb:GetItem", "dynamodb:ListTables");
    }

    @Test
    void everyToolIsCoveredForItsAccessClassAndNoOther() {
        for (ToolSpec tool : toolset.tools()) {
            String action = ACTION_OF_TOOL.get(tool.name());
            assertThat(action).as("IAM action of " + tool.name()).isNotNull();
            assertThat(allowedActions(policy(Set.of(tool.access()), null, "t"))).as(tool.name()).contains(action);
            assertThat(allowedActions(policy(EnumSet.complementOf(EnumSet.of(tool.access())), null, "t"))).as(tool.name())
                    .doesNotContain(action);
        }
    }

    @Test
    void withoutAccountIdAnyAccountMatchesAndIamSpecialCharactersStayLiteral() {
        JsonNode policy = policy(Set.of(Access.READ), null, "odd?$name");
        assertThat(values(statementOf(policy, "dynamodb:GetItem").get("Resource")))
                .contains("arn:aws:dynamodb:us-east-1:*:table/odd${?}${$}name");
    }
}
