package dev.awsmcp.gateway.guard;

import java.util.Objects;

/**
 * Something the result guard found in one text value of a result.
 *
 * @param family the rule family, e.g. {@code secret}, {@code invisible}, {@code role-marker},
 *     {@code override}, {@code tool-call}, {@code exfiltration}, {@code hidden-html}, {@code encoded}
 * @param rule the specific rule, e.g. {@code aws-access-key-id}, {@code tag-characters}, {@code ignore-previous}
 * @param start offset in the original text where the match starts (UTF-16 index)
 * @param end offset in the original text where the match ends (exclusive)
 * @param detail a short, safe description for the model and the audit record (never the secret itself)
 */
public record Finding(String family, String rule, int start, int end, String detail) {
    public Finding {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("finding range must be 0 <= start <= end");
        }
    }
}
