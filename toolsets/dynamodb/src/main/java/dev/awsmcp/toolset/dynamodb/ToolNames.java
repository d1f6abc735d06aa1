package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.ToolsetConfig;

/**
 * Names of sibling tools as the model sees them ({@code <toolset id><separator><tool>}), for messages
 * and descriptions that point the model at another tool.
 */
record ToolNames(String toolsetId, String separator) {

    ToolNames(String toolsetId) {
        this(toolsetId, ToolsetConfig.DEFAULT_SEPARATOR);
    }

    ToolNames(ToolsetConfig config) {
        this(config.id(), config.toolNameSeparator());
    }

    String qualified(String tool) {
        return toolsetId + separator + tool;
    }
}
