package dev.awsmcp.gateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines waiting for CloudWatch, oldest first: up to {@code memoryEvents} in memory, the rest in a
 * spill file ({@code <spillDir>/<name>.spill}, lines of {@code <epoch millis> TAB <json>}, with the read
 * position in {@code <name>.offset}). Once anything spills, new lines go to the file too until it has been
 * shipped, so the order never changes. Lines leave only when {@link #commit} confirms a delivered
 * batch. A spill file left by an earlier run is shipped first. Thread-safe (one lock; brief file I/O under it).
 */
final class CloudWatchOutbox implements AutoCloseable {

    /** One line with the timestamp CloudWatch gets (never earlier than the line before it). */
    record Event(long timestampMillis, String json) {
        int bytes() {
            return json.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** A batch to ship: its events and, when read from the spill file, how many file bytes they span. */
    record Batch(List<Event> events, boolean fromMemory, long spillBytes) {
        boolean isEmpty() {
            return events.isEmpty();
        }
    }

    private final int memoryEvents;
    private final Path spill;
    private final Path offsetFile;
    private final ArrayDeque<Event> memory = new ArrayDeque<>();
    private final FileChannel spillChannel;
    private long readOffset;
    private boolean spilling;
    private long lastTimestamp;

    CloudWatchOutbox(Path spillDir, String name, int memoryEvents) throws IOException {
        this.memoryEvents = memoryEvents;
        Files.createDirectories(spillDir);
        this.spill = spillDir.resolve(name + ".spill");
        this.offsetFile = spillDir.resolve(name + ".offset");
        this.spillChannel = FileChannel.open(spill, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.readOffset = Files.exists(offsetFile) ? Long.parseLong(Files.readString(offsetFile).trim()) : 0;
        this.spilling = spillChannel.size() > readOffset;
    }

    /** Adds the newest line. */
    synchronized void add(AuditLine line) throws IOException {
        lastTimestamp = Math.max(lastTimestamp, line.timestamp().toEpochMilli());
        Event event = new Event(lastTimestamp, line.json());
        if (!spilling && memory.size() < memoryEvents) {
            memory.add(event);
            notifyAll();
            return;
        }
        spilling = true;
        ByteBuffer bytes = ByteBuffer.wrap((event.timestampMillis() + "\t" + event.json() + "\n").getBytes(StandardCharsets.UTF_8));
        long position = spillChannel.size();
        while (bytes.hasRemaining()) {
            position += spillChannel.write(bytes, position);
        }
        notifyAll();
    }

    /** Forces spilled lines to disk. */
    synchronized void force() throws IOException {
        if (spilling) {
            spillChannel.force(false);
        }
    }

    /** Waits up to {@code millis} for something to ship. */
    synchronized void awaitLines(long millis) throws InterruptedException {
        if (memory.isEmpty() && !spilling) {
            wait(millis);
        }
    }

    synchronized boolean isEmpty() {
        return memory.isEmpty() && !spilling;
    }

    /** Whether anything is in the spill file now (for tests and logs). */
    synchronized boolean spilling() {
        return spilling;
    }

    /** The oldest lines that fit in one batch; empty when nothing waits. */
    synchronized Batch peek(LogEventLimits limits) throws IOException {
        LogEventLimits.Builder batch = limits.newBatch();
        if (!memory.isEmpty()) {
            for (Event event : memory) {
                if (!batch.add(event)) {
                    break;
                }
            }
            return new Batch(batch.events(), true, 0);
        }
        if (!spilling) {
            return new Batch(List.of(), true, 0);
        }
        return readSpill(batch, limits.maxBytes() * 2L);
    }

    private Batch readSpill(LogEventLimits.Builder batch, long chunk) throws IOException {
        long available = spillChannel.size() - readOffset;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(available, chunk));
        spillChannel.read(buffer, readOffset);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        long consumed = 0;
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            int tab = line.indexOf('\t');
            Event event = new Event(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
            if (!batch.add(event)) {
                break;
            }
            consumed += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return new Batch(batch.events(), false, consumed);
    }

    /** Removes a delivered batch (the one {@link #peek} returned last). */
    synchronized void commit(Batch batch) throws IOException {
        if (batch.fromMemory()) {
            for (int i = 0; i < batch.events().size(); i++) {
                memory.poll();
            }
            return;
        }
        readOffset += batch.spillBytes();
        if (readOffset >= spillChannel.size()) {
            spillChannel.truncate(0);
            readOffset = 0;
            spilling = false;
        }
        Files.writeString(offsetFile, Long.toString(readOffset));
    }

    /**
     * Keeps what is still in memory for the next run: rewrites the spill file as the memory lines followed
     * by the unshipped rest of the old file, then releases the file.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!memory.isEmpty()) {
            Path next = spill.resolveSibling(spill.getFileName() + ".next");
            List<String> lines = new ArrayList<>();
            memory.forEach(e -> lines.add(e.timestampMillis() + "\t" + e.json()));
            Files.write(next, lines, StandardCharsets.UTF_8);
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                spillChannel.transferTo(readOffset, spillChannel.size() - readOffset, out);
                out.force(false);
            }
            Files.move(next, spill, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            readOffset = 0;
            Files.writeString(offsetFile, "0");
            memory.clear();
        }
        spillChannel.force(false);
        spillChannel.close();
    }
}
