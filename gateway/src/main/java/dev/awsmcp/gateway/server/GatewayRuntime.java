package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.AuditLogFactory;
import dev.awsmcp.gateway.aws.AwsRequestIds;
import dev.awsmcp.gateway.audit.PolicyReloadRecord;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.cursor.CursorSealer;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.config.PoliciesConfig;
import dev.awsmcp.gateway.call.CallCredentials;
import dev.awsmcp.gateway.call.PipelineParts;
import dev.awsmcp.gateway.guard.DeferredInjectionDetector;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SemanticScreen;
import dev.awsmcp.gateway.guard.semantic.ClassificationHead;
import dev.awsmcp.gateway.guard.semantic.SemanticDetector;
import dev.awsmcp.gateway.config.SemanticConfig;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.identity.AssumedRoles;
import dev.awsmcp.gateway.ops.GatewayMetrics;
import dev.awsmcp.gateway.ops.GatewayOperations;
import dev.awsmcp.gateway.ops.IdleHeapReturn;
import dev.awsmcp.gateway.ops.Readiness;
import dev.awsmcp.gateway.ops.ToolsetHealth;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.taint.TaintTracker;
import dev.awsmcp.gateway.confirmation.ConfirmationTickets;
import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.session.SessionStores;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.tracing.Tracing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What every transport shares: AWS clients, toolsets, the audit trail, the call pipeline and the MCP
 * server factory, built once from the configuration and closed once, in reverse order (the audit
 * trail last but for the AWS clients, so that every record of the shutdown is written).
 */
public final class GatewayRuntime implements AutoCloseable {

    private static final int MAX_AWS_CONNECTIONS = 128;

    private final GatewayConfig config;
    private IdleHeapReturn heapReturn = IdleHeapReturn.off();
    private final AwsClientFactory clients;
    private final ToolsetRegistry registry;
    private final ExecutorService dispatch;
    private final DefaultCredentialsProvider credentials;
    private final DeferredClient<StsAsyncClient> sts;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final ToolCallPipeline pipeline;
    private final McpServerFactory servers;
    private final SessionStore sessions;
    private final GatewayOperations operations;
    private final CallResilience resilience;
    private final SemanticScreen semantic;
    private final Tracing tracing;
    private final DeferredInjectionDetector guardRules;

    private GatewayRuntime(GatewayConfig config, AwsClientFactory clients, ToolsetRegistry registry, PolicyStore policies,
            DefaultCredentialsProvider credentials, AuditLog audit, DeferredInjectionDetector detector, CallResilience resilience,
            SessionStore sessions, GatewayMetrics metrics, Tracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.resilience = resilience;
        this.sessions = sessions;
        this.clients = clients;
        this.registry = registry;
        this.policies = policies;
        this.credentials = credentials;
        this.audit = audit;
        this.guardRules = detector;
        this.dispatch = Executors.newFixedThreadPool(2, named("aws-call-dispatch"));
        // Cheap until a team's policy turns the detector on: no thread and no model before the first screened result.
        SemanticConfig semanticConfig = config.guard().semantic();
        this.semantic = new SemanticScreen(new SemanticDetector(ClassificationHead.standard(), semanticConfig.threads()),
                semanticConfig.minChars(), semanticConfig.maxChars(), semanticConfig.threads(), semanticConfig.queue());
        this.sts = clients.deferredClient(StsAsyncClient.builder(), new ToolsetConfig("sts", "sts", Region.of(config.sts().region()),
                config.sts().endpoint() == null ? null : URI.create(config.sts().endpoint()), null));
        AssumedRoles roles = new AssumedRoles(sts, credentials, Clock.systemUTC(), dispatch, tracing.tracer());
        Duration callTimeout = config.limits().callTimeout();
        CallCredentials callCredentials = new CallCredentials(credentials, roles);
        this.pipeline = new ToolCallPipeline(new PipelineParts(policies,
                new PipelineParts.CallLimits(config.limits().resultLimits(), new ArgumentLimits(config.limits().maxArgumentBytes(),
                        config.limits().maxArgumentValues(), config.limits().maxArgumentDepth()), callTimeout),
                new PipelineParts.Execution(callCredentials, dispatch, resilience,
                        new ResultGuard(new SecretRedactor(config.guard().secretHash()), detector, semantic)),
                new PipelineParts.AuditTrail(audit, clients.requestIds(), tracing.calls()),
                new PipelineParts.SessionState(dev.awsmcp.gateway.ratelimit.SharedTeamRateLimits.forSessions(sessions, Clock.systemUTC()),
                        new TaintTracker(sessions, config.taint().window(), Clock.systemUTC()), CursorSealer.create(config.cursors(), Clock.systemUTC()))));
        this.operations = operations(config, metrics, callCredentials, resilience);
        // The SDK's own request timeout sits above the call deadline, so the pipeline answers first.
        this.servers = new McpServerFactory(registry, pipeline, policies, callTimeout.plusSeconds(5),
                ConfirmationTickets.create(config.confirmations(), sessions, Clock.systemUTC()), sessions,
                new dev.awsmcp.gateway.mcp.CatalogMode(config.server().compactCatalog(), config.server().recentTools()));
        audit.append(PolicyReloadRecord.accepted("startup", teams(policies.current()), policies.current().fingerprint()));
        policies.onChange((before, after) -> resilience.clearCache());
        policies.onChange((before, after) -> audit.append(PolicyReloadRecord.accepted("reload", teams(after), after.fingerprint())));
        policies.onRejected((kept, problems) -> audit.append(PolicyReloadRecord.rejected(teams(kept), kept.fingerprint(), problems)));
    }

    private GatewayOperations operations(GatewayConfig config, GatewayMetrics metrics, CallCredentials callCredentials,
            CallResilience resilience) {
        pipeline.observe(metrics::toolCall);
        metrics.bindResilience(resilience, registry.instances().stream().map(ToolsetInstance::id).toList());
        metrics.bindAudit(audit);
        ToolsetHealth toolsets = new ToolsetHealth(callCredentials, resilience, dispatch,
                config.admin().toolsetCheckTtl(),
                config.admin().toolsetCheckTimeout());
        return new GatewayOperations(metrics, toolsets, new Readiness(policies, audit, registry, toolsets,
                config.admin().readyOnToolsets(), clients::deferredProblem, guardRules::problem), registry);
    }

    /**
     * Builds the runtime with the installed injection detector ({@link InjectionDetectors#installedMaker()}), whose rules
     * are built once {@link #guardRules()} is started (a server starts it once it listens: off the startup path);
     * throws {@code ConfigException} when the toolset, policy, audit or guard configuration is invalid.
     */
    public static GatewayRuntime create(GatewayConfig config) {
        return create(config, List.of(), new DeferredInjectionDetector(InjectionDetectors.installedMaker(),
                () -> !io.vertx.core.Context.isOnEventLoopThread()));
    }

    /**
     * Builds the runtime with {@code awsInterceptors} on every AWS client it builds (toolsets and audit
     * sinks: a hook for tests that inject faults or record requests; production passes none) and
     * {@code detector} as the result guard's injection detector.
     */
    public static GatewayRuntime create(GatewayConfig config, List<ExecutionInterceptor> awsInterceptors, InjectionDetector detector) {
        return create(config, awsInterceptors, DeferredInjectionDetector.built(detector));
    }

    /**
     * Builds the runtime with {@code awsInterceptors} (as above) and {@code rules} as the result guard's injection rules,
     * built when a server starts them: a hook for tests of readiness while the rules are built or after their build failed.
     */
    public static GatewayRuntime create(GatewayConfig config, List<ExecutionInterceptor> awsInterceptors,
            DeferredInjectionDetector detector) {
        GatewayMetrics metrics = new GatewayMetrics();
        CallResilience resilience = CallResilience.create(config.resilience(),
                config.limits().callTimeout(), metrics.retries());
        Tracing tracing = Tracing.create(config.tracing());
        List<ExecutionInterceptor> interceptors = new java.util.ArrayList<>(awsInterceptors);
        interceptors.addAll(tracing.awsInterceptors());
        AwsClientFactory clients = new AwsClientFactory(MAX_AWS_CONNECTIONS, new AwsRequestIds(), interceptors,
                resilience.retryStrategy(), metrics::awsRequests);
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        ToolsetRegistry registry = null;
        PolicyStore store = null;
        SessionStore sessions = null;
        try {
            sessions = SessionStores.create(config.sessions(),
                    config.server().sessionIdleTimeout(), clients, credentials);
            registry = ToolsetRegistry.create(config, clients);
            PoliciesConfig policies = config.policies();
            store = PolicyStore.open(new PolicyLoader(registry, config.limits()), Path.of(policies.dir()),
                    policies.watch() ? policies.pollInterval() : null);
            AuditLog audit = AuditLogFactory.create(config.audit(), clients, credentials);
            return new GatewayRuntime(config, clients, registry, store, credentials, audit, detector, resilience, sessions, metrics, tracing);
        } catch (RuntimeException e) {
            if (sessions != null) {
                sessions.close();
            }
            if (store != null) {
                store.close();
            }
            if (registry != null) {
                registry.close();
            }
            clients.close();
            credentials.close();
            metrics.close();
            tracing.close();
            throw e;
        }
    }

    private static List<String> teams(PolicySet set) {
        return set.teams().stream().map(TeamPolicy::team).toList();
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

    /**
     * The result guard's injection rules: built once started ({@link #startDeferredWork()}), so that their few hundred
     * milliseconds of CPU (and the JIT's compiling them) are not part of a start; a result guarded before waits.
     */
    public DeferredInjectionDetector guardRules() {
        return guardRules;
    }

    /**
     * Starts what a start leaves for later, each on a thread of its own: building the toolsets' AWS clients, then the
     * guard's rules; and the watch that gives the heap a burst committed back once quiet ({@link IdleHeapReturn}). A server calls it once it listens (stdio: before it reads), so that this work does not compete
     * with the start for the cores; until it is done readiness says so, and a call that needs it continues (or waits)
     * once it is.
     */
    public void startDeferredWork() {
        clients.startDeferredBuilds();
        guardRules.start();
        synchronized (this) {
            heapReturn.close();
            heapReturn = IdleHeapReturn.start(config.server().idleHeapReturn());
        }
    }

    /** The call pipeline (also records calls of tool names no toolset serves). */
    public ToolCallPipeline pipeline() {
        return pipeline;
    }

    /** Where sessions are kept (in memory, or DynamoDB shared by several instances). */
    public SessionStore sessions() {
        return sessions;
    }

    /** Retries, circuit breakers, bulkheads and the result cache of tool calls. */
    public CallResilience resilience() {
        return resilience;
    }

    /** The audit trail. */
    public AuditLog audit() {
        return audit;
    }

    /**
     * Metrics, toolset health checks and readiness, as the admin listener serves them; graceful shutdown
     * calls {@code operations().readiness().startDraining()} so that readiness answers 503 while draining.
     */
    public GatewayOperations operations() {
        return operations;
    }

    /** The result guard's semantic screen (its model loads on the first screened result). */
    public SemanticScreen semanticScreen() {
        return semantic;
    }

    @Override
    public void close() {
        synchronized (this) {
            heapReturn.close();
        }
        semantic.close();
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        policies.close();
        registry.close();
        sts.close();
        sessions.close();
        audit.close();
        clients.close();
        credentials.close();
        operations.metrics().close();
        tracing.close();
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
