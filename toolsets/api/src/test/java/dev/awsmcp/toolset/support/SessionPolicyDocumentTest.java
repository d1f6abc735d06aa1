package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SessionPolicyDocumentTest {

    @Test
    void rendersCompactJsonWithOneValueAsStringAndSeveralAsList() {
        String json = new SessionPolicyDocument()
                .allow(List.of("s3:ListAllMyBuckets"), List.of("*"))
                .allow(List.of("s3:ListBucket"), List.of("arn:aws:s3:::b"), "StringLike", "s3:prefix", List.of("a/*", "b/*"))
                .toJson();
        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"a/*\",\"b/*\"]}}}]}");
    }

    @Test
    void statementsWithoutResourcesAreLeftOutAndAnEmptyDocumentDeniesEverything() {
        String json = new SessionPolicyDocument().allow(List.of("dynamodb:GetItem"), List.of()).toJson();
        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    }

    @Test
    void starStaysTheOnlyWildcard() {
        assertThat(SessionPolicyDocument.pattern("payments-*")).isEqualTo("payments-*");
        assertThat(SessionPolicyDocument.pattern("a?b$c")).isEqualTo("a${?}b${$}c");
    }

    @Test
    void arnsNameThePartitionRegionAndAccountOrAnyAccount() {
        assertThat(new SessionPolicyRequest(Set.of(Access.READ), List.of(), Region.US_EAST_1, "123456789012").arn("logs", "log-group:x"))
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:x");
        assertThat(new SessionPolicyRequest(Set.of(), List.of(), Region.CN_NORTH_1, null).arn("dynamodb", "table/t"))
                .isEqualTo("arn:aws-cn:dynamodb:cn-north-1:*:table/t");
    }
}
