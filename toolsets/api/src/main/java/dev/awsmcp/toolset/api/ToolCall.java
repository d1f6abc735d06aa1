package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One call of a tool, after the gateway resolved its name and validated the arguments against the
 * tool's input schema.
 *
 * @param tool the short tool name as declared in {@link ToolSpec#name()}
 * @param arguments the validated arguments; never null (an empty object when the caller sent none)
 */
public record ToolCall(String tool, ObjectNode arguments) {
    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        arguments = arguments.deepCopy();
    }
}
