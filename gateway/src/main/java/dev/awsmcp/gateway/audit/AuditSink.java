package dev.awsmcp.gateway.audit;

import java.io.IOException;
import java.util.Optional;

/**
 * A destination of the audit trail. {@link AuditLog} calls every method from its single
 * {@code audit-writer} thread, lines in sequence order: {@link #write} for each line of a batch, then
 * {@link #flush} once. A sink may block that thread (disk I/O) but should not wait on the network:
 * remote sinks buffer and ship on their own thread. Lifecycle: created from configuration, then
 * {@link #tail} once, then writes, then {@link #close} once.
 */
public interface AuditSink extends AutoCloseable {

    /** A short description for logs, e.g. {@code file audit/audit.jsonl}. */
    String describe();

    /** Whether a record counts as accepted only after {@link #flush} returned (the call's answer waits). */
    boolean durable();

    /** Where the trail this sink already holds ends, so that a restart continues it; empty when it holds none. */
    default Optional<ChainLink> tail() throws IOException {
        return Optional.empty();
    }

    /** Takes one line; may buffer it. */
    void write(AuditLine line) throws IOException;

    /** Makes every line written so far as safe as this sink makes them (for a durable file: on disk). */
    void flush() throws IOException;

    /** Flushes what it can within its bounded wait and releases resources. */
    @Override
    void close();
}
