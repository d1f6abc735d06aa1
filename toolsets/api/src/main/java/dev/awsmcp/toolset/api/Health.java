package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * The result of a toolset's health check.
 *
 * @param healthy true when the toolset reached its AWS service with working credentials
 * @param detail a short operator-facing explanation, never null (empty when healthy)
 */
public record Health(boolean healthy, String detail) {
    public Health {
        Objects.requireNonNull(detail, "detail");
    }

    /** A healthy result. */
    public static Health up() {
        return new Health(true, "");
    }

    /** An unhealthy result with an explanation. */
    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
