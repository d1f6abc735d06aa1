package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A result after the guard: what the client gets as {@code structuredContent} and as text, and what
 * the guard found on the way.
 *
 * @param json the guarded result object (secrets redacted, injection handled, bounded); the plain JSON
 *     clients validate against output schemas
 * @param text what the model reads: {@code json} serialized inside the untrusted-data envelope
 * @param boundary the random boundary of the envelope, unique to this response
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
}
