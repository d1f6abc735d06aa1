package dev.awsmcp.toolset.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A prompt a toolset offers (an MCP prompt template): a guided way to use its tools. The gateway lists
 * it only to callers who may use every tool in {@link #tools()}, and exposes it as
 * {@code <toolset id><separator><name>}. Immutable.
 *
 * @param name short name, unique within the toolset
 * @param title human-readable title
 * @param description what the prompt helps with
 * @param arguments the prompt's arguments, in order
 * @param tools short names of the tools the prompt's text tells the model to use
 * @param text the user message for the given argument values (missing optional ones absent); must not call AWS
 */
public record PromptSpec(String name, String title, String description, List<Argument> arguments, List<String> tools,
        Function<Map<String, String>, String> text) {

    /**
     * One argument of a prompt.
     *
     * @param completion where candidate values come from, or null when they cannot be completed
     */
    public record Argument(String name, String description, boolean required, ValueSource completion) {
        public Argument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    public PromptSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(text, "text");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
