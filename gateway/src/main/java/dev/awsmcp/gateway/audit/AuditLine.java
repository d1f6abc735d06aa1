package dev.awsmcp.gateway.audit;

import java.time.Instant;

/**
 * One record as written: its sequence number, its event time and its JSON text (one line, no newline).
 *
 * @param sequence the record's {@code seq}
 * @param timestamp the event time (CloudWatch event timestamps derive from it)
 * @param json the line's text
 */
public record AuditLine(long sequence, Instant timestamp, String json) {
}
