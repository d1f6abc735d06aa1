package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks in a session store: kept for their ttl, ended once, and failed when their instance never ended them. */
class TaskStoreTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    private final SessionStore sessions = new InMemorySessionStore(Duration.ofMinutes(30));

    private TaskStore at(Instant now) {
        return new TaskStore(sessions, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TaskRecord working() {
        return TaskRecord.working("apikey:test", "logs__run_insights_query", T0, TTL, Duration.ofSeconds(2), RUN_LIMIT);
    }

    @Test
    void aStoredTaskComesBackWholeUntilItsTtlEnds() {
        assertThat(at(T0).create("t-1", working()).join()).isTrue();

        assertThat(at(T0.plusSeconds(5)).create("t-1", working()).join()).as("an id is never reused").isFalse();
        assertThat(at(T0.plusSeconds(5)).find("t-1").join()).contains(working());
        assertThat(at(T0.plus(TTL)).find("t-1").join()).isEmpty();
    }

    @Test
    void theFirstEndWins() {
        at(T0).create("t-2", working()).join();

        TaskRecord cancelled = at(T0.plusSeconds(1)).end("t-2", (task, now) -> task.cancelled("cancelled by the client", now)).join()
                .orElseThrow();
        TaskRecord after = at(T0.plusSeconds(2)).end("t-2", (task, now) -> task.completed(Map.of("isError", false), now)).join()
                .orElseThrow();

        assertThat(cancelled.status()).isEqualTo(TaskRecord.Status.cancelled);
        assertThat(cancelled.lastUpdatedAt()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(after).isEqualTo(cancelled);
        assertThat(at(T0.plusSeconds(3)).find("t-2").join()).contains(cancelled);
    }

    @Test
    void aWorkingTaskPastItsRunLimitIsFailedByTheNextRead() {
        at(T0).create("t-3", working()).join();

        assertThat(at(T0.plus(RUN_LIMIT)).read("t-3").join().orElseThrow().status()).isEqualTo(TaskRecord.Status.working);
        TaskRecord abandoned = at(T0.plus(RUN_LIMIT).plusSeconds(1)).read("t-3").join().orElseThrow();

        assertThat(abandoned.status()).isEqualTo(TaskRecord.Status.failed);
        assertThat(abandoned.error()).containsEntry("code", -32603);
        assertThat(abandoned.statusMessage()).contains("stopped before the call ended").contains("logs__run_insights_query");
        assertThat(at(T0.plus(RUN_LIMIT).plusSeconds(2)).find("t-3").join()).as("stored, so every instance agrees").contains(abandoned);
    }

    @Test
    void aTaskAnswersAsTheExtensionShapesIt() {
        TaskResult created = working().answer("t-4", TaskResult.TASK);
        TaskResult completed = working().completed(Map.of("isError", true), T0.plusSeconds(3)).answer("t-4", "complete");

        assertThat(created).isEqualTo(new TaskResult("task", "t-4", "working", "the call is running", T0.toString(), T0.toString(),
                3_600_000L, 2_000L, null, null, null));
        assertThat(completed.status()).isEqualTo("completed");
        assertThat(completed.result()).containsEntry("isError", true);
        assertThat(completed.lastUpdatedAt()).isEqualTo(T0.plusSeconds(3).toString());
    }
}
