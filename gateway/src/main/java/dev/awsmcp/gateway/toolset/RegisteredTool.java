package dev.awsmcp.gateway.toolset;

import dev.awsmcp.gateway.toolset.ArgumentValidator;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import java.util.Objects;

/**
 * A tool as the gateway exposes it: its namespaced name, the instance serving it, its spec and its
 * compiled argument validator.
 *
 * @param name the exposed name, {@code <toolset id><separator><tool>}
 * @param instance the toolset instance that serves the tool
 * @param spec the toolset's description of the tool
 * @param arguments the compiled validator of the tool's input schema
 */
public record RegisteredTool(String name, ToolsetInstance instance, ToolSpec spec, ArgumentValidator arguments) {
    public RegisteredTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** The configured id of the instance. */
    public String toolsetId() {
        return instance.id();
    }

    /** The instance that runs the calls. */
    public Toolset toolset() {
        return instance.toolset();
    }
}
