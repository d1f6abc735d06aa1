package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.testing.EchoToolsetFactory;
import dev.awsmcp.gateway.testing.ModernHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateways sharing one DynamoDB session table (moto) and one {@code confirmations.key}: a question asked by one
 * is answered through the other, and the answer cannot be replayed on either, without sticky sessions.
 */
@ExtendWith(LocalAwsExtension.class)
class ModernConfirmationAcrossInstancesTest {

    private static final String ACCEPT = "{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}";
    private static RunningGateway a;
    private static RunningGateway b;

    @BeforeAll
    static void start(LocalAws aws) throws Exception {
        String yaml = ModernConfirmationTest.yaml("confirmations: { key: \"" + ModernConfirmationTest.KEY + "\" }\n"
                + SessionTables.create(aws, "confirmation-sessions"));
        a = RunningGateway.start(yaml);
        b = RunningGateway.start(yaml);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static JsonNode call(RunningGateway gateway, int id, String text, String state) throws Exception {
        ObjectNode params = ModernHttp.toolsCall("t__note", "{\"text\":\"" + text + "\"}", ModernHttp.ELICITATION);
        if (state != null) {
            params.set("inputResponses", Json.mapper().readTree(ACCEPT));
            params.put("requestState", state);
        }
        return ModernHttp.json(new ModernHttp(gateway.url(), RunningGateway.TEST_KEY).post(id, "tools/call", params)).path("result");
    }

    @Test
    void askedOnOneAnsweredOnTheOtherAndNeverReplayed() throws Exception {
        String note = "across-" + UUID.randomUUID();
        String state = call(a, 1, note, null).path("requestState").asText();

        JsonNode ran = call(b, 2, note, state);
        JsonNode replayedOnA = call(a, 3, note, state);
        JsonNode replayedOnB = call(b, 4, note, state);

        assertThat(ran.path("isError").asBoolean()).as(ran.toString()).isFalse();
        assertThat(EchoToolsetFactory.NOTES).containsOnlyOnce(note);
        for (JsonNode replayed : new JsonNode[] {replayedOnA, replayedOnB}) {
            assertThat(replayed.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_INVALID");
            assertThat(replayed.path("content").path(0).path("text").asText()).contains("requestState was already used");
        }
    }
}
