package dev.awsmcp.toolset.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.Toolset;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A logs toolset on local AWS plus a direct client to seed groups, streams and events; one per test class. */
final class LogsFixture implements AutoCloseable {

    final LocalAws aws;
    final Toolset toolset;
    final CloudWatchLogsAsyncClient admin;

    LogsFixture(LocalAws aws) {
        this.aws = aws;
        this.toolset = new LogsToolsetFactory().create(aws.toolsetConfig("logs", "logs", null), aws.toolsetContext());
        this.admin = aws.toolsetContext().buildClient(CloudWatchLogsAsyncClient.builder(), aws.toolsetConfig("admin", "logs", null));
    }

    /** JSON with single quotes standing for double quotes, for readable arguments. */
    static ObjectNode args(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    ToolResult call(String tool, ObjectNode arguments) {
        return call(tool, arguments, aws.callContext());
    }

    ToolResult call(String tool, ObjectNode arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, arguments), context).toCompletableFuture().join();
    }

    JsonNode success(String tool, ObjectNode arguments) {
        return success(tool, arguments, aws.callContext());
    }

    JsonNode success(String tool, ObjectNode arguments, CallContext context) {
        ToolResult result = call(tool, arguments, context);
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    ToolResult.Failure failure(String tool, ObjectNode arguments) {
        ToolResult result = call(tool, arguments);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ToolResult.Failure.class);
        return (ToolResult.Failure) result;
    }

    /** A call context whose caller sees only what {@code visibility} lets through. */
    CallContext contextSeeing(ResourceFilter visibility) {
        CallContext base = aws.callContext();
        return new CallContext(base.caller(), base.credentials(), base.deadline(), ResultLimits.DEFAULT, base.correlationId(), visibility);
    }

    void createGroup(String group) {
        admin.createLogGroup(b -> b.logGroupName(group).overrideConfiguration(aws.callContext().awsOverrides())).join();
    }

    void createStream(String group, String stream) {
        admin.createLogStream(b -> b.logGroupName(group).logStreamName(stream)
                .overrideConfiguration(aws.callContext().awsOverrides())).join();
    }

    /** Puts events (chronological) into a stream, creating nothing. */
    void put(String group, String stream, List<InputLogEvent> events) {
        admin.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events)
                .overrideConfiguration(aws.callContext().awsOverrides())).join();
    }

    static InputLogEvent event(Instant at, String message) {
        return InputLogEvent.builder().timestamp(at.toEpochMilli()).message(message).build();
    }

    @Override
    public void close() {
        toolset.close();
        admin.close();
    }
}
