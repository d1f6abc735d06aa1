package dev.awsmcp.gateway.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of an audit file by byte offset, never the whole file: backwards from an offset in chunks (the call
 * list reads newest first) and the first line at or after an offset (binary searches by sequence number and time).
 * Only complete lines count: a last line without its newline is still being written and is left out. Counts the
 * bytes it reads, so that a request can bound its work. Not thread-safe: one reader per request.
 */
final class AuditLines {

    private static final int CHUNK = 64 * 1024;
    /** Forward reads look for one newline, usually within a record's length: small reads keep binary searches cheap. */
    private static final int FORWARD_CHUNK = 4 * 1024;

    /**
     * One line of a file.
     *
     * @param start the offset of its first byte
     * @param end the offset after its newline (where the next line starts)
     * @param text the line without its newline
     */
    record Line(long start, long end, String text) {
    }

    private final FileChannel channel;
    private final long size;
    private long bytesRead;
    private byte[] window = new byte[0];
    private int windowLength;
    private long windowStart;

    /** Lines of {@code channel} up to its last newline at or before {@code size}. */
    AuditLines(FileChannel channel, long size) throws IOException {
        this.channel = channel;
        this.size = completeEnd(size);
        this.windowStart = this.size;
    }

    /** The offset after the last complete line. */
    long end() {
        return size;
    }

    /** Bytes read from the file so far. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * The line that ends just before {@code position} (a line start, or {@link #end()}), or null when
     * {@code position} is 0. Reading backwards line after line reuses what was read.
     */
    Line before(long position) throws IOException {
        if (position <= 0) {
            return null;
        }
        if (position > windowStart + windowLength || position <= windowStart) {
            window = new byte[0];
            windowLength = 0;
            windowStart = position;
        }
        long newline = position - 1;
        while (true) {
            for (long i = newline - 1; i >= windowStart; i--) {
                if (window[(int) (i - windowStart)] == '\n') {
                    return line(i + 1, position);
                }
            }
            if (windowStart == 0) {
                return line(0, position);
            }
            extendBackwards();
        }
    }

    private Line line(long start, long end) {
        String text = new String(window, (int) (start - windowStart), (int) (end - 1 - start), StandardCharsets.UTF_8);
        windowLength = (int) (start - windowStart);
        return new Line(start, end, text);
    }

    private void extendBackwards() throws IOException {
        int length = (int) Math.min(CHUNK, windowStart);
        byte[] grown = new byte[length + windowLength];
        read(ByteBuffer.wrap(grown, 0, length), windowStart - length);
        System.arraycopy(window, 0, grown, length, windowLength);
        window = grown;
        windowLength += length;
        windowStart -= length;
    }

    /** The first complete line starting at or after {@code offset} (a line start or any byte), or null past the last. */
    Line atOrAfter(long offset) throws IOException {
        long start = offset == 0 ? 0 : nextLineStart(offset - 1);
        if (start < 0 || start >= size) {
            return null;
        }
        long end = nextLineStart(start);
        if (end < 0) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - 1 - start));
        read(bytes, start);
        return new Line(start, end, new String(bytes.array(), StandardCharsets.UTF_8));
    }

    /** The offset after the first newline at or after {@code from}, or -1 when none comes before the end. */
    private long nextLineStart(long from) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(FORWARD_CHUNK);
        for (long at = from; at < size; at += chunk.limit()) {
            chunk.clear();
            chunk.limit((int) Math.min(FORWARD_CHUNK, size - at));
            read(chunk, at);
            for (int i = 0; i < chunk.limit(); i++) {
                if (chunk.get(i) == '\n') {
                    return at + i + 1;
                }
            }
        }
        return -1;
    }

    /**
     * The first line from which on {@code test} holds for every line, found by binary search over byte offsets: the
     * lines must be ordered so that once it holds for one it holds for every later one. Null when it holds for none.
     */
    Line firstWhere(java.util.function.Predicate<Line> test) throws IOException {
        long low = 0;
        long high = size;
        while (low < high) {
            long middle = (low + high) >>> 1;
            Line line = atOrAfter(middle);
            if (line == null || test.test(line)) {
                high = middle;
            } else {
                low = line.end();
            }
        }
        return atOrAfter(low);
    }

    /** The offset after the last newline at or before {@code length}: a partly written last line is left out. */
    private long completeEnd(long length) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (long end = length; end > 0; end -= chunk.limit()) {
            chunk.clear();
            chunk.limit((int) Math.min(CHUNK, end));
            read(chunk, end - chunk.limit());
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return end - chunk.limit() + i + 1;
                }
            }
        }
        return 0;
    }

    private void read(ByteBuffer into, long position) throws IOException {
        int start = into.position();
        while (into.hasRemaining()) {
            int n = channel.read(into, position + into.position() - start);
            if (n < 0) {
                throw new IOException("the audit file ended while it was read (truncated or rotated away)");
            }
        }
        bytesRead += into.position() - start;
    }
}
