package dev.awsmcp.gateway.config;

import java.util.Locale;

/**
 * How the gateway logs (to stderr; stdout belongs to the stdio transport).
 *
 * @param format {@code text} (one readable line per event, for local use and the demo) or {@code json}
 *     (one JSON object per line, for log pipelines in production); default text
 */
public record LoggingConfig(String format) {
    /** The formats {@link #format} accepts. */
    public static final java.util.List<String> FORMATS = java.util.List.of("text", "json");

    public LoggingConfig {
        format = format == null || format.isBlank() ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new ConfigException("logging.format: '" + format + "' is not one of " + FORMATS);
        }
    }

    static LoggingConfig defaults() {
        return new LoggingConfig(null);
    }

    /** True for JSON lines. */
    public boolean json() {
        return "json".equals(format);
    }
}
