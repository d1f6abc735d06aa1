package dev.awsmcp.gateway.console;

import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the audit console reads: the configuration (the admin listener, authentication, the audit file sink), the
 * policies in force, the toolsets, their circuit breakers, the audit trail's state and the sessions this instance holds.
 * The console changes none of them.
 *
 * @param config the gateway configuration
 * @param policies the team policies in force
 * @param registry the configured toolsets and tools
 * @param resilience the circuit breakers
 * @param audit the audit trail (its sinks and writer state)
 * @param sessions the sessions this instance holds, by id, with the principal that created each
 */
public record ConsoleSources(GatewayConfig config, PolicyStore policies, ToolsetRegistry registry, CallResilience resilience,
        AuditLog audit, Supplier<Map<String, Principal>> sessions) {
}
