package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON Lines in a local file, rotated by size: when the next line would push {@code path} past
 * {@code maxFileBytes}, it becomes {@code path.1} (older files shift to {@code .2}, ...; beyond
 * {@code keepFiles} they are deleted) and a new {@code path} starts; the chain simply continues, so
 * the first line of the new file carries the hash of the last line of the old one. With
 * {@code durable}, {@link #flush} forces the bytes to the device before calls are answered.
 */
public final class FileAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditSink.class);

    private final Path path;
    private final boolean durable;
    private final long maxFileBytes;
    private final int keepFiles;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private FileChannel channel;
    private long size;

    /** Opens (creating directories and the file as needed) {@code path} for appending. */
    public FileAuditSink(Path path, boolean durable, long maxFileBytes, int keepFiles) throws IOException {
        this.path = path.toAbsolutePath();
        this.durable = durable;
        this.maxFileBytes = maxFileBytes;
        this.keepFiles = keepFiles;
        Path parent = this.path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    /** The file being written. */
    public Path path() {
        return path;
    }

    @Override
    public String describe() {
        return "file " + path + (durable ? " (durable)" : "");
    }

    @Override
    public boolean durable() {
        return durable;
    }

    @Override
    public Optional<ChainLink> tail() throws IOException {
        Optional<String> last = lastLine(path);
        if (last.isEmpty()) {
            last = lastLine(rotated(1));
        }
        if (last.isEmpty()) {
            return Optional.empty();
        }
        JsonNode record = Json.mapper().readTree(last.get());
        if (!record.path("seq").canConvertToLong()) {
            throw new IOException(path + ": the last line has no seq; check the file with `audit verify " + path + "`");
        }
        return Optional.of(new ChainLink(record.get("seq").asLong(), HashChain.hashOf(last.get())));
    }

    @Override
    public void write(AuditLine line) throws IOException {
        byte[] bytes = line.utf8();
        if (size + pending.size() > 0 && size + pending.size() + bytes.length + 1 > maxFileBytes) {
            rotate();
        }
        pending.write(bytes);
        pending.write('\n');
    }

    @Override
    public void flush() throws IOException {
        writePending();
        if (durable) {
            channel.force(false);
        }
    }

    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        while (buffer.hasRemaining()) {
            size += channel.write(buffer);
        }
        pending.reset();
    }

    private void rotate() throws IOException {
        writePending();
        channel.force(false);
        channel.close();
        Files.deleteIfExists(rotated(keepFiles));
        for (int i = keepFiles - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        open();
        LOG.info("audit file rotated: {} -> {}", path, rotated(1));
    }

    /** The {@code n}-th rotated file, {@code path.n}. */
    public Path rotated(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    @Override
    public void close() {
        try {
            writePending();
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            LOG.error("closing audit file {} failed", path, e);
        }
    }

    /** The last complete line of {@code file}; empty when it does not exist or holds none. */
    static Optional<String> lastLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            while (end > 0 && readByte(in, end - 1) == '\n') {
                end--;
            }
            if (end == 0) {
                return Optional.empty();
            }
            long start = end;
            while (start > 0 && readByte(in, start - 1) != '\n') {
                start--;
            }
            byte[] bytes = new byte[Math.toIntExact(end - start)];
            in.seek(start);
            in.readFully(bytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static int readByte(RandomAccessFile in, long position) throws IOException {
        in.seek(position);
        return in.read();
    }
}
