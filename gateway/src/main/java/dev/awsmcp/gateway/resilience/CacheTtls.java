package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.config.ResilienceConfig;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Duration;
import java.util.Map;

/**
 * How long the result of a READ tool may be served from the cache: a configured override
 * ({@code <toolset id>.<tool>}, then {@code <toolset id>.*}), else the tool's own {@link Freshness}:
 * metadata (listings, describes, configurations) {@value #METADATA_MINUTES} minutes, data reads
 * {@value #DATA_SECONDS} seconds, never-cached answers not at all. WRITE and INVOKE tools are never cached.
 */
final class CacheTtls {

    static final int METADATA_MINUTES = 5;
    static final int DATA_SECONDS = 15;
    private static final Duration METADATA = Duration.ofMinutes(METADATA_MINUTES);
    private static final Duration DATA = Duration.ofSeconds(DATA_SECONDS);

    private final Map<String, Duration> overrides;

    CacheTtls(ResilienceConfig.Cache config) {
        this.overrides = config.ttl();
    }

    /** The time to live of {@code spec}'s results in {@code toolset}; zero: not cached. */
    Duration ttl(ToolsetConfig toolset, ToolSpec spec) {
        if (spec.access() != Access.READ) {
            return Duration.ZERO;
        }
        String exact = toolset.id() + "." + spec.name();
        String wildcard = toolset.id() + ".*";
        if (overrides.containsKey(exact)) {
            return overrides.get(exact);
        }
        if (overrides.containsKey(wildcard)) {
            return overrides.get(wildcard);
        }
        return switch (spec.freshness()) {
            case METADATA -> METADATA;
            case DATA -> DATA;
            case NEVER -> Duration.ZERO;
        };
    }
}
