package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A family of resources a toolset serves by URI, each read through one of its tools, so that policy,
 * the result guard and the audit trail apply exactly as to a call of that tool. The gateway exposes it
 * as {@code <toolset id>://<path>}; variable values arrive percent-decoded (clients percent-encode
 * {@code /} inside a value, as RFC 6570 simple expansion does). Immutable.
 *
 * @param path RFC 6570 level-1 template after the scheme, e.g. {@code {bucket}/{key}}
 * @param name short name, unique within the toolset
 * @param title human-readable title
 * @param description what one resource is, for the model
 * @param tool short name of the tool that reads one resource
 * @param arguments the tool's arguments for the decoded variable values; must not call AWS; throws
 *     {@link IllegalArgumentException} with a message for the model when the values cannot be used
 * @param completions for each variable that can be completed, where its candidate values come from
 */
public record ResourceTemplateSpec(String path, String name, String title, String description, String tool,
        Function<Map<String, String>, ObjectNode> arguments, Map<String, ValueSource> completions) {

    public ResourceTemplateSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        completions = completions == null ? Map.of() : Map.copyOf(completions);
    }
}
