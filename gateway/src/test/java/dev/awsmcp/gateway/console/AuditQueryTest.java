package dev.awsmcp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call list's filters: what each matches, that the cheap text test never drops a match, and how bad input is refused. */
class AuditQueryTest {

    private static final String LINE = "{\"seq\":9,\"prev\":\"00\",\"ts\":\"2026-03-01T10:00:00.000Z\",\"type\":\"tool_call\","
            + "\"correlation_id\":\"c-1\",\"session_id\":\"s-1\",\"principal\":\"alice\",\"teams\":[\"payments\",\"sre\"],\"tool\":\"s3__get_object\","
            + "\"toolset\":\"s3\",\"decision\":\"allowed\",\"team\":\"payments\",\"aws_request_ids\":[\"R1\",\"R2\"],"
            + "\"guard_findings\":[{\"family\":\"override\",\"rule\":\"ignore-previous\",\"path\":\"$.text\",\"detail\":\"x\"}],"
            + "\"outcome\":\"success\",\"error_kind\":null,\"confirmation\":\"accepted\",\"taint\":{\"level\":\"strong\",\"reasons\":[]}}";

    private static boolean passes(Map<String, String> parameters) throws IOException {
        AuditQuery query = AuditQuery.parse(parameters);
        JsonNode record = Json.mapper().readTree(LINE);
        boolean matches = query.inWindow(AuditRecords.timestamp(record)) && query.matches(record);
        if (matches) {
            assertThat(query.mayMatch(LINE)).as("the text test never drops a match: " + parameters).isTrue();
        }
        return matches && query.mayMatch(LINE);
    }

    @Test
    void eachFilterMatchesWhatItNames() throws IOException {
        assertThat(passes(Map.of("principal", "alice", "session", "s-1", "tool", "s3__get_object", "toolset", "s3"))).isTrue();
        assertThat(passes(Map.of("team", "sre"))).as("any of the caller's teams").isTrue();
        assertThat(passes(Map.of("requestId", "R2"))).isTrue();
        assertThat(passes(Map.of("requestId", "c-1"))).as("or the correlation id").isTrue();
        assertThat(passes(Map.of("findings", "override", "taint", "strong", "confirmation", "accepted"))).isTrue();
        assertThat(passes(Map.of("findings", "any", "taint", "any", "confirmation", "any", "decision", "allowed", "outcome", "success"))).isTrue();
        assertThat(passes(Map.of("since", "2026-03-01T09:00:00Z", "until", "2026-03-01T10:00:00Z"))).isTrue();

        assertThat(passes(Map.of("principal", "alic"))).isFalse();
        assertThat(passes(Map.of("findings", "none"))).isFalse();
        assertThat(passes(Map.of("findings", "secret"))).isFalse();
        assertThat(passes(Map.of("taint", "weak"))).isFalse();
        assertThat(passes(Map.of("confirmation", "none"))).isFalse();
        assertThat(passes(Map.of("type", "session_start"))).isFalse();
        assertThat(passes(Map.of("errorKind", "NOT_FOUND"))).isFalse();
        assertThat(passes(Map.of("since", "2026-03-01T10:00:00.001Z"))).isFalse();
    }

    @Test
    void badInputNamesTheParameterAndTheChoices() {
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("outcome", "ok"))).hasMessage(
                "outcome: 'ok' is not one of [success, tool_error, denied, refused, timeout, internal_error, cancelled, input_required]");
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("taint", "high"))).hasMessage("taint: 'high' is not one of [weak, strong, any, none]");
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("limit", "500"))).hasMessage("limit: '500' is not a number of records from 1 to 200");
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("tool", "x".repeat(300)))).hasMessage("tool: longer than 256 characters");
        assertThat(AuditQuery.parse(Map.of("principal", "  ")).conditions()).as("blank means no filter; the type stays tool_call").hasSize(1);
    }
}
