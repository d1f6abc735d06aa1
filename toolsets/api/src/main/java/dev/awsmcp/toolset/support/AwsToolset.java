package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The wiring every toolset of one AWS service shares, written once: a call goes to the tool of its name
 * with the toolset's own arguments type, and whatever fails (an AWS error, an argument the schema could not
 * rule out) is translated by the service's {@link #translate}; the health check is one cheap read; closing
 * closes the client. A subclass passes its tools and client, says how failures read and what the health
 * check reads, and overrides {@link Toolset}'s defaults for resource kinds, session policy, usage notes,
 * prompts and resource templates.
 *
 * @param <A> the toolset's arguments type: {@link ToolArguments} or a subclass with service accessors
 */
public abstract class AwsToolset<A extends ToolArguments> implements Toolset {

    /**
     * One tool: its spec and what runs a call. Holds only shared clients and settings; never blocks. AWS
     * and argument errors complete the future exceptionally (or are thrown), and the toolset translates them.
     *
     * @param <A> the toolset's arguments type
     */
    public interface Tool<A extends ToolArguments> {

        /** The tool's description; the same instance on every call. */
        ToolSpec spec();

        /** Runs the call; every AWS request carries {@link CallContext#awsOverrides()}. */
        CompletableFuture<ToolResult> call(A arguments, CallContext context);
    }

    /**
     * One failed call, as {@link #translate} sees it.
     *
     * @param tool the tool's short name; {@link #probeTool()} for the health check
     * @param arguments the call's arguments (empty for the health check)
     * @param resources what the tool's {@link ToolSpec#resources()} named for these arguments, read before
     *     the call ran: the subject of messages such as "table orders not found"; empty for the health check
     */
    public record Call<A extends ToolArguments>(String tool, A arguments, List<ResourceRef> resources) {

        public Call {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(arguments, "arguments");
            resources = List.copyOf(resources);
        }
    }

    private final String service;
    private final DeferredClient<? extends SdkAutoCloseable> client;
    private final Function<ObjectNode, A> arguments;
    private final Map<String, Tool<A>> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;

    /**
     * @param service the service as messages name it, e.g. {@code DynamoDB}
     * @param client the AWS client the tools share, closed by {@link #close()}
     * @param arguments reads one call's arguments, e.g. {@code Arguments::new}
     * @param tools the tools, in the order {@link #tools()} lists them; names unique
     */
    protected AwsToolset(String service, DeferredClient<? extends SdkAutoCloseable> client, Function<ObjectNode, A> arguments,
            List<? extends Tool<A>> tools) {
        this.service = Objects.requireNonNull(service, "service");
        this.client = Objects.requireNonNull(client, "client");
        this.arguments = Objects.requireNonNull(arguments, "arguments");
        for (Tool<A> tool : tools) {
            if (this.tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalArgumentException(service + " tool " + tool.spec().name() + " is declared twice");
            }
        }
        this.specs = this.tools.values().stream().map(Tool::spec).toList();
    }

    /**
     * The failure the model reads for {@code failure} of {@code call}, usually an {@link AwsFailures} with the codes
     * the service gives a meaning; {@link ToolArgumentException}s arrive here too.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    protected abstract ToolResult translate(Throwable failure, Call<A> call);

    /** The cheap read without side effects that tells the service is reachable with the context's credentials. */
    protected abstract CompletableFuture<?> probe(CallContext context);

    /** The tool whose failures a failed {@link #probe} translates like; empty (the default) for none in particular. */
    protected String probeTool() {
        return "";
    }

    @Override
    public final List<ToolSpec> tools() {
        return specs;
    }

    @Override
    public final CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        Tool<A> tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown " + service + " tool " + call.tool()));
        }
        List<ResourceRef> resources;
        try {
            resources = tool.spec().resources().apply(call.arguments());
        } catch (IllegalArgumentException e) {
            // The gateway refuses such arguments before calling; a direct call gets the same answer.
            return CompletableFuture.completedFuture(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, e.getMessage()));
        }
        A read = arguments.apply(call.arguments());
        Call<A> failed = new Call<>(call.tool(), read, resources);
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(read, context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : translate(failure, failed));
    }

    @Override
    public final CompletionStage<Health> check(CallContext context) {
        return probe(context).handle((response, failure) -> {
            if (failure == null) {
                return Health.up();
            }
            ToolResult translated = translate(failure, new Call<>(probeTool(), arguments.apply(Json.object()), List.of()));
            return Health.down(((ToolResult.Failure) translated).message());
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
