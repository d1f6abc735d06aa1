package dev.awsmcp.gateway.config;

import dev.awsmcp.toolset.api.ResultLimits;
import java.time.Duration;

/**
 * Gateway-wide bounds of one call.
 *
 * @param maxResultBytes byte budget of one result
 * @param defaultRows rows returned when the caller asks for no limit
 * @param maxRows the most rows a caller may ask for
 * @param callTimeout deadline of one tool call, e.g. {@code 30s}
 * @param maxArgumentBytes the largest arguments of one call, as compact JSON in UTF-8 (default 320 KiB:
 *     room for the toolsets' own 256 KiB caps on an S3 body or a Lambda payload)
 * @param maxArgumentValues the most values in the arguments of one call: object properties plus array
 *     items, at every depth (default 1000)
 * @param maxArgumentDepth the deepest nesting of objects and arrays in the arguments (default 32)
 */
public record LimitsConfig(Integer maxResultBytes, Integer defaultRows, Integer maxRows, Duration callTimeout, Integer maxArgumentBytes,
        Integer maxArgumentValues, Integer maxArgumentDepth) {
    public LimitsConfig {
        maxResultBytes = maxResultBytes == null ? ResultLimits.DEFAULT.maxResultBytes() : maxResultBytes;
        defaultRows = defaultRows == null ? ResultLimits.DEFAULT.defaultRows() : defaultRows;
        maxRows = maxRows == null ? ResultLimits.DEFAULT.maxRows() : maxRows;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        maxArgumentBytes = maxArgumentBytes == null ? 320 * 1024 : maxArgumentBytes;
        maxArgumentValues = maxArgumentValues == null ? 1000 : maxArgumentValues;
        maxArgumentDepth = maxArgumentDepth == null ? 32 : maxArgumentDepth;
        try {
            new ResultLimits(defaultRows, maxRows, maxResultBytes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("limits: " + e.getMessage());
        }
        if (maxArgumentBytes < 1024) {
            throw new ConfigException("limits.maxArgumentBytes: " + maxArgumentBytes + " is too small; use at least 1024");
        }
        if (maxArgumentValues < 1) {
            throw new ConfigException("limits.maxArgumentValues: " + maxArgumentValues + " must be at least 1");
        }
        if (maxArgumentDepth < 1 || maxArgumentDepth > 64) {
            throw new ConfigException("limits.maxArgumentDepth: " + maxArgumentDepth + " is out of range; use 1 to 64");
        }
    }

    /** The limits handed to toolsets. */
    public ResultLimits resultLimits() {
        return new ResultLimits(defaultRows, maxRows, maxResultBytes);
    }

    static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null);
    }
}
