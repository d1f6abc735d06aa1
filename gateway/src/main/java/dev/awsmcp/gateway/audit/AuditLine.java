package dev.awsmcp.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record as written: its sequence number, its event time and its JSON (one line, no newline) as the UTF-8
 * bytes the chain hashed. Treat {@link #utf8()} as read-only: it is the array that was hashed, not a copy.
 *
 * @param sequence the record's {@code seq}
 * @param timestamp the event time (CloudWatch event timestamps derive from it)
 * @param utf8 the line's JSON in UTF-8
 */
public record AuditLine(long sequence, Instant timestamp, byte[] utf8) {

    /** The line's JSON as text. */
    public String json() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
