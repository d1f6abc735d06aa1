package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Hand-written necessary conditions for the rules that fire most on benign text (markdown images and
 * links, role labels and headers at line start, "ignore the ..."). Each reads the window a rule's RE2/J
 * pattern is about to run on (shadow text: lower case, whitespace collapsed to one space or line feed)
 * and answers false only where the pattern cannot match, so RE2/J's fixed cost per attempt is paid only
 * where a finding is possible. One bounded pass over the window, no allocation.
 */
final class RulePrechecks {

    /** Shortest query value that counts as data in a markdown image URL ({@code [^)\s&#]{12,}}). */
    static final int IMAGE_VALUE = 12;
    /** Shortest query value that counts as data in a markdown link URL ({@code [^)\s&#]{48,}}). */
    static final int LINK_VALUE = 48;
    private static final int LONG_HOST_LABEL = 32;
    /** Longest word the role-label rule accepts right after a line feed ({@code instructions}). */
    private static final int NEXT_LINE_WORD = "instructions".length() + 1;
    private static final List<String> ROLE_LABEL_WORDS = List.of("you", "instruction", "ignore", "disregard", "forget",
            "do not", "do\nnot", "donot", "don't", "from", "pretend", "override");
    private static final List<String> ROLE_HEADERS = roleHeaders();
    private static final String[] ALL_WORDS = {"about", "all", "everything", "anything", "what"};
    private static final String[] ABOVE_WORDS = {"above", "foregoing", "preceding"};
    /** The placeholder names that stand for data without an underscore ({@link ExfiltrationRules}). */
    private static final String[] PLACEHOLDER_WORDS = {"data", "secret", "password", "passwd", "credential", "apikey", "token",
        "conversation", "prompt", "cookies", "ssn"};

    private RulePrechecks() {
    }

    /** Every role name a role-header line may hold, as the shadow writes it. */
    private static List<String> roleHeaders() {
        List<String> names = new java.util.ArrayList<>(List.of("new instructions", "newinstructions"));
        for (String role : List.of("system", "assistant", "developer")) {
            names.addAll(List.of(role, role + " prompt", role + "prompt", role + " message", role + "message"));
        }
        return List.copyOf(names);
    }

    /**
     * {@code ![alt](url)} at the window start: the URL holds template syntax, a query value of 12+
     * characters or one that may be a placeholder name, or a host label of 32+ characters.
     */
    static boolean imageMayCarryData(String w) {
        if (!w.startsWith("![")) {
            return true;
        }
        int i = 2;
        while (i < w.length() && w.charAt(i) != ']') {
            if (w.charAt(i) == '\n') {
                return false;
            }
            i++;
        }
        return urlMayCarryData(w, i + 1, IMAGE_VALUE, true);
    }

    /** {@code ](url)} at the window start: the URL holds template syntax, a query value of 48+ characters or one that may be a placeholder name. */
    static boolean linkMayCarryData(String w) {
        return !w.startsWith("]") || urlMayCarryData(w, 1, LINK_VALUE, false);
    }

    /** {@code ~(~} then a URL up to {@code )} or whitespace, as {@code \]~\(~(?:https?:)?//[^)\s]*} reads it. */
    private static boolean urlMayCarryData(String w, int i, int minValue, boolean hostLabel) {
        i = skipOptionalSpace(w, i);
        if (i >= w.length() || w.charAt(i) != '(') {
            return false;
        }
        i = skipOptionalSpace(w, i + 1);
        if (w.startsWith("https:", i)) {
            i += 6;
        } else if (w.startsWith("http:", i)) {
            i += 5;
        }
        if (!w.startsWith("//", i)) {
            return false;
        }
        i += 2;
        if (hostLabel && longHostLabel(w, i)) {
            return true;
        }
        boolean query = false;
        for (; i < w.length() && !endsUrl(w.charAt(i)); i++) {
            char c = w.charAt(i);
            if (isTemplate(w, i)) {
                return true;
            }
            if (c == '?' || c == '&') {
                query = true;
            } else if (c == '=' && query && valueMayBeData(w, i + 1, minValue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean longHostLabel(String w, int i) {
        int from = i;
        while (i < w.length() && (w.charAt(i) >= 'a' && w.charAt(i) <= 'z' || w.charAt(i) >= '0' && w.charAt(i) <= '9'
                || w.charAt(i) == '-')) {
            i++;
        }
        return i - from >= LONG_HOST_LABEL && i < w.length() && w.charAt(i) == '.';
    }

    /** Template syntax at {@code i}: {@code { } $ < [} or their percent-encoded forms. */
    private static boolean isTemplate(String w, int i) {
        char c = w.charAt(i);
        return c == '{' || c == '}' || c == '$' || c == '<' || c == '['
                || c == '%' && (w.startsWith("%7b", i) || w.startsWith("%24", i) || w.startsWith("%3c", i) || w.startsWith("%5b", i));
    }

    /**
     * The value from {@code i} up to {@code ) & #} or whitespace is long, or may be a placeholder name: it holds an
     * underscore ({@code chat_history}) or one of the words that stand for data alone ({@code secret}).
     */
    private static boolean valueMayBeData(String w, int i, int minValue) {
        int from = i;
        while (i < w.length() && !endsUrl(w.charAt(i)) && w.charAt(i) != '&' && w.charAt(i) != '#') {
            i++;
        }
        if (i - from >= minValue) {
            return true;
        }
        String value = w.substring(from, i);
        if (value.indexOf('_') >= 0) {
            return true;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (value.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsUrl(char c) {
        return c == ')' || c == ' ' || c == '\n';
    }

    private static int skipOptionalSpace(String w, int i) {
        return i < w.length() && (w.charAt(i) == ' ' || w.charAt(i) == '\n') ? i + 1 : i;
    }

    /**
     * A role label line ({@code \n...system: ...}): one of the words the rule needs (you, instructions,
     * ignore, ...) occurs after the first colon, on the colon's line or at the start of the next one
     * (or, when the colon ends its line, on the next line or at the start of the one after). Before the
     * colon there is only what the label part of the pattern reads: letters, spaces, line feeds, {@code > # * _ -}.
     */
    static boolean roleLabelMaySpeak(String w) {
        int p = w.indexOf(':');
        if (p < 0) {
            return false;
        }
        for (int i = 0; i < p; i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == ' ' || c == '\n' || c == '>' || c == '#' || c == '*' || c == '_' || c == '-')) {
                return false;
            }
        }
        p++;
        while (p < w.length() && (w.charAt(p) == '*' || w.charAt(p) == '_')) {
            p++;
        }
        if (p < w.length() && w.charAt(p) == '\n') {
            p++;
        }
        int lineEnd = w.indexOf('\n', p);
        String reach = w.substring(p, lineEnd < 0 ? w.length() : Math.min(w.length(), lineEnd + 1 + NEXT_LINE_WORD));
        for (String word : ROLE_LABEL_WORDS) {
            if (reach.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A role header line ({@code \n## System\n}, {@code \nAssistant:\n}): the line holds nothing but
     * markup ({@code # > * _ -}, spaces, a colon) and a role name.
     */
    static boolean roleHeaderAlone(String w) {
        int lineEnd = w.indexOf('\n', 1);
        if (lineEnd < 0) {
            return false;
        }
        int from = 1;
        int to = lineEnd;
        while (from < to && " >#*_-".indexOf(w.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && " *_:".indexOf(w.charAt(to - 1)) >= 0) {
            to--;
        }
        return from == to || ROLE_HEADERS.contains(w.substring(from, to));
    }

    /**
     * "ignore/disregard/forget" at the window start followed by what the ignore-everything rule needs:
     * {@code [about] all|everything|anything|what ...} or {@code [about] [all] [of] the above|foregoing|preceding}.
     */
    static boolean ignoreEverything(String w) {
        int verb = w.startsWith("ignore") || w.startsWith("forget") ? 6 : w.startsWith("disregard") ? 9 : -1;
        if (verb < 0) {
            return true;
        }
        int i = skipOptionalSpace(w, verb);
        int about = word(w, i, "about");
        i = about >= 0 ? about : i;
        for (String all : ALL_WORDS) {
            if (w.startsWith(all, i)) {
                return true;
            }
        }
        int of = word(w, i, "of");
        i = of >= 0 ? of : i;
        int the = word(w, i, "the");
        if (the < 0) {
            return false;
        }
        for (String above : ABOVE_WORDS) {
            if (w.startsWith(above, the)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An override verb at the window start followed, within the run of word characters, spaces and
     * {@code ' , & /} that the rule's filler words allow, by one of {@code nouns} (instruction, rules,
     * prompt...): the ignore-previous rule needs a qualifier and an instruction noun in that run.
     */
    static boolean verbBeforeNoun(String w, String[] verbs, String[] nouns) {
        int i = verbEnd(w, verbs);
        if (i < 0) {
            return true;
        }
        int end = i;
        while (end < w.length() && isFillerChar(w.charAt(end))) {
            end++;
        }
        String run = w.substring(i, end);
        for (String noun : nouns) {
            if (run.contains(noun)) {
                return true;
            }
        }
        return false;
    }

    /** An override verb at the window start followed by {@code [all|any] your}, as the bypass-safeguards rule needs. */
    static boolean verbBeforeYour(String w, String[] verbs) {
        int i = verbEnd(w, verbs);
        if (i < 0) {
            return true;
        }
        i = skipOptionalSpace(w, i);
        int all = word(w, i, "all");
        int any = word(w, i, "any");
        i = all >= 0 ? all : any >= 0 ? any : i;
        return w.startsWith("your", i);
    }

    /** Index after the verb of {@code verbs} (spelled as the shadow writes it) that starts the window, or -1. */
    private static int verbEnd(String w, String[] verbs) {
        for (String verb : verbs) {
            if (w.startsWith(verb)) {
                return verb.length();
            }
        }
        return -1;
    }

    /** {@code [a-z',&/]} and the optional whitespace between filler words. */
    private static boolean isFillerChar(char c) {
        return c >= 'a' && c <= 'z' || c == '\'' || c == ',' || c == '&' || c == '/' || c == ' ' || c == '\n';
    }

    /** Index after {@code word} and one optional separator at {@code i}, or -1. */
    private static int word(String w, int i, String word) {
        return w.startsWith(word, i) ? skipOptionalSpace(w, i + word.length()) : -1;
    }
}
