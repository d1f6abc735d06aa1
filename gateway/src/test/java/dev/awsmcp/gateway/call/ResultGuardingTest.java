package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardFinding;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard stage: every answer passes the guard, and a guard failure withholds the payload. */
class ResultGuardingTest {

    private static final GuardContext CONTEXT = new GuardContext(GuardMode.FLAG, 65536, "t", "t__echo", List.of());

    @Test
    void aThrowingDetectorYieldsAnErrorOutcomeAndNeverThePayload() {
        ResultGuarding guarding = new ResultGuarding(new ResultGuard(new SecretRedactor(true), text -> {
            throw new IllegalStateException("detector bug");
        }));
        CallOutcome outcome = guarding.outcome(ToolResult.success(Json.object().put("message", "raw payload 42")), "cid-1", CONTEXT);

        CallOutcome.Failed failed = (CallOutcome.Failed) outcome;
        assertThat(failed.kind()).isEqualTo(ErrorKind.GUARD);
        assertThat(failed.audited()).isEqualTo(AuditOutcome.TOOL_ERROR);
        assertThat(failed.message()).isEqualTo("the result of t__echo could not be checked safely and is withheld; correlation id cid-1");
        assertThat(failed.toString()).doesNotContain("raw payload 42");
    }

    @Test
    void failureMessagesAreRedactedAndKeepTheirKind() {
        ResultGuarding guarding = new ResultGuarding(new ResultGuard(new SecretRedactor(false), text -> List.of()));
        CallOutcome outcome = guarding.outcome(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, "validation failed for password=hunter2"),
                "cid-2", CONTEXT);

        CallOutcome.Failed failed = (CallOutcome.Failed) outcome;
        assertThat(failed.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(failed.message()).isEqualTo("validation failed for password=[REDACTED:password]");
        assertThat(failed.findings()).extracting(GuardFinding::family).containsExactly(GuardFinding.SECRET);
    }

    @Test
    void contentPartTextsAreGuardedAndBinaryPartsPassUnchanged() {
        ResultGuarding guarding = new ResultGuarding(new ResultGuard(new SecretRedactor(false), text -> List.of()));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        ContentPart image = ContentPart.image("image/png", png);
        CallOutcome outcome = guarding.outcome(ToolResult.success(Json.object(), List.of(ContentPart.text("token password=hunter2"), image,
                ContentPart.resource("test://r", "text/plain", "secret password=hunter3"))), "cid-3", CONTEXT);

        CallOutcome.GuardedAnswer answer = ((CallOutcome.Succeeded) outcome).answer();
        assertThat(answer.parts()).containsExactly(ContentPart.text("token password=[REDACTED:password]"), image,
                ContentPart.resource("test://r", "text/plain", "secret password=[REDACTED:password]"));
        assertThat(answer.findings()).extracting(GuardFinding::path).containsExactly("$.content[0]", "$.content[2]");
    }
}
