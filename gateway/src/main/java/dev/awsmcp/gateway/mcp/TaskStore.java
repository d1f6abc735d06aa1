package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The tasks of the MCP tasks extension in the session store, so that any instance sharing it answers for any task: one
 * value per task under {@code task#<taskId>}, its {@link TaskRecord} as JSON, kept for the task's ttl from its creation
 * (the DynamoDB store removes the item by its {@code ttl} and ignores it on read once expired). A task changes only from
 * working, by compare-and-set, so the first end wins (the call's outcome, a client's cancel, or a reader finding its
 * instance gone) and no task ends twice.
 */
final class TaskStore {

    private static final String KEY_PREFIX = "task#";
    private static final int MAX_ATTEMPTS = 3;

    private final SessionStore store;
    private final Clock clock;

    TaskStore(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores the new task {@code taskId}; false when the id is taken. Fails when the store cannot be written. */
    CompletableFuture<Boolean> create(String taskId, TaskRecord task) {
        Instant expiry = SessionStore.expiry(Instant.parse(task.createdAt()), Duration.ofMillis(task.ttlMs()));
        return store.compareAndSetValue(key(taskId), null, new SessionStore.StoredValue(task.toJson(), expiry), clock.instant());
    }

    /** Task {@code taskId} as stored now; empty when there is none or it expired. */
    CompletableFuture<Optional<TaskRecord>> find(String taskId) {
        return store.findValue(key(taskId), clock.instant()).thenApply(found -> found.map(value -> TaskRecord.parse(value.value())));
    }

    /**
     * Task {@code taskId} as a client sees it: a task still working past its run limit is ended {@code failed} first, since
     * the instance that ran it stopped (restarted or died) before the call ended and nobody else will end it.
     */
    CompletableFuture<Optional<TaskRecord>> read(String taskId) {
        return find(taskId).thenCompose(found -> found.isPresent() && found.get().abandonedAt(clock.instant())
                ? end(taskId, (task, now) -> task.failed(io.modelcontextprotocol.modern.McpSchema.ErrorCodes.INTERNAL_ERROR, "the gateway instance running this task stopped before the "
                        + "call ended; call " + task.tool() + " again", now))
                : CompletableFuture.completedFuture(found));
    }

    /**
     * Ends task {@code taskId} with {@code end} applied to its working record (and the time), unless it ended already;
     * completes with the task as it then stands, or empty when it is gone.
     */
    CompletableFuture<Optional<TaskRecord>> end(String taskId, BiFunction<TaskRecord, Instant, TaskRecord> end) {
        return attempt(taskId, end, 1);
    }

    private CompletableFuture<Optional<TaskRecord>> attempt(String taskId, BiFunction<TaskRecord, Instant, TaskRecord> end, int attempt) {
        Instant now = clock.instant();
        return store.findValue(key(taskId), now).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            TaskRecord current = TaskRecord.parse(found.get().value());
            if (current.terminal()) {
                return CompletableFuture.completedFuture(Optional.of(current));
            }
            TaskRecord next = end.apply(current, now);
            return store.compareAndSetValue(key(taskId), found.get().value(), new SessionStore.StoredValue(next.toJson(),
                            found.get().expiresAt()), now)
                    .thenCompose(set -> {
                        if (set) {
                            return CompletableFuture.completedFuture(Optional.of(next));
                        }
                        // Only an end changes a task: whoever won ended it, which the next read shows.
                        return attempt < MAX_ATTEMPTS ? attempt(taskId, end, attempt + 1)
                                : CompletableFuture.failedFuture(new IllegalStateException("task " + taskId + " changed "
                                        + attempt + " times while being ended"));
                    });
        });
    }

    private static String key(String taskId) {
        return KEY_PREFIX + taskId;
    }
}
