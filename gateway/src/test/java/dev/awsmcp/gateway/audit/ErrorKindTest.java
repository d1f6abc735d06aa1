package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.api.ToolResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorKindTest {

    @Test
    void aToolsetFailureKeepsItsKindNameAsTheLabelClientsRead() {
        for (ToolResult.Kind kind : ToolResult.Kind.values()) {
            assertThat(ErrorKind.of(kind).label()).isEqualTo(kind.name());
        }
    }

    @Test
    void auditOutcomesShowTheLabelsOfTheAuditRecordFormat() {
        assertThat(Arrays.stream(AuditOutcome.values()).map(AuditOutcome::label))
                .containsExactly("success", "tool_error", "denied", "refused", "timeout", "internal_error", "cancelled", "input_required");
    }
}
