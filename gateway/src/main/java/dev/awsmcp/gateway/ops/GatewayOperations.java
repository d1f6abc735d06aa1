package dev.awsmcp.gateway.ops;

import dev.awsmcp.gateway.toolset.ToolsetRegistry;

/**
 * What the admin listener serves, built once per runtime: the metrics, each toolset's health check and
 * the readiness verdict (with its draining switch for graceful shutdown).
 *
 * @param metrics the gateway's metrics
 * @param toolsets each toolset's cached health check
 * @param readiness the readiness verdict
 * @param registry the configured toolsets
 */
public record GatewayOperations(GatewayMetrics metrics, ToolsetHealth toolsets, Readiness readiness, ToolsetRegistry registry) {
}
