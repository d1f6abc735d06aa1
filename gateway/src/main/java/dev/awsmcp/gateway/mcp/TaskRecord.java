package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One task of the MCP tasks extension as the session store keeps it (JSON), readable by every instance: whose it is,
 * what it runs, where it stands, and once it ended its outcome (the tool's result, or the JSON-RPC error of a failure).
 *
 * @param principal the id of the principal that created the task; only it may see or cancel it
 * @param tool the exposed name of the tool the task calls
 * @param status where the task stands
 * @param statusMessage why it stands there, for the client; null when there is nothing to say
 * @param createdAt when the task was created (ISO 8601, as the extension gives it)
 * @param lastUpdatedAt when its status last changed (ISO 8601)
 * @param ttlMs how long the task is kept after its creation, milliseconds
 * @param pollIntervalMs how often a client should poll it, milliseconds
 * @param runsUntil when a task still working must have ended (ISO 8601): past it, the instance that ran it stopped
 * @param result the {@code tools/call} result of a completed task, else null
 * @param error the JSON-RPC error ({@code code}, {@code message}) of a failed task, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskRecord(String principal, String tool, Status status, String statusMessage, String createdAt, String lastUpdatedAt,
        long ttlMs, long pollIntervalMs, String runsUntil, Map<String, Object> result, Map<String, Object> error) {

    /**
     * The statuses of the extension this gateway uses, by their wire names (no {@code input_required}: a task of this
     * gateway never asks the client for input).
     */
    enum Status {
        working, completed, failed, cancelled
    }

    TaskRecord {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
        Objects.requireNonNull(runsUntil, "runsUntil");
    }

    /** A task of {@code principal} calling {@code tool}, working from {@code now}. */
    static TaskRecord working(String principal, String tool, Instant now, Duration ttl, Duration pollInterval, Duration runLimit) {
        return new TaskRecord(principal, tool, Status.working, "the call is running", now.toString(), now.toString(), ttl.toMillis(),
                pollInterval.toMillis(), now.plus(runLimit).toString(), null, null);
    }

    /** Whether the task ended (completed, failed or cancelled): it never changes again. */
    boolean terminal() {
        return status != Status.working;
    }

    /** Whether the instance that ran this working task must have stopped by {@code now}: it is past its run limit. */
    boolean abandonedAt(Instant now) {
        return status == Status.working && now.isAfter(Instant.parse(runsUntil));
    }

    TaskRecord completed(Map<String, Object> callResult, Instant now) {
        return next(Status.completed, "the call ended; its result is in result", now, callResult, null);
    }

    TaskRecord failed(int code, String message, Instant now) {
        return next(Status.failed, message, now, null, Map.of("code", code, "message", message));
    }

    TaskRecord cancelled(String why, Instant now) {
        return next(Status.cancelled, why, now, null, null);
    }

    private TaskRecord next(Status next, String message, Instant now, Map<String, Object> callResult, Map<String, Object> rpcError) {
        return new TaskRecord(principal, tool, next, message, createdAt, now.toString(), ttlMs, pollIntervalMs, runsUntil, callResult,
                rpcError);
    }

    /** The task as the extension's result: {@code CreateTaskResult} ({@code resultType "task"}) or {@code tasks/get}'s. */
    TaskResult answer(String taskId, String resultType) {
        return new TaskResult(resultType, taskId, status.name(), statusMessage, createdAt, lastUpdatedAt, ttlMs, pollIntervalMs, result,
                error, null);
    }

    String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task record could not be written as JSON", e);
        }
    }

    static TaskRecord parse(String json) {
        try {
            return Json.mapper().readValue(json, TaskRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored task record is not readable; it was not written by this gateway", e);
        }
    }
}
