package dev.awsmcp.gateway.config;

import dev.awsmcp.toolset.api.ResultLimits;

/**
 * Gateway-wide bounds of one call.
 *
 * @param maxResultBytes byte budget of one result
 * @param defaultRows rows returned when the caller asks for no limit
 * @param maxRows the most rows a caller may ask for
 * @param callTimeout deadline of one tool call, e.g. {@code 30s}
 */
public record LimitsConfig(Integer maxResultBytes, Integer defaultRows, Integer maxRows, String callTimeout) {
    public LimitsConfig {
        maxResultBytes = maxResultBytes == null ? ResultLimits.DEFAULT.maxResultBytes() : maxResultBytes;
        defaultRows = defaultRows == null ? ResultLimits.DEFAULT.defaultRows() : defaultRows;
        maxRows = maxRows == null ? ResultLimits.DEFAULT.maxRows() : maxRows;
        callTimeout = callTimeout == null ? "30s" : callTimeout;
        try {
            new ResultLimits(defaultRows, maxRows, maxResultBytes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("limits: " + e.getMessage());
        }
        Durations.parse(callTimeout, "limits.callTimeout");
    }

    /** The limits handed to toolsets. */
    public ResultLimits resultLimits() {
        return new ResultLimits(defaultRows, maxRows, maxResultBytes);
    }

    static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null);
    }
}
