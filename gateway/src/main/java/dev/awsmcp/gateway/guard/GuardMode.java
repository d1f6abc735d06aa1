package dev.awsmcp.gateway.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * What the result guard does with text the injection detector flags, per team ({@code guard.injection}
 * in a team policy). Invisible and control characters are never passed through invisibly in any mode.
 */
public enum GuardMode {
    /** Keep the text, report the findings (the injection text is often the evidence); invisible characters shown escaped. */
    FLAG,
    /** Defang what was found: break markers and phrases, remove links and encoded payloads, remove invisible characters. */
    NEUTRALIZE,
    /** Withhold every string value with an injection finding, with an explanation; invisible characters removed. */
    BLOCK;

    /** The mode named {@code value} ({@code flag}, {@code neutralize}, {@code block}; case-insensitive), if any. */
    public static Optional<GuardMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (GuardMode mode : values()) {
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
