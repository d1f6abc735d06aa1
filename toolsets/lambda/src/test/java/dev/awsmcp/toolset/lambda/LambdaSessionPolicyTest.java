package dev.awsmcp.toolset.lambda;

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
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class LambdaSessionPolicyTest {

    /** The IAM action behind each tool; a new tool must be added here and to the session policy. */
    private static final Map<String, String> ACTION_OF_TOOL = Map.of("list_functions", "lambda:ListFunctions",
            "get_function_configuration", "lambda:GetFunctionConfiguration", "get_function_concurrency", "lambda:GetFunctionConcurrency",
            "list_aliases", "lambda:ListAliases", "list_versions_by_function", "lambda:ListVersionsByFunction",
            "list_event_source_mappings", "lambda:ListEventSourceMappings", "invoke", "lambda:InvokeFunction");
    private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:123456789012:function:payments-refund-*";

    private final LambdaToolset toolset = new LambdaToolset(DeferredClient.built(new FakeLambda()), new ToolsetConfig("fn", "lambda", Region.US_EAST_1, null, null));

    private JsonNode policy(Set<Access> access, String... patterns) {
        String json = toolset.sessionPolicy(new SessionPolicyRequest(access, List.of(patterns), Region.US_EAST_1, "123456789012"))
                .orElseThrow();
        assertThat(json).doesNotContain(" ", "\n");
        return parse(json);
    }

    @Test
    void readGrantAllowsFunctionReadsOnTheFunctionsAndEveryQualifierButNoInvoke() {
        JsonNode policy = policy(Set.of(Access.READ), "payments-refund-*");
        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("lambda:ListFunctions", "lambda:ListEventSourceMappings",
                "lambda:GetFunctionConfiguration", "lambda:GetFunctionConcurrency", "lambda:ListAliases", "lambda:ListVersionsByFunction");
        assertThat(values(statementOf(policy, "lambda:ListFunctions").get("Resource"))).containsExactly("*");
        assertThat(values(statementOf(policy, "lambda:GetFunctionConfiguration").get("Resource"))).containsExactly(FUNCTIONS, FUNCTIONS + ":*");
    }

    @Test
    void invokeGrantAllowsInvokeFunctionOnTheFunctionsOnly() {
        JsonNode policy = policy(EnumSet.of(Access.READ, Access.INVOKE), "payments-refund-*");
        assertThat(values(statementOf(policy, "lambda:InvokeFunction").get("Resource"))).containsExactly(FUNCTIONS, FUNCTIONS + ":*");
        assertThat(allowedActions(policy(Set.of(Access.INVOKE), "payments-refund-*"))).containsExactly("lambda:InvokeFunction");
    }

    @Test
    void qualifiedPatternCoversOnlyThatQualifier() {
        assertThat(values(statementOf(policy(Set.of(Access.INVOKE), "refund:live"), "lambda:InvokeFunction").get("Resource")))
                .containsExactly("arn:aws:lambda:us-east-1:123456789012:function:refund:live");
    }

    @Test
    void everyToolIsCoveredForItsAccessClassAndNoOther() {
        for (ToolSpec tool : toolset.tools()) {
            String action = ACTION_OF_TOOL.get(tool.name());
            assertThat(action).as("IAM action of " + tool.name()).isNotNull();
            assertThat(allowedActions(policy(Set.of(tool.access()), "f"))).as(tool.name()).contains(action);
            assertThat(allowedActions(policy(EnumSet.complementOf(EnumSet.of(tool.access())), "f"))).as(tool.name())
                    .doesNotContain(action);
        }
    }
}
