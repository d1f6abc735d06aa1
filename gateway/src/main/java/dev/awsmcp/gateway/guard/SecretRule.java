package dev.awsmcp.gateway.guard;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One redaction rule: a linear-time (RE2/J) pattern whose first participating capture group among
 * {@code groups} is the secret, the kind it reports, and lowercase trigger strings of which one must
 * occur in the text for the rule to run at all (a cheap pre-filter).
 */
record SecretRule(Function<Matcher, String> kind, Pattern pattern, int[] groups, List<String> triggers) {

    static SecretRule of(String kind, String regex, int group, String... triggers) {
        return new SecretRule(m -> kind, Pattern.compile(regex), new int[] {group}, List.of(triggers));
    }

    static SecretRule of(Function<Matcher, String> kind, String regex, int[] groups, String... triggers) {
        return new SecretRule(kind, Pattern.compile(regex), groups, List.of(triggers));
    }

    boolean triggeredBy(String lowercase) {
        if (triggers.isEmpty()) {
            return true;
        }
        for (String trigger : triggers) {
            if (lowercase.contains(trigger)) {
                return true;
            }
        }
        return false;
    }

    /** The capture group holding the secret in the current match, or -1. */
    int secretGroup(Matcher m) {
        for (int g : groups) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return -1;
    }

    /** The lowercase text of group {@code g} of {@code m}, for kinds that depend on a scheme or parameter name. */
    static String lower(Matcher m, int g) {
        String s = m.group(g);
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
