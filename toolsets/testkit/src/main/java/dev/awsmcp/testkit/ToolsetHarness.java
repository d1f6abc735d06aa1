package dev.awsmcp.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetFactory;
import dev.awsmcp.toolset.support.Json;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * One toolset under test on {@link LocalAws}: calls its tools the way the gateway would (a
 * {@link ToolCall} with a fresh {@link LocalAws#callContext()}, joined) and checks the outcome,
 * failing with an {@link AssertionError} that shows the result. Module fixtures extend it to add
 * clients that seed data; {@link #close()} closes the toolset, never the {@link LocalAws}.
 */
public class ToolsetHarness implements AutoCloseable {

    private final LocalAws aws;
    private final Toolset toolset;

    /** Creates toolset {@code id} of {@code type} with {@code factory}, no options, pointing at {@code aws}. */
    public ToolsetHarness(LocalAws aws, ToolsetFactory factory, String id, String type) {
        this(aws, factory, id, type, null);
    }

    /** Creates toolset {@code id} of {@code type} with {@code factory} and the type's {@code options} (may be null). */
    public ToolsetHarness(LocalAws aws, ToolsetFactory factory, String id, String type, ObjectNode options) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.toolset = factory.create(aws.toolsetConfig(id, type, options), aws.toolsetContext());
    }

    /** JSON with single quotes standing for double quotes, for readable arguments; must be an object. */
    public static ObjectNode args(String json) {
        return parse(json.replace('\'', '"'));
    }

    /** A JSON object as it is written, for arguments whose strings contain single quotes. */
    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The local AWS the toolset talks to. */
    public final LocalAws aws() {
        return aws;
    }

    /** The toolset under test. */
    public final Toolset toolset() {
        return toolset;
    }

    /** The per-call overrides (test credentials) that direct clients must send, as the toolset does. */
    public final AwsRequestOverrideConfiguration overrides() {
        return aws.callContext().awsOverrides();
    }

    /** Calls {@code tool} with default limits and waits for the result, whatever it is. */
    public final ToolResult call(String tool, ObjectNode arguments) {
        return call(tool, arguments, aws.callContext());
    }

    /** Calls {@code tool} with {@code limits} and waits for the result, whatever it is. */
    public final ToolResult call(String tool, ObjectNode arguments, ResultLimits limits) {
        return call(tool, arguments, aws.callContext(limits));
    }

    /** Calls {@code tool} in {@code context} and waits for the result, whatever it is. */
    public final ToolResult call(String tool, ObjectNode arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, arguments), context).toCompletableFuture().join();
    }

    /** The data of a call with default limits that must succeed. */
    public final JsonNode success(String tool, ObjectNode arguments) {
        return success(tool, arguments, aws.callContext());
    }

    /** The data of a call with {@code limits} that must succeed. */
    public final JsonNode success(String tool, ObjectNode arguments, ResultLimits limits) {
        return success(tool, arguments, aws.callContext(limits));
    }

    /** The data of a call in {@code context} that must succeed. */
    public final JsonNode success(String tool, ObjectNode arguments, CallContext context) {
        ToolResult result = call(tool, arguments, context);
        if (!(result instanceof ToolResult.Success)) {
            throw new AssertionError(tool + " should have succeeded but answered " + result);
        }
        return ((ToolResult.Success) result).data();
    }

    /** The failure of a call with default limits that must fail. */
    public final ToolResult.Failure failure(String tool, ObjectNode arguments) {
        return failure(tool, arguments, aws.callContext());
    }

    /** The failure of a call in {@code context} that must fail. */
    public final ToolResult.Failure failure(String tool, ObjectNode arguments, CallContext context) {
        ToolResult result = call(tool, arguments, context);
        if (!(result instanceof ToolResult.Failure)) {
            throw new AssertionError(tool + " should have failed but answered " + result);
        }
        return (ToolResult.Failure) result;
    }

    /** Closes the toolset; subclasses close their own clients too. */
    @Override
    public void close() {
        toolset.close();
    }
}
