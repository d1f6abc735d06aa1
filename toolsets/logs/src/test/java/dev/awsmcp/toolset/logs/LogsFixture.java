package dev.awsmcp.toolset.logs;

import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.ToolsetHarness;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.ResultLimits;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A logs toolset on local AWS plus a direct client to seed groups, streams and events; one per test class. */
final class LogsFixture extends ToolsetHarness {

    final CloudWatchLogsAsyncClient admin;

    LogsFixture(LocalAws aws) {
        super(aws, new LogsToolsetFactory(), "logs", "logs");
        this.admin = aws.toolsetContext().buildClient(CloudWatchLogsAsyncClient.builder(), aws.toolsetConfig("admin", "logs", null));
    }

    /** A call context whose caller sees only what {@code visibility} lets through. */
    CallContext contextSeeing(ResourceFilter visibility) {
        CallContext base = aws().callContext();
        return new CallContext(base.caller(), base.credentials(), base.deadline(), ResultLimits.DEFAULT, base.correlationId(), visibility);
    }

    void createGroup(String group) {
        admin.createLogGroup(b -> b.logGroupName(group).overrideConfiguration(overrides())).join();
    }

    void createStream(String group, String stream) {
        admin.createLogStream(b -> b.logGroupName(group).logStreamName(stream)
                .overrideConfiguration(overrides())).join();
    }

    /** Puts events (chronological) into a stream, creating nothing. */
    void put(String group, String stream, List<InputLogEvent> events) {
        admin.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events)
                .overrideConfiguration(overrides())).join();
    }

    static InputLogEvent event(Instant at, String message) {
        return InputLogEvent.builder().timestamp(at.toEpochMilli()).message(message).build();
    }

    @Override
    public void close() {
        super.close();
        admin.close();
    }
}
