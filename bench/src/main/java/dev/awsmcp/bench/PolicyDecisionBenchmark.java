package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.Decision;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy decision of one tool call with the repository's example policies ({@code policies/}) and
 * the real toolsets: resolving the caller's effective policy, then resources from the arguments and the
 * authorization (allowed and denied), for a DynamoDB query and an S3 object read (key canonicalization).
 * Run from the repository root (it reads {@code policies/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PolicyDecisionBenchmark {

    private ExampleToolsets toolsets;
    private PolicySet policies;
    private Principal oncall;
    private EffectivePolicy effective;
    private RegisteredTool query;
    private RegisteredTool getObject;
    private JsonNode queryArgs;
    private JsonNode deniedQueryArgs;
    private JsonNode objectArgs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        toolsets = ExampleToolsets.create();
        ToolsetRegistry registry = toolsets.registry();
        policies = toolsets.policyLoader().load(ExampleToolsets.POLICIES);
        oncall = new Principal("alice", Principal.Method.JWT, Set.of("payments-oncall", "engineering"), null);
        effective = policies.effective(oncall);
        query = registry.find("ddb__query").orElseThrow();
        getObject = registry.find("s3__get_object").orElseThrow();
        queryArgs = Json.mapper().readTree("{\"table\":\"payments-orders\",\"key_condition\":\"pk = :p\"}");
        deniedQueryArgs = Json.mapper().readTree("{\"table\":\"inventory-stock\",\"key_condition\":\"pk = :p\"}");
        objectArgs = Json.mapper().readTree("{\"bucket\":\"payments-runbooks\",\"key\":\"incidents/card-timeouts.md\"}");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        toolsets.close();
    }

    @Benchmark
    public EffectivePolicy effectivePolicy() {
        return policies.effective(oncall);
    }

    @Benchmark
    public Decision queryAllowed() {
        return effective.authorize(query, query.spec().resources().apply(queryArgs));
    }

    @Benchmark
    public Decision queryDenied() {
        return effective.authorize(query, query.spec().resources().apply(deniedQueryArgs));
    }

    @Benchmark
    public Decision getObjectAllowed() {
        return effective.authorize(getObject, getObject.spec().resources().apply(objectArgs));
    }
}
