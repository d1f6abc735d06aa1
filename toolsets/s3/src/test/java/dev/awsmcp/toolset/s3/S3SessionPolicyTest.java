package dev.awsmcp.toolset.s3;

import static dev.awsmcp.testkit.PolicyDocuments.allowedActions;
import static dev.awsmcp.testkit.PolicyDocuments.parse;
import static dev.awsmcp.testkit.PolicyDocuments.statementOf;
import static dev.awsmcp.testkit.PolicyDocuments.statementsOf;
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

class S3SessionPolicyTest {

    /** The IAM action behind each tool; a new tool must be added here and to the session policy. */
    private static final Map<String, String> ACTION_OF_TOOL = Map.of("list_buckets", "s3:ListAllMyBuckets",
            "list_objects", "s3:ListBucket", "head_object", "s3:GetObject", "get_object", "s3:GetObject",
            "get_bucket_policy", "s3:GetBucketPolicy", "put_object", "s3:PutObject");

    private final S3Toolset toolset = new S3Toolset(DeferredClient.built(new FakeS3()), new ToolsetConfig("s3", "s3", Region.US_EAST_1, null, null));

    private JsonNode policy(Set<Access> access, String... patterns) {
        String json = toolset.sessionPolicy(new SessionPolicyRequest(access, List.of(patterns), Region.US_EAST_1, "123456789012"))
                .orElseThrow();
        assertThat(json).doesNotContain(" ", "\n");
        return parse(json);
    }

    @Test
    void readGrantAllowsObjectReadsOnTheKeyGlobsAndBucketReadsOnTheirBuckets() {
        JsonNode policy = policy(Set.of(Access.READ), "payments-runbooks", "payments-deploys/manifests/*");
        assertThat(allowedActions(policy)).containsExactlyInAnyOrder("s3:ListAllMyBuckets", "s3:GetObject", "s3:GetObjectVersion",
                "s3:GetBucketPolicy", "s3:ListBucket");
        assertThat(values(statementOf(policy, "s3:ListAllMyBuckets").get("Resource"))).containsExactly("*");
        assertThat(values(statementOf(policy, "s3:GetObject").get("Action"))).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(values(statementOf(policy, "s3:GetObject").get("Resource")))
                .containsExactly("arn:aws:s3:::payments-runbooks/*", "arn:aws:s3:::payments-deploys/manifests/*");
        assertThat(values(statementOf(policy, "s3:GetBucketPolicy").get("Resource")))
                .containsExactly("arn:aws:s3:::payments-runbooks", "arn:aws:s3:::payments-deploys");
    }

    @Test
    void listingIsWholeBucketOnlyForWholeBucketGrantsElseLimitedToTheGrantedPrefixes() {
        JsonNode policy = policy(Set.of(Access.READ), "payments-runbooks", "payments-deploys/manifests/*", "payments-deploys/notes/*",
                "payments-deploys/exact.txt");
        List<JsonNode> listings = statementsOf(policy, "s3:ListBucket");
        assertThat(listings).hasSize(2);
        assertThat(values(listings.get(0).get("Resource"))).containsExactly("arn:aws:s3:::payments-runbooks");
        assertThat(listings.get(0).has("Condition")).isFalse();
        assertThat(values(listings.get(1).get("Resource"))).containsExactly("arn:aws:s3:::payments-deploys");
        assertThat(values(listings.get(1).at("/Condition/StringLike/s3:prefix"))).as("only literal* globs can be listed")
                .containsExactly("manifests/*", "notes/*");
    }

    @Test
    void bucketWideKeyGlobListsWithoutConditionAndExactKeysAloneAreNotListable() {
        JsonNode whole = policy(Set.of(Access.READ), "reports/*", "reports/2024/*");
        assertThat(statementOf(whole, "s3:ListBucket").has("Condition")).isFalse();
        JsonNode exact = policy(Set.of(Access.READ), "reports/summary.txt");
        assertThat(allowedActions(exact)).doesNotContain("s3:ListBucket").contains("s3:GetObject");
    }

    @Test
    void putObjectOnlyForWriteGrants() {
        assertThat(allowedActions(policy(Set.of(Access.READ), "b/k/*"))).doesNotContain("s3:PutObject");
        JsonNode write = policy(Set.of(Access.WRITE), "b/k/*");
        assertThat(allowedActions(write)).containsExactly("s3:PutObject");
        assertThat(values(statementOf(write, "s3:PutObject").get("Resource"))).containsExactly("arn:aws:s3:::b/k/*");
    }

    @Test
    void everyToolIsCoveredForItsAccessClassAndNoOther() {
        for (ToolSpec tool : toolset.tools()) {
            String action = ACTION_OF_TOOL.get(tool.name());
            assertThat(action).as("IAM action of " + tool.name()).isNotNull();
            assertThat(allowedActions(policy(Set.of(tool.access()), "b"))).as(tool.name()).contains(action);
            assertThat(allowedActions(policy(EnumSet.complementOf(EnumSet.of(tool.access())), "b"))).as(tool.name())
                    .doesNotContain(action);
        }
    }

    @Test
    void patternWithoutBucketCannotBeExpressed() {
        assertThat(toolset.sessionPolicy(new SessionPolicyRequest(Set.of(Access.READ), List.of("/key"), Region.US_EAST_1, null)))
                .isEmpty();
    }
}
