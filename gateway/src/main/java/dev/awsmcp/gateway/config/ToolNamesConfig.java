package dev.awsmcp.gateway.config;

/**
 * How exposed tool names are built: {@code <toolset id><separator><tool>}.
 *
 * @param separator between toolset id and tool name; {@code __} by default
 * @param maxLength the longest name allowed; names over it stop startup (many clients cap at 64)
 */
public record ToolNamesConfig(String separator, Integer maxLength) {
    public ToolNamesConfig {
        separator = separator == null ? "__" : separator;
        maxLength = maxLength == null ? 64 : maxLength;
        if (separator.isEmpty() || !separator.matches("[A-Za-z0-9_-]+")) {
            throw new ConfigException("toolNames.separator: '" + separator + "' must be non-empty [A-Za-z0-9_-], e.g. __");
        }
        if (maxLength < 8 || maxLength > 128) {
            throw new ConfigException("toolNames.maxLength: " + maxLength + " must be between 8 and 128");
        }
    }

    static ToolNamesConfig defaults() {
        return new ToolNamesConfig(null, null);
    }
}
