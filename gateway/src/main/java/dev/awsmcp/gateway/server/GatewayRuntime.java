package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.config.Durations;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.config.PoliciesConfig;
import dev.awsmcp.gateway.call.CallCredentials;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.identity.AssumedRoles;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.gateway.toolset.AwsClientFactory;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What every transport shares: AWS clients, toolsets, the call pipeline and the MCP server factory,
 * built once from the configuration and closed once, in reverse order.
 */
public final class GatewayRuntime implements AutoCloseable {

    private static final int MAX_AWS_CONNECTIONS = 128;

    private final GatewayConfig config;
    private final AwsClientFactory clients;
    private final ToolsetRegistry registry;
    private final ExecutorService dispatch;
    private final DefaultCredentialsProvider credentials;
    private final StsAsyncClient sts;
    private final PolicyStore policies;
    private final McpServerFactory servers;

    private GatewayRuntime(GatewayConfig config, AwsClientFactory clients, ToolsetRegistry registry, PolicyStore policies,
            InjectionDetector detector) {
        this.config = config;
        this.clients = clients;
        this.registry = registry;
        this.policies = policies;
        this.dispatch = Executors.newFixedThreadPool(2, named("aws-call-dispatch"));
        this.credentials = DefaultCredentialsProvider.builder().build();
        this.sts = clients.buildClient(StsAsyncClient.builder(), new ToolsetConfig("sts", "sts", Region.of(config.sts().region()),
                config.sts().endpoint() == null ? null : URI.create(config.sts().endpoint()), null));
        AssumedRoles roles = new AssumedRoles(sts, credentials, Clock.systemUTC(), dispatch);
        Duration callTimeout = Durations.parse(config.limits().callTimeout(), "limits.callTimeout");
        ToolCallPipeline pipeline = new ToolCallPipeline(config.limits().resultLimits(), callTimeout,
                new CallCredentials(credentials, roles), dispatch, policies,
                new ResultGuard(new SecretRedactor(config.guard().secretHash()), detector));
        // The SDK's own request timeout sits above the call deadline, so the pipeline answers first.
        this.servers = new McpServerFactory(registry, pipeline, policies, callTimeout.plusSeconds(5));
    }

    /**
     * Builds the runtime with the installed injection detector ({@link InjectionDetectors#installed()});
     * throws {@code ConfigException} when the toolset or policy configuration is invalid.
     */
    public static GatewayRuntime create(GatewayConfig config) {
        return create(config, InjectionDetectors.installed());
    }

    /** Builds the runtime with {@code detector} as the result guard's injection detector. */
    public static GatewayRuntime create(GatewayConfig config, InjectionDetector detector) {
        AwsClientFactory clients = new AwsClientFactory(MAX_AWS_CONNECTIONS);
        ToolsetRegistry registry = null;
        try {
            registry = ToolsetRegistry.create(config, clients);
            PoliciesConfig policies = config.policies();
            PolicyStore store = PolicyStore.open(new PolicyLoader(registry, config.limits()), Path.of(policies.dir()),
                    policies.watch() ? Durations.parse(policies.pollInterval(), "policies.pollInterval") : null);
            return new GatewayRuntime(config, clients, registry, store, detector);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            clients.close();
            throw e;
        }
    }

    public PolicyStore policies() {
        return policies;
    }

    public GatewayConfig config() {
        return config;
    }

    public ToolsetRegistry registry() {
        return registry;
    }

    public McpServerFactory servers() {
        return servers;
    }

    @Override
    public void close() {
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        policies.close();
        registry.close();
        sts.close();
        clients.close();
        credentials.close();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
