package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages of the audit trail, newest first, read from the file sink by byte offset without loading a file whole.
 * A page reads backwards from where the previous one stopped (its cursor: the first sequence number of the file and
 * a byte offset) until it holds {@code limit} records or has read {@link #MAX_SCAN_BYTES}; then its cursor says where
 * to go on. A time window is found by binary search on the records' times, and the scan stops once it is past the
 * window's start. Records are written when calls end but stamped when they arrive, so times are ordered only up to
 * the {@code recordingSlack} (the longest a call can take to be recorded), which both bounds allow for.
 * A record is found by its sequence number by binary search too. Blocking: call it on a worker thread.
 */
final class AuditPager {

    /** The most one page reads before it answers with what it found and a cursor to go on. */
    static final long MAX_SCAN_BYTES = 16L * 1024 * 1024;

    /**
     * One page.
     *
     * @param records the records found, newest first
     * @param cursor where the next (older) page starts; null when the trail (or the window) is exhausted
     * @param scannedBytes bytes read to answer
     * @param scanLimited whether the page stopped at {@link #MAX_SCAN_BYTES} before it was full
     */
    record Page(List<ObjectNode> records, String cursor, long scannedBytes, boolean scanLimited) {
    }

    private record Position(int file, long offset) {
    }

    private final AuditTrailFiles trail;
    private final Duration slack;

    AuditPager(AuditTrailFiles trail, Duration recordingSlack) {
        this.trail = trail;
        this.slack = recordingSlack;
    }

    /** The page {@code query} asks for. */
    Page page(AuditQuery query) throws IOException {
        List<AuditTrailFiles.AuditFile> files = trail.list();
        if (files.isEmpty()) {
            return new Page(List.of(), null, 0, false);
        }
        Scan scan = new Scan(query);
        Position start = query.cursor() != null ? resolve(query.cursor(), files) : newest(query, files, scan);
        for (int f = start.file(); f >= 0; f--) {
            AuditTrailFiles.AuditFile file = files.get(f);
            try (FileChannel channel = file.open()) {
                AuditLines lines = new AuditLines(channel, file.size());
                long position = f == start.file() && start.offset() >= 0 ? start.offset() : lines.end();
                Page page = scan.file(file, lines, position, f == 0);
                if (page != null) {
                    return page;
                }
            }
        }
        return scan.done(null);
    }

    /** The record with sequence number {@code sequence}, if the trail still holds it. */
    Optional<JsonNode> record(long sequence) throws IOException {
        List<AuditTrailFiles.AuditFile> files = trail.list();
        for (int f = files.size() - 1; f >= 0; f--) {
            AuditTrailFiles.AuditFile file = files.get(f);
            if (file.firstSequence() < 0 || file.firstSequence() > sequence) {
                continue;
            }
            try (FileChannel channel = file.open()) {
                AuditLines.Line line = new AuditLines(channel, file.size())
                        .firstWhere(l -> AuditRecords.sequence(AuditRecords.parse(l.text())) >= sequence);
                JsonNode record = line == null ? null : AuditRecords.parse(line.text());
                return record != null && AuditRecords.sequence(record) == sequence ? Optional.of(record) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Where the newest page of {@code query} starts: the end of the trail, or past the window's end. */
    private Position newest(AuditQuery query, List<AuditTrailFiles.AuditFile> files, Scan scan) throws IOException {
        int last = files.size() - 1;
        if (query.until() == null) {
            return new Position(last, -1);
        }
        Instant after = query.until().plus(slack);
        for (int f = last; f >= 0; f--) {
            AuditTrailFiles.AuditFile file = files.get(f);
            try (FileChannel channel = file.open()) {
                AuditLines lines = new AuditLines(channel, file.size());
                AuditLines.Line first = lines.firstWhere(l -> isAfter(l.text(), after));
                scan.counted(lines);
                if (first == null) {
                    return new Position(f, lines.end());
                }
                if (first.start() > 0) {
                    return new Position(f, first.start());
                }
            }
        }
        return new Position(0, 0);
    }

    private static boolean isAfter(String line, Instant bound) {
        Instant time = LineTimes.of(line);
        return time == null || time.isAfter(bound);
    }

    private static Position resolve(String cursor, List<AuditTrailFiles.AuditFile> files) {
        int at = cursor.lastIndexOf('@');
        long offset;
        try {
            offset = at < 0 ? -1 : Long.parseLong(cursor.substring(at + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0) {
            throw new BadConsoleRequestException("cursor: '" + cursor + "' is not a cursor this console gave; start from the newest page");
        }
        String key = cursor.substring(0, at);
        for (int f = 0; f < files.size(); f++) {
            if (files.get(f).key().equals(key)) {
                if (offset > files.get(f).size()) {
                    throw new BadConsoleRequestException("cursor: '" + cursor + "' points past the end of "
                            + files.get(f).path().getFileName() + "; start from the newest page");
                }
                return new Position(f, offset);
            }
        }
        throw new BadConsoleRequestException(410, "cursor: the file holding the records after this page has been rotated away "
                + "(audit.sinks keepFiles); start from the newest page");
    }

    /** One page's scan: the records found and the bytes read so far. */
    private final class Scan {
        private final AuditQuery query;
        private final Instant stopBefore;
        private final List<ObjectNode> records = new ArrayList<>();
        private long scanned;

        Scan(AuditQuery query) {
            this.query = query;
            this.stopBefore = query.since() == null ? null : query.since().minus(slack);
        }

        void counted(AuditLines lines) {
            scanned += lines.bytesRead();
        }

        /**
         * Reads {@code file} backwards from {@code position}; a page when it is complete, null to go on with the older
         * file ({@code oldest}: there is none).
         */
        Page file(AuditTrailFiles.AuditFile file, AuditLines lines, long position, boolean oldest) throws IOException {
            long before = scanned;
            for (AuditLines.Line line = lines.before(position); line != null; line = lines.before(line.start())) {
                scanned = before + lines.bytesRead();
                Instant time = LineTimes.of(line.text());
                if (stopBefore != null && time != null && time.isBefore(stopBefore)) {
                    return done(null);
                }
                if (query.mayMatch(line.text())) {
                    JsonNode record = AuditRecords.parse(line.text());
                    if (record.isObject() && query.inWindow(AuditRecords.timestamp(record)) && query.matches(record)) {
                        records.add((ObjectNode) record);
                    }
                }
                boolean full = records.size() == query.limit();
                if (full || scanned > MAX_SCAN_BYTES) {
                    return done(line.start() == 0 && oldest ? null : file.key() + "@" + line.start(), !full);
                }
            }
            scanned = before + lines.bytesRead();
            return null;
        }

        Page done(String cursor) {
            return done(cursor, false);
        }

        Page done(String cursor, boolean scanLimited) {
            return new Page(List.copyOf(records), cursor, scanned, scanLimited);
        }
    }
}
