package dev.awsmcp.gateway.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.dynamodb.DynamoDbResources;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written toolset for transport and pipeline tests (type {@code test-echo}): it calls no AWS,
 * so tests of the HTTP layer do not depend on the emulator. Tools: echo (returns its arguments),
 * sleep (answers after {@code millis}), crash (throws, as a buggy toolset would), fail (a tool error), note
 * (a write: keeps its text in {@link #NOTES}).
 */
public final class EchoToolsetFactory implements ToolsetFactory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EchoToolsetFactory.class);
    /** The threads the gateway read echo's resources from its arguments on (after validating them), in this JVM. */
    public static final Set<String> ADMISSION_THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Sleeps whose call was cancelled while they ran (the toolset saw the cancellation), in this JVM. */
    public static final java.util.concurrent.atomic.AtomicInteger CANCELLED_SLEEPS = new java.util.concurrent.atomic.AtomicInteger();
    /** The texts note calls kept (the calls that ran), in this JVM. */
    public static final List<String> NOTES = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return "test-echo";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("greeting");
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        return new EchoToolset(config.options().path("greeting").asText("hello"));
    }

    private static ObjectNode schema(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class EchoToolset implements Toolset {
        private final String greeting;

        EchoToolset(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public List<ToolSpec> tools() {
            ObjectNode echo = schema("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"maxLength\":100000},"
                    + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}},\"required\":[\"text\"],\"additionalProperties\":false}");
            ObjectNode sleep = schema("{\"type\":\"object\",\"properties\":{\"millis\":{\"type\":\"integer\",\"minimum\":0}},"
                    + "\"required\":[\"millis\"],\"additionalProperties\":false}");
            ObjectNode none = schema("{\"type\":\"object\",\"additionalProperties\":false}");
            return List.of(
                    spec("echo", "Echo", "Returns the text it was given.", echo, Access.READ).resources(args -> {
                        ADMISSION_THREADS.add(Thread.currentThread().getName());
                        return List.of();
                    }).build(),
                    spec("sleep", "Sleep", "Answers after the given milliseconds.", sleep, Access.READ).build(),
                    spec("crash", "Crash", "Fails like a toolset bug.", none, Access.READ).build(),
                    spec("fail", "Fail", "Returns a tool error.", none, Access.WRITE)
                            .resources(args -> List.of(new ResourceRef(DynamoDbResources.TABLE, "things")), DynamoDbResources.TABLE).build(),
                    spec("note", "Note", "Keeps a note (a write).", echo, Access.WRITE).build());
        }

        @Override
        public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
            return List.of(DynamoDbResources.TABLE_KIND);
        }

        private static ToolSpec.Builder spec(String name, String title, String description, ObjectNode schema, Access access) {
            return ToolSpec.builder(name).title(title).description(description).inputSchema(schema).access(access);
        }

        @Override
        public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
            switch (call.tool()) {
                case "echo": {
                    ObjectNode out = Json.object();
                    out.put("greeting", greeting);
                    out.set("text", call.arguments().get("text"));
                    out.put("principal", context.caller().principal());
                    out.put("correlation_id", context.correlationId());
                    return CompletableFuture.completedFuture(ToolResult.success(out));
                }
                case "sleep": {
                    long millis = call.arguments().get("millis").asLong();
                    LOG.info("test-echo: sleep of {} ms started", millis);
                    context.control().progress(0, millis, "sleeping " + millis + " ms");
                    context.control().onCancel(() -> {
                        CANCELLED_SLEEPS.incrementAndGet();
                        LOG.info("test-echo: sleep of {} ms cancelled", millis);
                    });
                    ObjectNode out = Json.object().put("slept", millis);
                    return CompletableFuture.supplyAsync(() -> ToolResult.success(out),
                            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
                }
                case "note": {
                    NOTES.add(call.arguments().get("text").asText());
                    return CompletableFuture.completedFuture(ToolResult.success(Json.object().put("noted", call.arguments().get("text").asText())));
                }
                case "crash":
                    throw new IllegalStateException("secret internal detail");
                default:
                    return CompletableFuture.completedFuture(ToolResult.failure(ToolResult.Kind.NOT_FOUND, "thing x not found; call list_things"));
            }
        }

        @Override
        public CompletionStage<Health> check(CallContext context) {
            return CompletableFuture.completedFuture(Health.up());
        }

        @Override
        public void close() {
        }
    }
}
