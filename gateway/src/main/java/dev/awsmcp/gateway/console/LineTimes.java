package dev.awsmcp.gateway.console;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The time of an audit line without parsing its JSON: every record starts with {@code seq}, {@code prev} and
 * {@code ts}, so the first {@code "ts":"} is the record's own. Lets a scan skip or stop on time cheaply.
 */
final class LineTimes {

    private static final String TS = "\"ts\":\"";
    /** {@code ts} comes after {@code seq} (up to 20 digits) and {@code prev} (64 hex): within the first 160 characters. */
    private static final int HEADER_CHARS = 160;

    private LineTimes() {
    }

    /** The line's {@code ts}, or null when it has none near its start that parses. */
    static Instant of(String line) {
        int at = line.indexOf(TS);
        if (at < 0 || at > HEADER_CHARS) {
            return null;
        }
        int start = at + TS.length();
        int end = line.indexOf('"', start);
        if (end < 0 || end - start > 40) {
            return null;
        }
        try {
            return Instant.parse(line.substring(start, end));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
