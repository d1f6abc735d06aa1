package dev.awsmcp.gateway.config;

/**
 * {@code type: file}: JSON Lines appended to a local file, rotated by size.
 *
 * @param path the file; relative to the working directory; default {@code audit/audit.jsonl}
 * @param durable calls are answered only after their record is forced to disk; default true
 * @param maxFileBytes rotate before the file would grow past this; default 104857600 (100 MiB)
 * @param keepFiles rotated files kept ({@code path.1} newest); default 10
 */
public record FileSinkConfig(String path, Boolean durable, Long maxFileBytes, Integer keepFiles) implements AuditSinkConfig {

    public FileSinkConfig {
        path = path == null || path.isBlank() ? "audit/audit.jsonl" : path.trim();
        durable = durable == null ? Boolean.TRUE : durable;
        maxFileBytes = maxFileBytes == null ? 104_857_600L : maxFileBytes;
        keepFiles = keepFiles == null ? 10 : keepFiles;
        if (maxFileBytes < 4096) {
            throw new ConfigException("audit.sinks[file].maxFileBytes: " + maxFileBytes + " is too small; use at least 4096, e.g. 104857600");
        }
        if (keepFiles < 1 || keepFiles > 10_000) {
            throw new ConfigException("audit.sinks[file].keepFiles: " + keepFiles + " is out of range; use 1..10000, e.g. 10");
        }
    }

    static FileSinkConfig defaults() {
        return new FileSinkConfig(null, null, null, null);
    }
}
