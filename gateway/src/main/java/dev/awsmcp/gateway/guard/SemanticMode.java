package dev.awsmcp.gateway.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether and how a team's results pass the semantic detector ({@code guard.semantic} in a team policy):
 * {@link #OFF} (default), {@link #FLAG} (report text that reads like instructions to the model, keep it) or
 * {@link #BLOCK} (withhold it). Independent of {@link GuardMode}, which decides for the pattern rules.
 */
public enum SemanticMode {
    OFF, FLAG, BLOCK;

    /**
     * The mode named {@code value} ({@code off}, {@code flag}, {@code block}; case-insensitive), if any. YAML 1.1
     * reads an unquoted {@code off} as the boolean false, which arrives here as {@code "false"}: that is off too.
     */
    public static Optional<SemanticMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.trim().equals("false")) {
            return Optional.of(OFF);
        }
        for (SemanticMode mode : values()) {
            if (mode.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The name as policies write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
