package dev.awsmcp.gateway.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Whether this instance should get traffic: not while draining (shutdown started); otherwise when the
 * configuration is loaded (it is, or the process would not run), a valid policy set is in force, the
 * audit trail writes, the AWS clients and the result guard's injection rules are built (just after a start they are
 * still being built), and every toolset's health check passes. A rejected policy reload does not make the instance
 * unready: it keeps serving the last good set, and the answer says so. Nor does an open circuit
 * breaker (the toolset is then {@code DEGRADED}): breakers count one team's calls on one instance, and every
 * instance shares the backend, so taking instances out of rotation would move the calls, not heal anything.
 * With {@code admin.readiness: gateway} the toolsets' checks are left out altogether, for the same reason
 * applied to a whole AWS service: every instance shares it, so one service down would take every instance
 * (and the other services' tools with them) out of rotation.
 */
public final class Readiness {

    private final PolicyStore policies;
    private final AuditLog audit;
    private final ToolsetRegistry registry;
    private final ToolsetHealth toolsets;
    private final boolean includeToolsets;
    private final Supplier<String> clients;
    private final Supplier<String> guard;
    private volatile boolean draining;
    private volatile int rejectedProblems;

    /**
     * @param policies the team policies in force
     * @param audit the audit trail
     * @param registry the configured toolsets
     * @param toolsets their health checks
     * @param includeToolsets whether readiness waits for every toolset's check ({@code admin.readiness: toolsets})
     *     or only for the gateway's own checks ({@code gateway})
     * @param clients why the deferred AWS clients (the toolsets', STS) cannot serve yet (being built, or a build failed);
     *     null when they can
     * @param guard why the result guard cannot guard yet (its rules being built, or their build failed); null when it can
     */
    public Readiness(PolicyStore policies, AuditLog audit, ToolsetRegistry registry, ToolsetHealth toolsets, boolean includeToolsets,
            Supplier<String> clients, Supplier<String> guard) {
        this.clients = clients;
        this.guard = guard;
        this.policies = policies;
        this.audit = audit;
        this.registry = registry;
        this.toolsets = toolsets;
        this.includeToolsets = includeToolsets;
        policies.onRejected((kept, problems) -> rejectedProblems = problems.size());
        policies.onChange((before, after) -> rejectedProblems = 0);
    }

    /**
     * Marks the instance as draining: from now on it reports not ready (so the load balancer stops
     * sending new sessions) without calling AWS. For graceful shutdown; cannot be undone.
     */
    public void startDraining() {
        draining = true;
    }

    /** True once {@link #startDraining()} was called. */
    public boolean draining() {
        return draining;
    }

    /** The readiness report; completes normally, within the toolset check timeout. */
    public CompletableFuture<Report> check() {
        ObjectNode checks = Json.object();
        if (draining) {
            checks.set("draining", check(false, "the gateway is shutting down"));
            return CompletableFuture.completedFuture(new Report(false, checks));
        }
        checks.set("config", check(true, ""));
        int teams = policies.current().teams().size();
        int rejected = rejectedProblems;
        checks.set("policies", check(true, teams + " team(s)" + (rejected == 0 ? ""
                : "; the last reload was rejected (" + rejected + " problem(s), see the log), the last good set is served")));
        boolean writing = audit.writing();
        checks.set("audit", check(writing, writing ? "" : "the audit trail cannot write; tool calls are refused"));
        String guardProblem = guard.get();
        checks.set("guard", check(guardProblem == null, guardProblem == null ? "" : guardProblem));
        boolean gateway = writing && guardProblem == null;
        if (!includeToolsets) {
            boolean built = clientsCheck(checks);
            checks.set("toolsets", check(true, "not part of readiness (admin.readiness: gateway); each toolset's check: /health/toolsets/<id>"));
            return CompletableFuture.completedFuture(new Report(gateway && built, checks));
        }
        // The toolsets' checks call AWS with their clients, so they also wait for the clients' builds (within their
        // timeout): the clients' check is read after them.
        List<CompletableFuture<ToolsetStatus>> pending = registry.instances().stream().map(toolsets::check).toList();
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> {
            boolean ready = gateway & clientsCheck(checks);
            ObjectNode byId = checks.putObject("toolsets");
            for (CompletableFuture<ToolsetStatus> status : pending) {
                ToolsetStatus s = status.join();
                byId.set(s.id(), s.toJson());
                ready &= s.up();
            }
            return new Report(ready, checks);
        });
    }

    /** Sets the {@code clients} check: whether every deferred AWS client is built. */
    private boolean clientsCheck(ObjectNode checks) {
        String problem = clients.get();
        checks.set("clients", check(problem == null, problem == null ? "" : problem));
        return problem == null;
    }

    private static ObjectNode check(boolean up, String detail) {
        ObjectNode json = Json.object().put("status", up ? "UP" : "DOWN");
        if (!detail.isEmpty()) {
            json.put("detail", detail);
        }
        return json;
    }

    /**
     * @param ready whether the instance should get traffic
     * @param checks each check's status and detail
     */
    public record Report(boolean ready, ObjectNode checks) {

        /** {@code {status: UP|DOWN, checks: {...}}}. */
        public ObjectNode toJson() {
            ObjectNode json = Json.object().put("status", ready ? "UP" : "DOWN");
            json.set("checks", checks);
            return json;
        }
    }
}
