package dev.awsmcp.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.config.ResilienceConfig;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The cache lifetime of a result comes from the tool's own freshness, below the operator's overrides. */
class CacheTtlsTest {

    private static final ToolsetConfig LOGS = new ToolsetConfig("logs", "logs", Region.US_EAST_1, null, Json.object());

    private static ToolSpec spec(String name, Access access, Freshness freshness) {
        return ToolSpec.builder(name).title(name).description(name).inputSchema(Json.object().put("type", "object"))
                .access(access).freshness(freshness).build();
    }

    @Test
    void readsLiveAsLongAsTheirFreshnessSaysAndChangesAreNeverCached() {
        CacheTtls ttls = new CacheTtls(new ResilienceConfig.Cache(null, null, null));
        assertThat(ttls.ttl(LOGS, spec("describe_log_groups", Access.READ, Freshness.METADATA))).isEqualTo(Duration.ofMinutes(5));
        assertThat(ttls.ttl(LOGS, spec("filter_log_events", Access.READ, Freshness.DATA))).isEqualTo(Duration.ofSeconds(15));
        assertThat(ttls.ttl(LOGS, spec("get_insights_results", Access.READ, Freshness.NEVER))).isZero();
        assertThat(ttls.ttl(LOGS, spec("put_thing", Access.WRITE, Freshness.METADATA))).as("only reads are cached").isZero();
    }

    @Test
    void theOperatorsOverridesComeFirstExactToolBeforeTheToolset() {
        CacheTtls ttls = new CacheTtls(new ResilienceConfig.Cache(null, null,
                Map.of("logs.filter_log_events", Duration.ofSeconds(2), "logs.*", Duration.ofSeconds(40))));
        assertThat(ttls.ttl(LOGS, spec("filter_log_events", Access.READ, Freshness.DATA))).isEqualTo(Duration.ofSeconds(2));
        assertThat(ttls.ttl(LOGS, spec("get_insights_results", Access.READ, Freshness.NEVER))).isEqualTo(Duration.ofSeconds(40));
    }
}
