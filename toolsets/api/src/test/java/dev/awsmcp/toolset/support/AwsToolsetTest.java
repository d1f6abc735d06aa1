package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AwsToolsetTest {

    private static final CallContext CONTEXT = new CallContext(new Caller("alice", Set.of("team")),
            AnonymousCredentialsProvider.create(), Instant.now().plusSeconds(30), ResultLimits.DEFAULT, "corr-1");
    private static final AwsFailures FAILURES = new AwsFailures("Example", "retry", "");

    /** Records what it was asked; its one translation names the table when the service says it is missing. */
    private static final class ExampleToolset extends AwsToolset<ToolArguments> {
        final List<Call<ToolArguments>> translated = new ArrayList<>();
        final AtomicBoolean closed;
        CompletableFuture<?> probe = CompletableFuture.completedFuture(null);

        ExampleToolset(AtomicBoolean closed, List<Tool<ToolArguments>> tools) {
            super("Example", DeferredClient.built((software.amazon.awssdk.utils.SdkAutoCloseable) () -> closed.set(true)), ToolArguments::new,
                    tools);
            this.closed = closed;
        }

        @Override
        protected ToolResult translate(Throwable failure, Call<ToolArguments> call) {
            translated.add(call);
            return FAILURES.translate(failure, error -> "ResourceNotFoundException".equals(error.code())
                    ? ToolResult.failure(ToolResult.Kind.NOT_FOUND, call.resources().get(0).name() + " not found") : null);
        }

        @Override
        protected CompletableFuture<?> probe(CallContext context) {
            return probe;
        }
    }

    private record ExampleTool(ToolSpec spec, java.util.function.Function<ToolArguments, CompletableFuture<ToolResult>> run)
            implements AwsToolset.Tool<ToolArguments> {
        @Override
        public CompletableFuture<ToolResult> call(ToolArguments arguments, CallContext context) {
            return run.apply(arguments);
        }
    }

    private static ToolSpec spec(String name) {
        return ToolSpec.builder(name).title(name).description("Reads.").inputSchema(Json.object().put("type", "object"))
                .access(Access.READ).resources(arguments -> {
                    String table = arguments.path("table").asText();
                    if (table.startsWith("arn:")) {
                        throw new IllegalArgumentException("'" + table + "' is not a table ARN this gateway accepts; use the name");
                    }
                    return List.of(new ResourceRef("table", table));
                }, "table").build();
    }

    private static ToolCall call(String tool, String table) {
        ObjectNode arguments = Json.object().put("table", table);
        return new ToolCall(tool, arguments);
    }

    private static ToolResult run(ExampleToolset toolset, ToolCall call) {
        return toolset.call(call, CONTEXT).toCompletableFuture().join();
    }

    private static AwsServiceException notFound() {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").errorMessage("no such table").build())
                .build();
    }

    @Test
    void dispatchesToTheToolOfTheCallsNameWithItsArguments() {
        ExampleToolset toolset = new ExampleToolset(new AtomicBoolean(), List.of(
                new ExampleTool(spec("first"), a -> CompletableFuture.completedFuture(ToolResult.success(Json.object().put("tool", "first")))),
                new ExampleTool(spec("second"), a -> CompletableFuture.completedFuture(
                        ToolResult.success(Json.object().put("table", a.text("table")))))));

        assertThat(toolset.tools()).extracting(ToolSpec::name).containsExactly("first", "second");
        assertThat(run(toolset, call("second", "orders"))).isEqualTo(ToolResult.success(Json.object().put("table", "orders")));
        assertThat(toolset.translated).isEmpty();
    }

    @Test
    void translatesFailuresWithTheResourcesTheCallNamed() {
        ExampleToolset toolset = new ExampleToolset(new AtomicBoolean(), List.of(
                new ExampleTool(spec("read"), a -> CompletableFuture.failedFuture(notFound()))));

        assertThat(run(toolset, call("read", "orders"))).isEqualTo(ToolResult.failure(ToolResult.Kind.NOT_FOUND, "orders not found"));
        assertThat(toolset.translated).singleElement().satisfies(c -> {
            assertThat(c.tool()).isEqualTo("read");
            assertThat(c.resources()).containsExactly(new ResourceRef("table", "orders"));
        });
    }

    @Test
    void argumentErrorsThrownOrCompletedBecomeInvalidArgument() {
        ExampleToolset toolset = new ExampleToolset(new AtomicBoolean(), List.of(
                new ExampleTool(spec("thrown"), a -> {
                    throw new ToolArgumentException("limit must be positive");
                }),
                new ExampleTool(spec("completed"), a -> CompletableFuture.failedFuture(new ToolArgumentException("start after end")))));

        assertThat(run(toolset, call("thrown", "t"))).isEqualTo(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, "limit must be positive"));
        assertThat(run(toolset, call("completed", "t"))).isEqualTo(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, "start after end"));
    }

    @Test
    void argumentsThatNameNoResourceAreRefusedWithoutCallingTheTool() {
        AtomicBoolean ran = new AtomicBoolean();
        ExampleToolset toolset = new ExampleToolset(new AtomicBoolean(), List.of(new ExampleTool(spec("read"), a -> {
            ran.set(true);
            return CompletableFuture.completedFuture(ToolResult.success(Json.object()));
        })));

        assertThat(run(toolset, call("read", "arn:aws:dynamodb:us-east-1:1:table/x"))).isEqualTo(ToolResult.failure(
                ToolResult.Kind.INVALID_ARGUMENT, "'arn:aws:dynamodb:us-east-1:1:table/x' is not a table ARN this gateway accepts; use the name"));
        assertThat(ran).isFalse();
    }

    @Test
    void bugsAndUnknownToolsCompleteExceptionally() {
        ExampleToolset toolset = new ExampleToolset(new AtomicBoolean(), List.of(
                new ExampleTool(spec("buggy"), a -> CompletableFuture.failedFuture(new NullPointerException("bug")))));

        assertThatThrownBy(() -> run(toolset, call("buggy", "t"))).isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> run(toolset, call("nope", "t"))).isInstanceOf(CompletionException.class)
                .hasMessageContaining("unknown Example tool nope");
    }

    @Test
    void refusesTwoToolsOfOneName() {
        ExampleTool tool = new ExampleTool(spec("read"), a -> CompletableFuture.completedFuture(ToolResult.success(Json.object())));

        assertThatThrownBy(() -> new ExampleToolset(new AtomicBoolean(), List.of(tool, tool)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Example tool read is declared twice");
    }

    @Test
    void healthIsTheProbesAnswerTranslatedForOperators() {
        AtomicBoolean closed = new AtomicBoolean();
        ExampleToolset toolset = new ExampleToolset(closed, List.of());

        assertThat(toolset.check(CONTEXT).toCompletableFuture().join()).isEqualTo(Health.up());
        toolset.probe = CompletableFuture.failedFuture(AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage("not allowed").build()).build());
        assertThat(toolset.check(CONTEXT).toCompletableFuture().join()).isEqualTo(Health.down("access denied by AWS: \"not allowed\""));
        assertThat(toolset.translated).singleElement().satisfies(c -> {
            assertThat(c.tool()).isEmpty();
            assertThat(c.resources()).isEmpty();
        });

        toolset.close();
        assertThat(closed).isTrue();
    }
}
