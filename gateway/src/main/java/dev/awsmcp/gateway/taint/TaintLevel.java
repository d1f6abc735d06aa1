package dev.awsmcp.gateway.taint;

import java.util.Locale;

/** How far a session can be trusted after what it read; ordered from clean to strong. */
public enum TaintLevel {
    /** Read nothing untrusted (or nothing at all). */
    CLEAN,
    /** Read untrusted content (log lines, objects, items, function output) in which the guard found nothing. */
    WEAK,
    /** Read content in which the result guard found injection, hidden text or similar. */
    STRONG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TaintLevel of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
