package dev.awsmcp.gateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DataAlreadyAcceptedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Ships the trail to a CloudWatch Logs stream with batched PutLogEvents on its own thread
 * ({@code audit-cloudwatch}). {@link #write} only hands the line to a {@link CloudWatchOutbox}
 * (memory, then a spill file), so a slow or unreachable CloudWatch never holds up calls and never
 * loses a line; failed batches are retried with exponential backoff and jitter until delivered.
 * Creates the log group and stream when missing (if allowed). {@link #close} ships what it can within
 * the shutdown wait and keeps the rest in the spill file for the next run. Delivery is at least once:
 * a crash between a delivered batch and its commit resends it (same {@code seq}).
 */
public final class CloudWatchLogsSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchLogsSink.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final long PUT_TIMEOUT_SECONDS = 30;

    private final CloudWatchLogsAsyncClient client;
    private final String logGroup;
    private final String logStream;
    private final boolean createGroup;
    private final Duration maxRetryDelay;
    private final Duration shutdownWait;
    private final CloudWatchOutbox outbox;
    private final LogEventLimits limits;
    private final Thread shipper;
    private volatile boolean stopping;
    private volatile long stopBy;

    /**
     * @param client the client (built through the gateway's AWS client factory); closed by {@link #close}
     * @param spillDir where lines wait on disk when memory holds {@code memoryEvents}
     */
    public CloudWatchLogsSink(CloudWatchLogsAsyncClient client, String logGroup, String logStream, boolean createGroup,
            Path spillDir, int memoryEvents, Duration maxRetryDelay, Duration shutdownWait) throws IOException {
        this(client, logGroup, logStream, createGroup, spillDir, memoryEvents, maxRetryDelay, shutdownWait, LogEventLimits.AWS);
    }

    CloudWatchLogsSink(CloudWatchLogsAsyncClient client, String logGroup, String logStream, boolean createGroup, Path spillDir,
            int memoryEvents, Duration maxRetryDelay, Duration shutdownWait, LogEventLimits limits) throws IOException {
        this.client = client;
        this.logGroup = logGroup;
        this.logStream = logStream;
        this.createGroup = createGroup;
        this.maxRetryDelay = maxRetryDelay;
        this.shutdownWait = shutdownWait;
        this.limits = limits;
        this.outbox = new CloudWatchOutbox(spillDir, (logGroup + "_" + logStream).replaceAll("[^A-Za-z0-9._-]", "_"), memoryEvents);
        this.shipper = new Thread(this::ship, "audit-cloudwatch");
        shipper.setDaemon(true);
        shipper.start();
    }

    @Override
    public String describe() {
        return "cloudwatch-logs " + logGroup + ":" + logStream;
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void write(AuditLine line) throws IOException {
        outbox.add(line);
    }

    @Override
    public void flush() throws IOException {
        outbox.force();
    }

    /** Whether lines are waiting in the spill file now. */
    public boolean spilling() {
        return outbox.spilling();
    }

    private void ship() {
        int failures = 0;
        while (!stopping || (!outbox.isEmpty() && System.currentTimeMillis() < stopBy)) {
            try {
                CloudWatchOutbox.Batch batch = outbox.peek(limits);
                if (batch.isEmpty()) {
                    outbox.awaitLines(200);
                    continue;
                }
                put(batch);
                outbox.commit(batch);
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                if (!backOff(e, failures)) {
                    return;
                }
            }
        }
    }

    private boolean backOff(Exception e, int failures) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        long delay = Math.min(maxRetryDelay.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 20));
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        LOG.warn("audit delivery to CloudWatch Logs {}:{} failed (attempt {}): {}; retrying in {} ms", logGroup, logStream,
                failures, cause.toString(), delay);
        if (stopping && System.currentTimeMillis() + delay >= stopBy) {
            return false;
        }
        try {
            if (cause instanceof ResourceNotFoundException && createGroup) {
                createDestination();
            }
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception create) {
            LOG.warn("creating log group/stream {}:{} failed: {}", logGroup, logStream, create.toString());
            return true;
        }
    }

    private void put(CloudWatchOutbox.Batch batch) throws Exception {
        try {
            PutLogEventsResponse response = client.putLogEvents(b -> b.logGroupName(logGroup).logStreamName(logStream)
                            .logEvents(batch.events().stream()
                                    .map(e -> InputLogEvent.builder().timestamp(e.timestampMillis()).message(e.json()).build())
                                    .toList()))
                    .get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (response.rejectedLogEventsInfo() != null) {
                LOG.error("CloudWatch Logs rejected part of an audit batch ({}): {}", describe(), response.rejectedLogEventsInfo());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataAlreadyAcceptedException) {
                return;
            }
            if (e.getCause() instanceof InvalidParameterException && batch.events().size() == 1) {
                LOG.error("CloudWatch Logs refuses audit line {} ({}); it stays in the file sinks only", batch.events().get(0)
                        .json().substring(0, Math.min(80, batch.events().get(0).json().length())), e.getCause().getMessage());
                return;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException("PutLogEvents did not answer within " + PUT_TIMEOUT_SECONDS + "s", e);
        }
    }

    private void createDestination() throws Exception {
        try {
            client.createLogGroup(b -> b.logGroupName(logGroup)).get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ResourceAlreadyExistsException)) {
                throw e;
            }
        }
        try {
            client.createLogStream(b -> b.logGroupName(logGroup).logStreamName(logStream)).get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ResourceAlreadyExistsException)) {
                throw e;
            }
        }
        LOG.info("audit destination CloudWatch Logs {}:{} ready", logGroup, logStream);
    }

    @Override
    public void close() {
        stopBy = System.currentTimeMillis() + shutdownWait.toMillis();
        stopping = true;
        try {
            shipper.join(shutdownWait.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shipper.interrupt();
        try {
            boolean left = !outbox.isEmpty();
            outbox.close();
            if (left) {
                LOG.warn("audit lines not yet in CloudWatch Logs {}:{} are kept in the spill file for the next start", logGroup, logStream);
            }
        } catch (IOException e) {
            LOG.error("keeping undelivered audit lines for {} failed", describe(), e);
        }
        client.close();
    }
}
