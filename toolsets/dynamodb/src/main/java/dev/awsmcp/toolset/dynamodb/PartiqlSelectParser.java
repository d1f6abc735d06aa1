package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.dynamodb.PartiqlToken.Type;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides by parsing, not keyword search, that a PartiQL statement is exactly one DynamoDB SELECT:
 * {@code SELECT projection FROM table[.index] [WHERE condition] [ORDER BY path [ASC|DESC], ...] [;]}.
 * A recursive-descent check of DynamoDB's SELECT grammar; it accepts a superset of what DynamoDB
 * evaluates (DynamoDB still rejects bad semantics) but never anything other than one SELECT.
 */
final class PartiqlSelectParser {

    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "UPSERT", "REPLACE", "REMOVE",
            "SET", "CREATE", "DROP", "ALTER");
    private static final Set<String> TRANSACTIONS = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "EXISTS");
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "BETWEEN",
            "IS", "MISSING", "NULL", "TRUE", "FALSE", "ORDER", "BY", "ASC", "DESC", "INSERT", "UPDATE", "DELETE", "EXISTS",
            "SET", "REMOVE", "INTO", "VALUE", "VALUES", "UPSERT", "REPLACE", "BEGIN", "COMMIT", "ROLLBACK");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "||");
    private static final int MAX_DEPTH = 64;

    private final List<PartiqlToken> tokens;
    private int index;
    private int depth;

    private PartiqlSelectParser(List<PartiqlToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses {@code statement}.
     *
     * @throws ToolArgumentException naming the problem when it is not exactly one valid SELECT
     */
    static PartiqlSelect parse(String statement) {
        return new PartiqlSelectParser(PartiqlLexer.tokenize(statement)).statement();
    }

    private PartiqlSelect statement() {
        PartiqlToken first = peek();
        if (first.type() == Type.END) {
            throw new ToolArgumentException("statement is empty; write one SELECT statement");
        }
        refuseNonSelect(first);
        expectWord("SELECT");
        projection();
        expectWord("FROM");
        PartiqlSelect select = source();
        if (acceptWord("WHERE")) {
            expression();
        }
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                path();
                if (!acceptWord("ASC")) {
                    acceptWord("DESC");
                }
            } while (acceptSymbol(","));
        }
        boolean terminated = acceptSymbol(";");
        if (peek().type() != Type.END) {
            if (terminated) {
                throw new ToolArgumentException("exactly one statement is allowed; remove everything after the first ';'");
            }
            throw unexpected("after the statement");
        }
        return select;
    }

    private void refuseNonSelect(PartiqlToken first) {
        String word = first.type() == Type.WORD ? first.text().toUpperCase(Locale.ROOT) : "";
        if (WRITES.contains(word)) {
            throw new ToolArgumentException("execute_partiql is read-only: " + word + " statements are refused; "
                    + "only SELECT is allowed (item writes have their own tools under a write grant)");
        }
        if (TRANSACTIONS.contains(word)) {
            throw new ToolArgumentException("execute_partiql runs no transactions (" + word + " refused); "
                    + "only a single SELECT is allowed");
        }
        if (!first.isWord("SELECT")) {
            throw new ToolArgumentException("only SELECT statements are allowed, found " + first.describe()
                    + " at offset " + first.position());
        }
    }

    private void projection() {
        if (acceptSymbol("*")) {
            return;
        }
        do {
            path();
        } while (acceptSymbol(","));
    }

    private PartiqlSelect source() {
        String table = identifier("a table name");
        String indexName = acceptSymbol(".") ? identifier("an index name") : null;
        return new PartiqlSelect(table, indexName);
    }

    private void expression() {
        enter();
        andCondition();
        while (acceptWord("OR")) {
            andCondition();
        }
        depth--;
    }

    private void andCondition() {
        notCondition();
        while (acceptWord("AND")) {
            notCondition();
        }
    }

    private void notCondition() {
        if (acceptWord("NOT")) {
            enter();
            notCondition();
            depth--;
            return;
        }
        predicate();
    }

    private void predicate() {
        operand();
        PartiqlToken token = peek();
        if (token.type() == Type.SYMBOL && COMPARISONS.contains(token.text())) {
            index++;
            operand();
            return;
        }
        if (acceptWord("IS")) {
            acceptWord("NOT");
            if (!(acceptWord("MISSING") || acceptWord("NULL") || acceptWord("TRUE") || acceptWord("FALSE"))) {
                throw unexpected("after IS (expected MISSING, NULL, TRUE or FALSE)");
            }
            return;
        }
        boolean negated = acceptWord("NOT");
        if (acceptWord("IN")) {
            operand();
        } else if (acceptWord("BETWEEN")) {
            operand();
            expectWord("AND");
            operand();
        } else if (negated) {
            throw unexpected("after NOT (expected IN or BETWEEN)");
        }
    }

    /** A value: a primary, optionally combined by arithmetic or string concatenation. */
    private void operand() {
        enter();
        unary();
        while (peek().type() == Type.SYMBOL && ARITHMETIC.contains(peek().text())) {
            index++;
            unary();
        }
        depth--;
    }

    private void unary() {
        if (acceptSymbol("-") || acceptSymbol("+")) {
            unary();
            return;
        }
        primary();
    }

    private void primary() {
        PartiqlToken token = peek();
        if (token.type() == Type.STRING || token.type() == Type.NUMBER || token.isSymbol("?")
                || token.isWord("TRUE") || token.isWord("FALSE") || token.isWord("NULL") || token.isWord("MISSING")) {
            index++;
            return;
        }
        if (acceptSymbol("(")) {
            expressionList(")");
            return;
        }
        if (acceptSymbol("[")) {
            expressionList("]");
            return;
        }
        if (acceptSymbol("<<")) {
            expressionList(">>");
            return;
        }
        if (acceptSymbol("{")) {
            tuple();
            return;
        }
        if (token.type() == Type.WORD && !isReserved(token) && peekAt(1).isSymbol("(")) {
            index += 2;
            expressionList(")");
            return;
        }
        path();
    }

    /** Comma-separated expressions up to {@code close}; a parenthesised condition is a list of one. */
    private void expressionList(String close) {
        if (acceptSymbol(close)) {
            return;
        }
        do {
            expression();
        } while (acceptSymbol(","));
        expectSymbol(close);
    }

    private void tuple() {
        if (acceptSymbol("}")) {
            return;
        }
        do {
            if (peek().type() != Type.STRING) {
                throw unexpected("in a tuple (expected a 'key')");
            }
            index++;
            expectSymbol(":");
            expression();
        } while (acceptSymbol(","));
        expectSymbol("}");
    }

    private void path() {
        identifier("an attribute name");
        while (true) {
            if (acceptSymbol(".")) {
                identifier("an attribute name");
            } else if (acceptSymbol("[")) {
                PartiqlToken token = peek();
                if (token.type() != Type.NUMBER && token.type() != Type.STRING) {
                    throw unexpected("in a path index (expected a number or a 'key')");
                }
                index++;
                expectSymbol("]");
            } else {
                return;
            }
        }
    }

    private String identifier(String what) {
        PartiqlToken token = peek();
        if (token.type() == Type.QUOTED_IDENTIFIER || (token.type() == Type.WORD && !isReserved(token))) {
            if (token.text().isEmpty()) {
                throw new ToolArgumentException("empty quoted identifier at offset " + token.position());
            }
            index++;
            return token.text();
        }
        throw unexpected("where " + what + " belongs (quote names that are keywords: \"name\")");
    }

    private static boolean isReserved(PartiqlToken token) {
        return RESERVED.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ToolArgumentException("PartiQL statement is nested too deeply");
        }
    }

    private PartiqlToken peek() {
        return tokens.get(index);
    }

    private PartiqlToken peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private boolean acceptWord(String keyword) {
        if (peek().isWord(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw unexpected("(expected " + keyword + ")");
        }
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected("(expected '" + symbol + "')");
        }
    }

    private ToolArgumentException unexpected(String context) {
        PartiqlToken token = peek();
        String where = token.type() == Type.END ? "" : " at offset " + token.position();
        return new ToolArgumentException("PartiQL statement is not a valid SELECT: unexpected " + token.describe()
                + where + " " + context);
    }
}
