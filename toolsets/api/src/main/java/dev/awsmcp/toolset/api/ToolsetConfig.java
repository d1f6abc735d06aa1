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
 */
public record ToolsetConfig(String id, String type, Region region, URI endpoint, ObjectNode options) {
    public ToolsetConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        options = options == null ? JsonNodeFactory.instance.objectNode() : options.deepCopy();
    }
}
