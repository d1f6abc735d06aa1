package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

/** The registry's own guard on gateway labels. */
class GatewayMetricsTest {

    @Test
    void aGatewayMeterWithALabelThatCouldHoldAResourceNameIsDropped() {
        try (GatewayMetrics metrics = new GatewayMetrics()) {
            Counter.builder("gateway.tool.errors").tags("toolset", "ddb", "table", "payments-orders").register(metrics.registry()).increment();
            Counter.builder("gateway.tool.errors").tags("toolset", "ddb", "error_kind", "UPSTREAM").register(metrics.registry()).increment();
            String scrape = metrics.scrape();
            assertThat(scrape).doesNotContain("payments-orders").contains("gateway_tool_errors_total{error_kind=\"UPSTREAM\",toolset=\"ddb\"} 1.0");
            assertThat(scrape).contains("jvm_threads_live_threads", "process_uptime_seconds");
        }
    }
}
