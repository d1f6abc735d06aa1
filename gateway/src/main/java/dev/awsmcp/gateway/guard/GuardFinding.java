package dev.awsmcp.gateway.guard;

import java.util.Objects;

/**
 * One thing the guard found or did in a result, located by its JSON path.
 *
 * @param family the rule family: {@code secret}, {@code invisible}, or a family of the {@link InjectionDetector}
 * @param rule the specific rule, e.g. {@code aws-access-key-id}
 * @param path where in the result, e.g. {@code $.items[3].message}; a field name is addressed as {@code $.item["name"].(key)}
 * @param detail a short, safe description; never contains a secret
 */
public record GuardFinding(String family, String rule, String path, String detail) {

    /** The family of every redaction. */
    public static final String SECRET = "secret";
    /** The family of invisible and control characters. */
    public static final String INVISIBLE = "invisible";

    public GuardFinding {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }
}
