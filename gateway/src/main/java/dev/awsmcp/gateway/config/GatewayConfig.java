package dev.awsmcp.gateway.config;

import java.util.List;

/**
 * The gateway configuration file (see config/gateway.yaml), after interpolation and validation.
 * Every section has defaults; unknown keys are rejected by {@link ConfigLoader}.
 *
 * @param server HTTP listener settings
 * @param auth inbound authentication; the HTTP listener refuses to start without API keys or JWT
 * @param toolNames how tool names are built from toolset id and tool name
 * @param toolsets the toolset instances; the toolset registry checks each entry's type-specific keys
 *     against its factory's own
 * @param limits gateway-wide result and time bounds
 * @param policies where the team policies are
 * @param sts where toolset roles are assumed
 * @param audit where the audit trail goes
 * @param guard gateway-wide settings of the result guard
 * @param resilience retries, circuit breakers, bulkheads and the result cache
 * @param sessions where sessions are kept (memory, or DynamoDB shared by several instances)
 * @param admin the admin listener (health checks, metrics)
 * @param logging the log format
 * @param cursors how paging cursors are sealed (key shared by every instance, time to live)
 * @param confirmations how the confirmation state of MCP 2026-07-28 clients is sealed (key shared by every instance,
 *     time to answer)
 * @param taint how long the taint of requests without a session lasts
 * @param tracing OpenTelemetry tracing of tool calls (off by default)
 */
public record GatewayConfig(ServerConfig server, AuthConfig auth, ToolNamesConfig toolNames, List<ToolsetEntry> toolsets,
        LimitsConfig limits, PoliciesConfig policies, StsConfig sts, AuditConfig audit, GuardConfig guard,
        ResilienceConfig resilience, SessionsConfig sessions, AdminConfig admin, LoggingConfig logging,
        CursorsConfig cursors, ConfirmationsConfig confirmations, TaintConfig taint, TracingConfig tracing) {
    public GatewayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        auth = auth == null ? AuthConfig.defaults() : auth;
        toolNames = toolNames == null ? ToolNamesConfig.defaults() : toolNames;
        toolsets = toolsets == null ? List.of() : List.copyOf(toolsets);
        limits = limits == null ? LimitsConfig.defaults() : limits;
        policies = policies == null ? PoliciesConfig.defaults() : policies;
        sts = sts == null ? StsConfig.defaults() : sts;
        audit = audit == null ? AuditConfig.defaults() : audit;
        guard = guard == null ? GuardConfig.defaults() : guard;
        resilience = resilience == null ? ResilienceConfig.defaults() : resilience;
        sessions = sessions == null ? SessionsConfig.defaults() : sessions;
        admin = admin == null ? AdminConfig.defaults() : admin;
        logging = logging == null ? LoggingConfig.defaults() : logging;
        cursors = cursors == null ? CursorsConfig.defaults() : cursors;
        confirmations = confirmations == null ? ConfirmationsConfig.defaults() : confirmations;
        taint = taint == null ? TaintConfig.defaults() : taint;
        tracing = tracing == null ? TracingConfig.defaults() : tracing;
    }

    /** The same configuration with another admin listener (tests bind port 0). */
    public GatewayConfig withAdmin(AdminConfig other) {
        return new GatewayConfig(server, auth, toolNames, toolsets, limits, policies, sts, audit, guard, resilience, sessions, other, logging, cursors, confirmations, taint, tracing);
    }

    /** The same configuration with another HTTP listener (tests bind port 0). */
    public GatewayConfig withServer(ServerConfig other) {
        return new GatewayConfig(other, auth, toolNames, toolsets, limits, policies, sts, audit, guard, resilience, sessions, admin, logging, cursors, confirmations, taint, tracing);
    }
}
