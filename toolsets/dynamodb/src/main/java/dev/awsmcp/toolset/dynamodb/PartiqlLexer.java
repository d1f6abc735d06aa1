package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.ToolArgumentException;
import dev.awsmcp.toolset.dynamodb.PartiqlToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens. Comments ({@code --} to the end of the line and
 * {@code /* ... *}{@code /}) are dropped; strings ({@code 'it''s'}) and quoted identifiers
 * ({@code "a""b"}) are unescaped, so keywords inside them are never mistaken for keywords.
 */
final class PartiqlLexer {

    private static final String[] SYMBOLS = {"<<", ">>", "<=", ">=", "<>", "!=", "||",
        "(", ")", "[", "]", "{", "}", ",", ".", ";", "*", "?", ":", "=", "<", ">", "+", "-", "/", "%"};

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
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (position < text.length() && isWordPart(text.charAt(position))) {
                position++;
            }
            return new PartiqlToken(Type.WORD, text.substring(start, position), start);
        }
        if (Character.isDigit(c)) {
            return new PartiqlToken(Type.NUMBER, number(), start);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, position)) {
                position += symbol.length();
                return new PartiqlToken(Type.SYMBOL, symbol, start);
            }
        }
        throw new ToolArgumentException("PartiQL statement has an unexpected character '" + c + "' at offset " + start);
    }

    private String quoted(char quote, String what) {
        int start = position;
        StringBuilder content = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != quote) {
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

    private String number() {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position + 1 < text.length() && text.charAt(position) == '.' && Character.isDigit(text.charAt(position + 1))) {
            position++;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            } else {
                position = mark;
            }
        }
        return text.substring(start, position);
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (text.startsWith("--", position)) {
                int end = text.indexOf('\n', position);
                position = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", position)) {
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    throw new ToolArgumentException("PartiQL statement has an unterminated /* comment at offset " + position);
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
