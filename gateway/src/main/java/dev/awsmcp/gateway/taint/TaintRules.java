package dev.awsmcp.gateway.taint;

/**
 * A team's rules for state-changing calls (write, invoke) in a tainted session (policy {@code taint}).
 *
 * @param onFindings for a session that read content with guard findings (strong taint); default confirm
 * @param onUntrusted for a session that read untrusted content without findings (weak taint); default allow
 */
public record TaintRules(TaintAction onFindings, TaintAction onUntrusted) {

    /** The defaults: confirm after findings, allow after plain untrusted content. */
    public static final TaintRules DEFAULT = new TaintRules(TaintAction.CONFIRM, TaintAction.ALLOW);

    public TaintRules {
        onFindings = onFindings == null ? TaintAction.CONFIRM : onFindings;
        onUntrusted = onUntrusted == null ? TaintAction.ALLOW : onUntrusted;
    }

    /** What to do with a state-changing call in a session tainted to {@code level}. */
    public TaintAction action(TaintLevel level) {
        return switch (level) {
            case CLEAN -> TaintAction.ALLOW;
            case WEAK -> onUntrusted;
            case STRONG -> onFindings;
        };
    }
}
