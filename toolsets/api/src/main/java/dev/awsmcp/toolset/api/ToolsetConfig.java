package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * One toolset entry of the gateway configuration, as handed to {@link ToolsetFactory#create}.
 *
 * @param id the instance id, the prefix of its tool names (for example {@code ddb}); never blank
 * @param type the factory type (for example {@code dynamodb}); never blank
 * @param region the AWS region of the instance's clients; never null
 * @param endpoint endpoint override (a local emulator), or {@code null} for the service default
 * @param options type-specific settings, already checked against {@link ToolsetFactory#optionKeys()};
 *     never null
 * @param toolNameSeparator what the gateway puts between {@code id} and a tool name ({@code __} by default)
 * @param bareNames true when the instance's tools and prompts are exposed under their short names, without
 *     the {@code id} prefix (configuration key {@code bareNames}, default false): only for fixtures and
 *     compatibility with clients that call fixed names, such as the MCP conformance suite
 */
public record ToolsetConfig(String id, String type, Region region, URI endpoint, ObjectNode options, String toolNameSeparator,
        boolean bareNames) {

    /** The gateway's default separator of exposed tool names. */
    public static final String DEFAULT_SEPARATOR = "__";

    public ToolsetConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        options = options == null ? JsonNodeFactory.instance.objectNode() : options.deepCopy();
        toolNameSeparator = toolNameSeparator == null ? DEFAULT_SEPARATOR : toolNameSeparator;
    }

    /** A configuration whose names carry the {@code id} prefix. */
    public ToolsetConfig(String id, String type, Region region, URI endpoint, ObjectNode options, String toolNameSeparator) {
        this(id, type, region, endpoint, options, toolNameSeparator, false);
    }

    /** A configuration with the default tool name separator. */
    public ToolsetConfig(String id, String type, Region region, URI endpoint, ObjectNode options) {
        this(id, type, region, endpoint, options, DEFAULT_SEPARATOR);
    }

    /**
     * The name the model sees for one of this instance's tools (or prompts), e.g. {@code ddb__list_tables}
     * ({@code tool} itself with {@link #bareNames()}): for messages and descriptions that point the model
     * at a sibling tool.
     */
    public String exposedName(String tool) {
        return bareNames ? tool : id + toolNameSeparator + tool;
    }
}
