package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of the audit file sink as they are now, oldest first ({@code audit.jsonl.N} ... {@code audit.jsonl.1},
 * {@code audit.jsonl}), each named by the sequence number of its first line. Rotation renames files, so paging
 * cursors name a file by that number, which a rename keeps.
 */
final class AuditTrailFiles {

    /**
     * One file of the trail.
     *
     * @param path where it is now
     * @param key the {@code seq} of its first line as text, or {@code name:<file name>} when that line has none
     * @param size its size when listed; later appends are read by the next listing
     */
    record AuditFile(Path path, String key, long size) {

        FileChannel open() throws IOException {
            return FileChannel.open(path, StandardOpenOption.READ);
        }

        /** The {@code seq} of its first line, or -1 when it has none. */
        long firstSequence() {
            return key.startsWith("name:") ? -1 : Long.parseLong(key);
        }
    }

    private final Path path;
    private final int keepFiles;

    /** The trail written to {@code path}, keeping up to {@code keepFiles} rotated files. */
    AuditTrailFiles(Path path, int keepFiles) {
        this.path = path.toAbsolutePath();
        this.keepFiles = keepFiles;
    }

    /** The live file. */
    Path path() {
        return path;
    }

    /** The paths that exist, oldest first, as {@code audit verify} takes them. */
    List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        for (int n = keepFiles; n >= 1; n--) {
            Path rotated = path.resolveSibling(path.getFileName() + "." + n);
            if (Files.isRegularFile(rotated)) {
                paths.add(rotated);
            }
        }
        if (Files.isRegularFile(path)) {
            paths.add(path);
        }
        return paths;
    }

    /** The files that exist, oldest first, with their first sequence numbers and sizes. */
    List<AuditFile> list() throws IOException {
        List<AuditFile> files = new ArrayList<>();
        for (Path file : paths()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                AuditLines.Line first = new AuditLines(channel, size).atOrAfter(0);
                files.add(new AuditFile(file, first == null ? "name:" + file.getFileName() : key(first.text(), file), size));
            }
        }
        return files;
    }

    private static String key(String firstLine, Path file) {
        JsonNode seq = AuditRecords.parse(firstLine).path("seq");
        return seq.canConvertToLong() ? String.valueOf(seq.asLong()) : "name:" + file.getFileName();
    }
}
