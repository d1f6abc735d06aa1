package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a tool call the model should see. A {@link Success} carries data (JSON, never
 * prose); a {@link Failure} carries a clear message that tells the model what went wrong and what to
 * do instead. Faults of the gateway itself are not tool results: toolsets complete the future
 * exceptionally only for bugs, never for AWS errors, which they translate into failures.
 */
public sealed interface ToolResult {

    /**
     * The top-level field of {@link Success#data()} that carries the position of the next page, a string
     * the toolset reads back from the {@value ToolCall#CURSOR} argument. The gateway seals it on the way
     * out (encrypted, expiring, bound to the caller, tool and arguments), so a toolset needs no secret. A
     * cursor must not be repeated elsewhere in a result (content parts), where the gateway does not seal it.
     */
    String NEXT_CURSOR = "next_cursor";

    /**
     * Data returned by a tool.
     *
     * @param data the structured result; an object for every tool of the catalog, never null
     * @param content what the model reads instead of the JSON text of {@code data}, in order (text,
     *     images, audio, embedded resources); empty (the default, and what the AWS tools use) for the data
     *     as JSON text
     */
    record Success(JsonNode data, List<ContentPart> content) implements ToolResult {
        public Success {
            Objects.requireNonNull(data, "data");
            content = content == null ? List.of() : List.copyOf(content);
        }

        /** Data only: the model reads it as JSON text. */
        public Success(JsonNode data) {
            this(data, List.of());
        }
    }

    /**
     * A failure the model should read and act on.
     *
     * @param kind the class of failure, for audit and metrics
     * @param message one or two sentences naming what failed and the fix; never blank
     */
    record Failure(Kind kind, String message) implements ToolResult {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("failure message must not be blank");
            }
        }
    }

    /** Classes of tool failure. */
    enum Kind {
        /** The arguments are wrong in a way the schema could not express. */
        INVALID_ARGUMENT,
        /** The named resource does not exist. */
        NOT_FOUND,
        /** AWS refused the credentials or the permission. */
        ACCESS_DENIED,
        /** AWS throttled the call or a service is overloaded. */
        THROTTLED,
        /** The call ran past its deadline. */
        TIMEOUT,
        /** A precondition of the request failed (for example a condition expression). */
        CONFLICT,
        /** AWS or the network failed in a way the caller cannot fix. */
        UPSTREAM
    }

    /** A success carrying {@code data}. */
    static ToolResult success(JsonNode data) {
        return new Success(data);
    }

    /** A success whose model-facing content is {@code content}, with {@code data} as structured content. */
    static ToolResult success(JsonNode data, List<ContentPart> content) {
        return new Success(data, content);
    }

    /** A failure of the given kind with a message for the model. */
    static ToolResult failure(Kind kind, String message) {
        return new Failure(kind, message);
    }
}
