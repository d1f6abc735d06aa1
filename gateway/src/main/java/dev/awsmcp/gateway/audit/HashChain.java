package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;

/**
 * The hash chain of the audit trail. Every line is one JSON object starting with {@code seq} (1, 2,
 * 3, ... without gaps) and {@code prev}: the lowercase hex SHA-256 of the previous line's UTF-8 bytes
 * (without the newline). The first line of a new trail has {@code prev} = SHA-256 of
 * {@value #GENESIS}. Editing, deleting, inserting or reordering lines breaks the chain at the next
 * line. Not thread-safe: {@link AuditLog}'s writer thread is its only user.
 */
public final class HashChain {

    /** The string whose hash the first record of a trail carries as {@code prev}. */
    public static final String GENESIS = "mcp-gateway audit trail v1";
    /** SHA-256 hex of {@link #GENESIS}. */
    public static final String GENESIS_HASH = ArgumentRedactor.sha256Hex(GENESIS);

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
        String text;
        try {
            text = Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record cannot be written as JSON", e);
        }
        sequence++;
        previousHash = ArgumentRedactor.sha256Hex(text);
        return new AuditLine(sequence, event.timestamp(), text);
    }

    /** The last link made. */
    public ChainLink tail() {
        return new ChainLink(sequence, previousHash);
    }

    /** The hash the next line's {@code prev} must carry after {@code line}. */
    public static String hashOf(String line) {
        return ArgumentRedactor.sha256Hex(line);
    }
}
