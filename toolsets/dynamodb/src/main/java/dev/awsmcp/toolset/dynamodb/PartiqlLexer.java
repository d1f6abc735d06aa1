package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.dynamodb.PartiqlToken.Type;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens the way PartiQL's reference lexer does (partiql-lang-kotlin
 * {@code PartiQLTokens.g4}): whitespace is space, tab, CR and LF only; {@code --} comments end at CR or
 * LF; {@code /* ... *}{@code /} comments do not nest; identifiers are ASCII ({@code [A-Za-z_$][A-Za-z0-9_$]*});
 * strings ({@code 'it''s'}) and quoted identifiers ({@code "a""b"}) escape their quote by doubling it
 * and are unescaped here, so keywords inside them are never mistaken for keywords.
 *
 * <p>Where another reader of the same text could disagree (other Unicode whitespace or line
 * terminators, a line terminator other than CR or LF inside a {@code --} comment, {@code /*} inside a
 * block comment, a comment right after an operator character, a backslash before a closing quote,
 * non-ASCII letters outside quotes, Ion literals in backticks), the statement is refused rather than read one way: the gateway authorizes the tables it
 * reads, so its reading must be the only one.
 */
final class PartiqlLexer {

    private static final String[] SYMBOLS = {"<<", ">>", "<=", ">=", "<>", "!=", "||",
        "(", ")", "[", "]", "{", "}", ",", ".", ";", "*", "?", ":", "=", "<", ">", "+", "-", "/", "%"};

    /** Characters a newer PartiQL lexer joins into one user-defined operator token. */
    private static final String OPERATOR_CHARACTERS = "+-*/=<>~@#%^?|!&";

    private final String text;
    private int position;

    private PartiqlLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code statement}, ending with one {@link Type#END} token. */
    static List<PartiqlToken> tokenize(String statement) {
        return new PartiqlLexer(statement).run();
    }

    private List<PartiqlToken> run() {
        List<PartiqlToken> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (position >= text.length()) {
                tokens.add(new PartiqlToken(Type.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private PartiqlToken next() {
        char c = text.charAt(position);
        int start = position;
        if (c == '\'') {
            return new PartiqlToken(Type.STRING, quoted('\'', "string"), start);
        }
        if (c == '"') {
            return new PartiqlToken(Type.QUOTED_IDENTIFIER, quoted('"', "quoted identifier"), start);
        }
        if (isWordStart(c)) {
            while (position < text.length() && isWordPart(text.charAt(position))) {
                position++;
            }
            return new PartiqlToken(Type.WORD, text.substring(start, position), start);
        }
        if (isDigit(c) || (c == '.' && position + 1 < text.length() && isDigit(text.charAt(position + 1)))) {
            return new PartiqlToken(Type.NUMBER, number(), start);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, position)) {
                position += symbol.length();
                return new PartiqlToken(Type.SYMBOL, symbol, start);
            }
        }
        throw new ToolArgumentException("PartiQL statement has an unexpected character " + describe(c) + " at offset " + start
                + (isAmbiguousSpace(c) ? "; use plain spaces, tabs and line feeds between tokens" : "")
                + (c > 127 && Character.isLetter(c) ? "; names with non-ASCII letters must be double-quoted" : ""));
    }

    private String quoted(char quote, String what) {
        int start = position;
        StringBuilder content = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != quote) {
                if (c == '\\' && position < text.length() && text.charAt(position) == quote) {
                    throw new ToolArgumentException("PartiQL " + what + " starting at offset " + start + " has a backslash before "
                            + quote + "; PartiQL escapes a quote by doubling it (" + quote + quote + "), and a backslash there reads "
                            + "differently to different parsers");
                }
                content.append(c);
            } else if (position < text.length() && text.charAt(position) == quote) {
                content.append(quote);
                position++;
            } else {
                return content.toString();
            }
        }
        throw new ToolArgumentException("PartiQL statement has an unterminated " + what + " starting at offset " + start);
    }

    /** {@code digits[.digits][e[+-]digits]}, {@code digits.} or {@code .digits[...]}, as the reference LITERAL_DECIMAL. */
    private String number() {
        int start = position;
        skipDigits();
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            skipDigits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && isDigit(text.charAt(position))) {
                skipDigits();
            } else {
                position = mark;
            }
        }
        return text.substring(start, position);
    }

    private void skipDigits() {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                position++;
            } else if (text.startsWith("--", position)) {
                refuseOperatorBefore("--");
                lineComment();
            } else if (text.startsWith("/*", position)) {
                refuseOperatorBefore("/*");
                blockComment();
            } else {
                return;
            }
        }
    }

    /**
     * A comment right after an operator character is read as part of a longer operator by newer PartiQL
     * lexers ({@code * /*} as {@code * /} then {@code *}) and as a comment by older ones.
     */
    private void refuseOperatorBefore(String comment) {
        if (position > 0 && OPERATOR_CHARACTERS.indexOf(text.charAt(position - 1)) >= 0) {
            throw new ToolArgumentException("PartiQL " + comment + " comment at offset " + position + " follows the operator character '"
                    + text.charAt(position - 1) + "' directly, which parsers read differently; put a space before the comment");
        }
    }

    /** {@code --} to the first CR or LF, like the reference {@code COMMENT_SINGLE}. */
    private void lineComment() {
        int start = position;
        while (position < text.length() && text.charAt(position) != '\n' && text.charAt(position) != '\r') {
            char c = text.charAt(position);
            if (isAmbiguousLineEnd(c)) {
                throw new ToolArgumentException("PartiQL -- comment at offset " + start + " has " + describe(c) + " at offset " + position
                        + ", which some parsers read as the end of the line; end comments with a line feed, or use /* ... */");
            }
            position++;
        }
    }

    private void blockComment() {
        int start = position;
        int end = text.indexOf("*/", position + 2);
        if (end < 0) {
            throw new ToolArgumentException("PartiQL statement has an unterminated /* comment at offset " + start);
        }
        int nested = text.indexOf("/*", position + 2);
        if (nested >= 0 && nested < end) {
            throw new ToolArgumentException("PartiQL /* comment at offset " + start + " has another /* inside it at offset " + nested
                    + "; comments do not nest in PartiQL, so remove the inner /*");
        }
        position = end + 2;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whitespace to Java or Unicode that PartiQL's lexer does not skip. */
    private static boolean isAmbiguousSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || isAmbiguousLineEnd(c);
    }

    /** Line terminators other than CR and LF: vertical tab, form feed, NEL, line and paragraph separators. */
    private static boolean isAmbiguousLineEnd(char c) {
        return c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
