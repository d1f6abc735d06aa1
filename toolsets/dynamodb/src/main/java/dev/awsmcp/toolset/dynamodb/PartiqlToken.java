package dev.awsmcp.toolset.dynamodb;

/**
 * One token of a PartiQL statement.
 *
 * @param type the token class
 * @param text the keyword or bare word as written, the unescaped content of a string or quoted
 *     identifier, the digits of a number, or the operator
 * @param position zero-based offset of the token in the statement, for messages
 */
record PartiqlToken(Type type, String text, int position) {

    enum Type {
        /** A bare word: keyword, function name or unquoted identifier. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A single-quoted string literal. */
        STRING,
        NUMBER,
        /** Punctuation or an operator. */
        SYMBOL,
        END
    }

    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    String describe() {
        switch (type) {
            case END: return "the end of the statement";
            case STRING: return "string '" + text + "'";
            case QUOTED_IDENTIFIER: return "\"" + text + "\"";
            default: return "'" + text + "'";
        }
    }
}
