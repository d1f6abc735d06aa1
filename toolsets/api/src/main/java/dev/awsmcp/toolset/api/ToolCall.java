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

    /**
     * The argument that carries a paging cursor, a string the toolset returned as
     * {@value ToolResult#NEXT_CURSOR}. The gateway opens the sealed cursor the client sent before the
     * toolset runs and refuses one it did not seal for this caller, tool and arguments: the toolset sees
     * its own string again.
     */
    public static final String CURSOR = "cursor";

    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        arguments = arguments.deepCopy();
    }
}
