package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.config.ResilienceConfig;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How long the result of a READ tool may be served from the cache: a configured override
 * ({@code <toolset id>.<tool>}, then {@code <toolset id>.*}), else the built-in table by toolset type:
 * metadata (listings, describes, configurations) {@value #METADATA_MINUTES} minutes, data reads
 * {@value #DATA_SECONDS} seconds, anything unknown not at all. WRITE and INVOKE tools are never cached.
 */
final class CacheTtls {

    static final int METADATA_MINUTES = 5;
    static final int DATA_SECONDS = 15;
    private static final Duration METADATA = Duration.ofMinutes(METADATA_MINUTES);
    private static final Duration DATA = Duration.ofSeconds(DATA_SECONDS);

    /** Data reads per toolset type; they change while an incident unfolds, so they live seconds. */
    private static final Map<String, Set<String>> DATA_READS = Map.of(
            "dynamodb", Set.of("get_item", "batch_get_item", "query", "scan", "execute_partiql"),
            "s3", Set.of("list_objects", "head_object", "get_object"),
            "logs", Set.of("filter_log_events", "get_log_events", "tail"));
    /** Reads whose answer is a moving target (a running query's status): never cached by default. */
    private static final Set<String> NEVER = Set.of("get_insights_results", "start_query");

    private final Map<String, String> overrides;

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
            return ResilienceConfig.Cache.ttlOf(overrides.get(exact), exact);
        }
        if (overrides.containsKey(wildcard)) {
            return ResilienceConfig.Cache.ttlOf(overrides.get(wildcard), wildcard);
        }
        return builtIn(toolset.type(), spec.name());
    }

    private static Duration builtIn(String type, String tool) {
        if (NEVER.contains(tool)) {
            return Duration.ZERO;
        }
        if (DATA_READS.getOrDefault(type, Set.of()).contains(tool) || "logs".equals(type) && !tool.startsWith("describe_")) {
            return DATA;
        }
        if (tool.startsWith("list_") || tool.startsWith("describe_") || tool.startsWith("get_") && isKnown(type)) {
            return METADATA;
        }
        return Duration.ZERO;
    }

    private static boolean isKnown(String type) {
        return Set.of("dynamodb", "s3", "logs", "lambda").contains(type);
    }
}
