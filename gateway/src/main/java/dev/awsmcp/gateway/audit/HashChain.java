package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;

/**
 * The hash chain of the audit trail. Every line is one JSON object starting with {@code seq} (1, 2,
 * 3, ... without gaps) and {@code prev}: the lowercase hex SHA-256 of the previous line's UTF-8 bytes
 * (without the newline). The first line of a new trail has {@code prev} = SHA-256 of
 * {@value #GENESIS}. Editing, deleting, inserting or reordering lines breaks the chain at the next
 * line. Not thread-safe: {@link AuditLog}'s writer thread is its only user.
 *
 * <p>A line is written once, as UTF-8 bytes, and those bytes are hashed and handed to the sinks. A character outside
 * the BMP is written as its four UTF-8 bytes, as {@code String.getBytes} would; an unpaired surrogate, which has no
 * UTF-8 form, as a JSON escape of six characters (lossless, and still valid JSON; it was written as "?" before).
 */
public final class HashChain {

    private static final ObjectWriter LINE = Json.utf8Writer();

    /** The string whose hash the first record of a trail carries as {@code prev}. */
    public static final String GENESIS = "mcp-gateway audit trail v1";
    /** SHA-256 hex of {@link #GENESIS}. */
    public static final String GENESIS_HASH = Sha256.hex(GENESIS);

    private long sequence;
    private String previousHash;

    /** Continues after {@code tail}, or starts a new trail when it is null. */
    public HashChain(ChainLink tail) {
        this.sequence = tail == null ? 0 : tail.sequence();
        this.previousHash = tail == null ? GENESIS_HASH : tail.hash();
    }

    /** The next line of the chain for {@code event}. */
    public AuditLine next(AuditEvent event) {
        ObjectNode line = Json.object();
        line.put("seq", sequence + 1);
        line.put("prev", previousHash);
        line.setAll(event.toJson());
        byte[] utf8;
        try {
            utf8 = LINE.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record cannot be written as JSON", e);
        }
        sequence++;
        previousHash = Sha256.hex(utf8);
        return new AuditLine(sequence, event.timestamp(), utf8);
    }

    /** The last link made. */
    public ChainLink tail() {
        return new ChainLink(sequence, previousHash);
    }

    /** The hash the next line's {@code prev} must carry after {@code line}. */
    public static String hashOf(String line) {
        return Sha256.hex(line);
    }
}
