package dev.awsmcp.gateway.taint;

import java.util.Locale;
import java.util.Optional;

/** What a team's policy does with a state-changing call (write, invoke) in a tainted session. */
public enum TaintAction {
    /** Run it. */
    ALLOW,
    /** Ask a person first (MCP elicitation), showing the call and why the session is tainted. */
    CONFIRM,
    /** Refuse it. */
    DENY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action written as {@code value} in a policy file. */
    public static Optional<TaintAction> parse(String value) {
        for (TaintAction action : values()) {
            if (action.id().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
