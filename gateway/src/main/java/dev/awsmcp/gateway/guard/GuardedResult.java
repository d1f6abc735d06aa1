package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A result after the guard: what the client gets as {@code structuredContent} and as text, and what
 * the guard found on the way.
 *
 * @param json the guarded result object (secrets redacted, injection handled, bounded); the plain JSON
 *     clients validate against output schemas. From the guard it is unmodifiable and carries the bytes the guard
 *     wrote it as, which the response copies instead of writing it again ({@link WrittenJson})
 * @param text what the model reads: {@code json} serialized inside the untrusted-data envelope
 * @param boundary the random boundary of the envelope, unique to this response; empty for the gateway's own data
 *     ({@link #trusted}), which travels without an envelope
 * @param findings everything found, in document order
 * @param bytesBefore UTF-8 bytes of the result JSON as the toolset returned it
 * @param bytesAfter UTF-8 bytes of {@code json}
 * @param truncated true when the size limit cut something
 */
public record GuardedResult(ObjectNode json, String text, String boundary, List<GuardFinding> findings, long bytesBefore,
        long bytesAfter, boolean truncated) {

    public GuardedResult {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(boundary, "boundary");
        findings = List.copyOf(findings);
    }

    /**
     * The gateway's own data (e.g. its tool catalog, which {@code search_tools} answers from), not read from AWS: no guard
     * step applies, and the text is the plain JSON, without an envelope.
     */
    public static GuardedResult trusted(ObjectNode json) {
        String text;
        try {
            text = dev.awsmcp.toolset.support.Json.mapper().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the gateway's own data", e);
        }
        long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return new GuardedResult(json, text, "", List.of(), bytes, bytes, false);
    }

    /** True when the text is inside an untrusted-data envelope (everything but {@link #trusted} data). */
    public boolean enveloped() {
        return !boundary.isEmpty();
    }
}
