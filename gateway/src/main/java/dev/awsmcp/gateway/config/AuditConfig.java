package dev.awsmcp.gateway.config;

import java.util.List;
import java.util.Locale;

/**
 * The audit trail: where records go and what happens when they cannot be written fast enough.
 *
 * @param sinks at least one; default: one durable file sink at {@code audit/audit.jsonl}
 * @param queueCapacity records waiting for the writer (calls in flight hold a slot each); default 10000
 * @param onOverload {@code refuse} (default: a call finding the queue full gets a tool error and does
 *     not run) or {@code block} (it waits for room, its answer held back)
 */
public record AuditConfig(List<AuditSinkConfig> sinks, Integer queueCapacity, String onOverload) {

    public AuditConfig {
        if (sinks != null && sinks.isEmpty()) {
            throw new ConfigException("audit.sinks: must name at least one sink; every tool call is audited, e.g. "
                    + "[ { type: file, path: audit/audit.jsonl } ]");
        }
        sinks = sinks == null ? List.of(FileSinkConfig.defaults()) : List.copyOf(sinks);
        queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
        onOverload = onOverload == null ? "refuse" : onOverload.trim().toLowerCase(Locale.ROOT);
        if (queueCapacity < 1 || queueCapacity > 10_000_000) {
            throw new ConfigException("audit.queueCapacity: " + queueCapacity + " is out of range; use 1..10000000, e.g. 10000");
        }
        if (!onOverload.equals("refuse") && !onOverload.equals("block")) {
            throw new ConfigException("audit.onOverload: '" + onOverload + "' is not one of refuse, block");
        }
    }

    static AuditConfig defaults() {
        return new AuditConfig(null, null, null);
    }
}
