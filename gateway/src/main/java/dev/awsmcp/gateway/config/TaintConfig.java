package dev.awsmcp.gateway.config;

import java.time.Duration;

/**
 * How long the taint of requests without a session lasts (MCP 2026-07-28 clients have no session to keep it in, so it is
 * kept per principal: see docs/taint.md). A session's own taint lasts as long as the session.
 *
 * @param window how long a principal's taint lasts after the last call of its requests without a session that returned
 *     data (sliding); default {@code 1h}, between {@code 1m} and {@code 168h} (a week)
 */
public record TaintConfig(Duration window) {

    private static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    private static final Duration MAX_WINDOW = Duration.ofDays(7);

    public TaintConfig {
        window = window == null ? Duration.ofHours(1) : window;
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new ConfigException("taint.window: " + Durations.format(window) + " is outside 1m..168h; it is how long content a client read"
                    + " may still steer it, e.g. 1h");
        }
    }

    static TaintConfig defaults() {
        return new TaintConfig(null);
    }
}
