package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcontextprotocol.modern.McpSchema;
import java.util.Map;

/**
 * A task of the MCP tasks extension ({@code io.modelcontextprotocol/tasks}) as a result: {@code CreateTaskResult}
 * ({@code resultType "task"}, in lieu of the {@code tools/call} result) or the {@code DetailedTask} of {@code tasks/get}
 * ({@code resultType "complete"}), with the tool's {@code result} once completed or the JSON-RPC {@code error} once failed.
 * {@code ttlMs} is always sent (the extension requires it; this gateway never keeps a task forever).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskResult(@JsonProperty("resultType") String resultType, @JsonProperty("taskId") String taskId,
        @JsonProperty("status") String status, @JsonProperty("statusMessage") String statusMessage,
        @JsonProperty("createdAt") String createdAt, @JsonProperty("lastUpdatedAt") String lastUpdatedAt,
        @JsonProperty("ttlMs") long ttlMs, @JsonProperty("pollIntervalMs") long pollIntervalMs,
        @JsonProperty("result") Map<String, Object> result, @JsonProperty("error") Map<String, Object> error,
        @JsonProperty("_meta") Map<String, Object> meta) implements McpSchema.CallToolOutcome {

    /** The {@code resultType} of a {@code CreateTaskResult}. */
    static final String TASK = "task";

    /** The empty acknowledgement {@code tasks/update} and {@code tasks/cancel} answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Acknowledged(@JsonProperty("resultType") String resultType, @JsonProperty("_meta") Map<String, Object> meta)
            implements McpSchema.Result {

        static final Acknowledged INSTANCE = new Acknowledged(McpSchema.ResultType.COMPLETE, null);
    }
}
