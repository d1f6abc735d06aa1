package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditLine;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.AuditSink;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.OverloadPolicy;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.testing.Eventually;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * The pipeline built directly from its parts, without HTTP or an MCP client: the hand-written test-echo
 * toolset answers, and every call's audit record is read from an in-memory sink.
 */
class ToolCallPipelineDirectTest {

    private static final Principal MEMBER = Principal.apiKey("test");

    private final List<JsonNode> records = new CopyOnWriteArrayList<>();
    private AwsClientFactory clients;
    private ToolsetRegistry registry;
    private PolicyStore policies;
    private AuditLog audit;
    private ExecutorService dispatch;
    private ToolCallPipeline pipeline;

    @BeforeEach
    void build(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n");
        GatewayConfig gateway = new ConfigLoader(name -> null).load(config);
        clients = new AwsClientFactory(2);
        registry = ToolsetRegistry.create(gateway, clients);
        Path policyDir = Files.createDirectory(dir.resolve("policies"));
        Files.writeString(policyDir.resolve("test.yaml"), "team: test\nmembers: [ { apiKey: test } ]\n"
                + "toolsets:\n  t: { tools: [\"*\"], access: [read, write], resources: [\"*\"] }\n");
        policies = PolicyStore.open(new PolicyLoader(registry, gateway.limits()), policyDir, null);
        audit = AuditLog.start(List.of(new MemorySink(records)), 100, OverloadPolicy.REFUSE);
        dispatch = Executors.newFixedThreadPool(2);
        Duration timeout = Duration.ofSeconds(2);
        pipeline = new ToolCallPipeline(new PipelineParts(policies,
                new PipelineParts.CallLimits(gateway.limits().resultLimits(), ArgumentLimits.DEFAULT, timeout),
                new PipelineParts.Execution(new CallCredentials(AnonymousCredentialsProvider.create(), null), dispatch,
                        CallResilience.create(gateway.resilience(), timeout), new ResultGuard(new SecretRedactor(false), InjectionDetectors.NONE)),
                new PipelineParts.AuditTrail(audit, clients.requestIds()),
                PipelineParts.SessionState.inMemory()));
    }

    @AfterEach
    void close() {
        audit.close();
        policies.close();
        registry.close();
        clients.close();
        dispatch.shutdownNow();
    }

    private CallOutcome call(String tool, Map<String, Object> arguments, Principal principal) throws Exception {
        return pipeline.call(registry.find(tool).orElseThrow(), arguments, principal, CallOrigin.UNKNOWN).get(10, TimeUnit.SECONDS);
    }

    private JsonNode onlyRecord() {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void answersWithTheToolsetsDataAndWritesOneSuccessRecord() throws Exception {
        CallOutcome outcome = call("t__echo", Map.of("text", "hello"), MEMBER);

        CallOutcome.Succeeded succeeded = (CallOutcome.Succeeded) outcome;
        assertThat(succeeded.answer().data().json().path("text").asText()).isEqualTo("hello");
        assertThat(succeeded.taint()).isNotNull();
        JsonNode record = onlyRecord();
        assertThat(record.path("outcome").asText()).isEqualTo("success");
        assertThat(record.path("error_kind").isNull()).isTrue();
        assertThat(record.path("correlation_id").asText()).isEqualTo(outcome.correlationId());
    }

    @Test
    void aToolsetFailureKeepsItsKindAndIsAuditedAsAToolError() throws Exception {
        CallOutcome outcome = call("t__fail", Map.of(), MEMBER);

        assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
        assertThat(((CallOutcome.Failed) outcome).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        JsonNode record = onlyRecord();
        assertThat(record.path("outcome").asText()).isEqualTo("tool_error");
        assertThat(record.path("error_kind").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aToolsetBugIsAnInternalErrorThatHidesItsDetail() throws Exception {
        CallOutcome.Failed failed = (CallOutcome.Failed) call("t__crash", Map.of(), MEMBER);

        assertThat(failed.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(failed.message()).doesNotContain("secret internal detail");
        assertThat(onlyRecord().path("outcome").asText()).isEqualTo("internal_error");
    }

    @Test
    void aCallerWithoutAGrantIsRefusedAsAnUnknownToolWithARefusedRecord() throws Exception {
        CallOutcome.Refused refused = (CallOutcome.Refused) call("t__echo", Map.of("text", "x"), Principal.apiKey("stranger"));

        assertThat(refused.kind()).isEqualTo(ErrorKind.UNKNOWN_TOOL);
        assertThat(refused.message()).isEqualTo("unknown tool t__echo");
        JsonNode record = onlyRecord();
        assertThat(record.path("outcome").asText()).isEqualTo("refused");
        assertThat(record.path("error_kind").asText()).isEqualTo("UNKNOWN_TOOL");
    }

    @Test
    void invalidArgumentsAreRefusedBeforeTheToolsetRuns() throws Exception {
        CallOutcome.Refused refused = (CallOutcome.Refused) call("t__echo", Map.of(), MEMBER);

        assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(onlyRecord().path("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void cancellingTheCallStopsTheToolsetAndWritesOneCancelledRecord() throws Exception {
        CompletableFuture<CallOutcome> running = pipeline.call(registry.find("t__sleep").orElseThrow(), Map.of("millis", 30_000), MEMBER,
                CallOrigin.UNKNOWN);
        Eventually.until(() -> pipeline.callsInFlight() == 1);

        running.cancel(true);

        Eventually.until(() -> records.size() == 1 && pipeline.callsInFlight() == 0);
        JsonNode record = onlyRecord();
        assertThat(record.path("outcome").asText()).isEqualTo("cancelled");
        assertThat(record.path("error_kind").asText()).isEqualTo("CANCELLED");
        Thread.sleep(200);
        assertThat(records).hasSize(1);
    }

    @Test
    void aShutdownAnswersTheCallsStillRunningAndRecordsThem() throws Exception {
        CompletableFuture<CallOutcome> running = pipeline.call(registry.find("t__sleep").orElseThrow(), Map.of("millis", 30_000), MEMBER,
                CallOrigin.UNKNOWN);
        Eventually.until(() -> pipeline.callsInFlight() == 1);

        assertThat(pipeline.stopCallsInFlight()).isEqualTo(1);

        CallOutcome.Failed stopped = (CallOutcome.Failed) running.get(10, TimeUnit.SECONDS);
        assertThat(stopped.kind()).isEqualTo(ErrorKind.SHUTDOWN);
        assertThat(onlyRecord().path("error_kind").asText()).isEqualTo("SHUTDOWN");
    }

    /** Keeps every audit line's JSON. */
    private record MemorySink(List<JsonNode> records) implements AuditSink {

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void write(AuditLine line) throws java.io.IOException {
            records.add(Json.mapper().readTree(line.json()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
