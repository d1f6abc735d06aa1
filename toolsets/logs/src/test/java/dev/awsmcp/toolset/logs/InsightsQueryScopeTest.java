package dev.awsmcp.toolset.logs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsightsQueryScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SOURCE \"/aws/lambda/other\" | fields @message",
        "SOURCE '/aws/lambda/other'",
        "source `/aws/lambda/other`",
        "SOURCE logGroups(namePrefix: ['/aws/lambda/other'])",
        "SOURCE logGroups()",
        "fields @message | SOURCE \"/x\"",
        "fields @message |\n  source \"/x\"",
        "fields @message | # a comment\n source '/x'",
        "fields @message | # a comment\r source '/x'",
        "fields @message | # a comment\u2028source '/x'",
        "filter requestId in (SOURCE '/aws/lambda/database' | filter x = 1 | fields requestId)",
        "filter requestId in (\n  source logGroups(namePrefix: ['/other'])\n)",
        "filter status >= 500 | join type=inner left=a right=b where a.id=b.id (SOURCE '/aws/infra')",
        "filter status >= 500 | JOIN type=inner left=a right=b where a.id=b.id",
        "fields x | lookup users userId",
        "fields x\u00A0|\u2003source \"/x\"",
        "filter @message like /a|source/ | fields x",
        "fields x | logGroups ( namePrefix: ['/x'] )",
        "SOURCE #c\n '/x'",
        "filter x in (join type=inner left=a right=b where a.id=b.id)",
        "filter x in (lookup users)",
        "fields @message | filter @message like /joined|lookup table/",
    })
    void refusesQueriesThatNameOtherSources(String query) {
        assertThatThrownBy(() -> InsightsQueryScope.requireOwnGroupsOnly(query))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log_groups");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 50",
        "filter source = \"aws.ec2\" | stats count(*) by source",
        "fields source, detail.source, eventSource | filter eventSource = 'lambda.amazonaws.com'",
        "stats count(*) as n by bin(5m) | sort n desc",
        "parse @message \"user=* action=*\" as user, action | filter action = 'join'",
        "fields @message | filter @message like /ERROR|WARN/",
        "filter (source = 'aws.ec2' or source = 'aws.s3')",
        "fields resourcePath | filter resourcePath like 'source'",
        "# what reads the source of truth\nfields @message",
        "stats count(source) by bin(1h)",
    })
    void allowsQueriesOverTheirOwnGroups(String query) {
        assertThatCode(() -> InsightsQueryScope.requireOwnGroupsOnly(query)).doesNotThrowAnyException();
    }
}
