package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A call through a real toolset against moto records the AWS request ids of its requests. */
@ExtendWith(LocalAwsExtension.class)
class AwsRequestIdsTest {

    @BeforeAll
    static void emulatorCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }

    @Test
    void recordHasTheRequestIdsOfTheCall(LocalAws aws) throws Exception {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "toolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + aws.endpoint() + "\" }\n")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            JsonNode answer = Json.mapper().readTree(McpHttp.sseData(
                    http.post(McpHttp.toolsCall(1, "ddb__list_tables", "{}"), "Mcp-Session-Id", session).body()).get(0));
            assertThat(answer.at("/result/isError").asBoolean()).as(answer.toString()).isFalse();
            String correlationId = answer.at("/result/_meta/correlationId").asText();
            List<JsonNode> calls = AuditFiles.records(gateway.auditFile(), "tool_call");
            assertThat(calls).hasSize(1);
            JsonNode record = calls.get(0);
            assertThat(record.get("correlation_id").asText()).isEqualTo(correlationId);
            assertThat(record.get("aws_request_ids")).isNotEmpty();
            assertThat(record.get("aws_request_ids").get(0).asText()).isNotBlank();
        }
    }
}
