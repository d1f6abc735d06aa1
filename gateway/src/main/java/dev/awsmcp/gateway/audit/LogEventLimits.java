package dev.awsmcp.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The PutLogEvents batch limits: at most {@code maxEvents} events, at most {@code maxBytes} bytes
 * counting each event's UTF-8 message plus {@value #EVENT_OVERHEAD} bytes, events in chronological
 * order, and at most 24 hours between the first and the last event.
 *
 * @param maxEvents events per batch (AWS: 10,000)
 * @param maxBytes bytes per batch (AWS: 1,048,576)
 */
record LogEventLimits(int maxEvents, int maxBytes) {

    /** Bytes AWS counts per event on top of its message. */
    static final int EVENT_OVERHEAD = 26;
    /** The largest span of one batch. */
    static final long MAX_SPAN_MILLIS = 24L * 60 * 60 * 1000;
    /** The AWS limits. */
    static final LogEventLimits AWS = new LogEventLimits(10_000, 1_048_576);

    Builder newBatch() {
        return new Builder(this);
    }

    /** Collects events while they fit; the first event always fits, so an oversized one is shipped alone. */
    static final class Builder {
        private final LogEventLimits limits;
        private final List<CloudWatchOutbox.Event> events = new ArrayList<>();
        private long bytes;

        private Builder(LogEventLimits limits) {
            this.limits = limits;
        }

        /** Adds {@code event} if the batch stays within the limits; false when it does not fit. */
        boolean add(CloudWatchOutbox.Event event) {
            long size = event.bytes() + (long) EVENT_OVERHEAD;
            if (!events.isEmpty()) {
                CloudWatchOutbox.Event first = events.get(0);
                CloudWatchOutbox.Event last = events.get(events.size() - 1);
                if (events.size() >= limits.maxEvents() || bytes + size > limits.maxBytes()
                        || event.timestampMillis() < last.timestampMillis()
                        || event.timestampMillis() - first.timestampMillis() > MAX_SPAN_MILLIS) {
                    return false;
                }
            }
            events.add(event);
            bytes += size;
            return true;
        }

        List<CloudWatchOutbox.Event> events() {
            return List.copyOf(events);
        }
    }
}
