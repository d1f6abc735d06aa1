package dev.awsmcp.toolset.dynamodb;

/**
 * Names of sibling tools as the model sees them ({@code <toolset id>__<tool>}), for messages and
 * descriptions that point the model at another tool. Assumes the gateway's default separator.
 */
record ToolNames(String toolsetId) {

    static final String SEPARATOR = "__";

    String qualified(String tool) {
        return toolsetId + SEPARATOR + tool;
    }
}
