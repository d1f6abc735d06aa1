package dev.awsmcp.toolset.logs;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps a Logs Insights query on the log groups of its {@code log_groups} argument, the only groups the
 * gateway authorizes. The query language can name other groups in the query text itself: the
 * {@code SOURCE} command ({@code SOURCE "/group"}, {@code SOURCE logGroups(namePrefix: [...])}, also inside
 * subqueries), {@code join} (whose right side is a {@code SOURCE} subquery) and {@code lookup} (a lookup
 * table, another resource). Queries that use any of them are refused; they are never rewritten.
 *
 * <p>The scan reads the raw text without deciding what is a string, regex or comment: any reading of
 * literals that differed from the Insights parser's could hide a command, so a word counts wherever it
 * stands. That refuses a few harmless queries (a regex {@code /a|source/}, a string {@code "source '/x'"}),
 * never a dangerous one. Matching is case-insensitive on whole words; a field named {@code source} in an
 * expression ({@code filter source = "aws.ec2"}, {@code stats count(source) by bin(1h)}) stays allowed.
 */
final class InsightsQueryScope {

    /** Commands that read data other than the events of the query's own log groups. */
    private static final Set<String> OTHER_SOURCES = Set.of("source", "join", "lookup");

    private final String query;

    private InsightsQueryScope(String query) {
        this.query = query;
    }

    /**
     * Refuses {@code query} when it can read anything but the groups of {@code log_groups}.
     *
     * @throws IllegalArgumentException naming the command and the fix
     */
    static void requireOwnGroupsOnly(String query) {
        new InsightsQueryScope(query).check();
    }

    /** Where a word stands: where a command may start, inside parentheses (a subquery or an argument), or elsewhere. */
    private enum Position { COMMAND, PARENTHESIS, EXPRESSION }

    /**
     * One pass over the text. A word is at a command position when it follows the start or a {@code |} with
     * only space between, under either reading of {@code #}: as a comment to the line end (its text skipped)
     * or as a plain character; likewise for a word just inside a {@code (}.
     */
    private void check() {
        Position position = Position.COMMAND;
        Position beforeComment = Position.EXPRESSION;
        boolean inComment = false;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isLineEnd(c)) {
                if (inComment && beforeComment != Position.EXPRESSION) {
                    position = beforeComment;
                }
                inComment = false;
            } else if (c == '|') {
                position = Position.COMMAND;
            } else if (c == '(') {
                position = Position.PARENTHESIS;
            } else if (c == '#') {
                if (!inComment) {
                    inComment = true;
                    beforeComment = position;
                }
                position = Position.EXPRESSION;
            } else if (isWordPart(c)) {
                int end = wordEnd(i);
                checkWord(query.substring(i, end).toLowerCase(Locale.ROOT), position, skipSpaceAndComments(end));
                position = Position.EXPRESSION;
                i = end;
                continue;
            } else if (!isSpace(c)) {
                position = Position.EXPRESSION;
            }
            i++;
        }
    }

    private void checkWord(String word, Position position, int next) {
        if (word.equals("loggroups") && next < query.length() && query.charAt(next) == '(') {
            throw refused("SOURCE logGroups(...)");
        }
        if (!OTHER_SOURCES.contains(word)) {
            return;
        }
        boolean command = position == Position.COMMAND || (position == Position.PARENTHESIS && !operandFollows(next));
        if (command || (word.equals("source") && namesGroup(next) && !quotedWord(next))) {
            throw refused(word.equals("source") ? "SOURCE" : word);
        }
    }

    /** The word just before {@code next} is itself a quoted string or name ({@code 'source'}), not a command. */
    private boolean quotedWord(int next) {
        int start = next - "source".length() - 1;
        return start >= 0 && query.charAt(start) == query.charAt(next);
    }

    /** Inside parentheses, a word followed by {@code )}, {@code ,} or an operator is a field, as in {@code count(source)}. */
    private boolean operandFollows(int next) {
        return next >= query.length() || ")],=!<>+-*/%".indexOf(query.charAt(next)) >= 0;
    }

    /** What follows SOURCE names groups: a quoted name or the logGroups() selector. */
    private boolean namesGroup(int next) {
        if (next >= query.length()) {
            return false;
        }
        char c = query.charAt(next);
        return c == '"' || c == '\'' || c == '`' || query.regionMatches(true, next, "logGroups", 0, "logGroups".length());
    }

    private int skipSpaceAndComments(int i) {
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isSpace(c) || isLineEnd(c)) {
                i++;
            } else if (c == '#') {
                while (i < query.length() && !isLineEnd(query.charAt(i))) {
                    i++;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    private int wordEnd(int i) {
        while (i < query.length() && isWordPart(query.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordPart(char c) {
        return c < 128 ? Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' : Character.isLetterOrDigit(c);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Every character some reader may end a line (and so a comment) at. */
    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static IllegalArgumentException refused(String command) {
        return new IllegalArgumentException("the query uses " + command + ", which can read log groups or tables outside log_groups; "
                + "the gateway authorizes only the groups in log_groups, so name every group there and remove " + command
                + " from the query");
    }
}
