package dev.awsmcp.toolset.api;

import java.util.Set;

/**
 * Creates toolset instances of one type. Discovered with {@link java.util.ServiceLoader} (register the
 * implementation in {@code META-INF/services/dev.awsmcp.toolset.api.ToolsetFactory}); must have a public
 * no-argument constructor. The gateway calls {@link #create} once per configured instance at startup.
 */
public interface ToolsetFactory {

    /** The type name used in configuration, for example {@code dynamodb}; unique across factories. */
    String type();

    /**
     * The type-specific option keys this factory understands; the gateway rejects any other key in
     * the instance's configuration before calling {@link #create}.
     */
    default Set<String> optionKeys() {
        return Set.of();
    }

    /**
     * Creates one instance. Throws {@link IllegalArgumentException} with a message naming the option
     * and the fix when an option value is invalid; must not call AWS.
     */
    Toolset create(ToolsetConfig config, ToolsetContext context);
}
