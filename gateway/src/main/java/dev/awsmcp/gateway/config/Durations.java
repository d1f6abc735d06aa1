package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations operators write in YAML: {@code 250ms}, {@code 30s}, {@code 15m}, {@code 1h}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /** Parses {@code value}; {@code key} names the setting in the error. */
    public static Duration parse(String value, String key) {
        Matcher m = SHORT.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new ConfigException(key + ": '" + value + "' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) {
            throw new ConfigException(key + ": must be greater than zero");
        }
        return d;
    }
}
