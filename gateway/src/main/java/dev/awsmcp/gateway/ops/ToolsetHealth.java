package dev.awsmcp.gateway.ops;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.awsmcp.gateway.call.CallCredentials;
import dev.awsmcp.gateway.identity.RoleAssumptionException;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.support.AwsFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each toolset's own health check ({@code Toolset.check}: a cheap read such as ListTables limited to one
 * item) with the toolset's credentials (its role assumed as {@code gateway.health-check}). Results are
 * reused for a while and concurrent probes share the check in flight, so however often a load balancer
 * asks, each toolset calls AWS at most once per {@code ttl}; a check that does not answer within
 * {@code timeout} counts as failed.
 */
public final class ToolsetHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ToolsetHealth.class);

    private final CallCredentials credentials;
    private final CallResilience resilience;
    private final Executor dispatch;
    private final Duration timeout;
    private final AsyncCache<String, ToolsetStatus> results;

    /**
     * @param credentials where the toolsets' credentials come from
     * @param resilience the retry rules each check's requests follow (bounded by its timeout)
     * @param dispatch the pool checks start on (credential resolution never runs on an event loop)
     * @param ttl how long a result is reused
     * @param timeout how long a check may take
     */
    public ToolsetHealth(CallCredentials credentials, CallResilience resilience, Executor dispatch, Duration ttl, Duration timeout) {
        this.credentials = credentials;
        this.resilience = resilience;
        this.dispatch = dispatch;
        this.timeout = timeout;
        this.results = Caffeine.newBuilder().expireAfterWrite(ttl).buildAsync();
    }

    /**
     * The status of {@code instance}: the cached one, the check in flight, or a new check, with the live state of
     * the toolset's circuit breakers (never cached). Never fails.
     */
    public CompletableFuture<ToolsetStatus> check(ToolsetInstance instance) {
        return results.get(instance.id(), (id, executor) -> run(instance))
                .thenApply(status -> status.withBreakers(resilience.breakersNotClosed(instance.id())));
    }

    private CompletableFuture<ToolsetStatus> run(ToolsetInstance instance) {
        Instant deadline = Instant.now().plus(timeout);
        String correlationId = "health-" + UUID.randomUUID();
        return credentials.forHealthCheck(instance)
                .thenComposeAsync(provider -> instance.toolset().check(new CallContext(new Caller("health-check", Set.of()), provider,
                        deadline, ResultLimits.DEFAULT, correlationId, ResourceFilter.ALL,
                        resilience.requestPlugin(Access.READ, deadline))), dispatch)
                .exceptionally(ToolsetHealth::failed)
                .toCompletableFuture()
                .completeOnTimeout(Health.down("no answer within " + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(health -> new ToolsetStatus(instance.id(), instance.config().type(), instance.config().region().id(),
                        health.healthy(), health.detail(), Instant.now()));
    }

    private static Health failed(Throwable failure) {
        Throwable cause = AwsFailures.unwrap(failure);
        if (cause instanceof RoleAssumptionException role) {
            return Health.down(role.getMessage());
        }
        LOG.error("health check of a toolset failed in the gateway", failure);
        return Health.down("health check failed in the gateway; its log has the details");
    }
}
