package dev.awsmcp.toolset.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.support.ToolArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartiqlSelectParserTest {

    @Test
    void acceptsASimpleSelectAndNamesItsTable() {
        assertThat(PartiqlSelectParser.parse("SELECT * FROM \"orders\"")).isEqualTo(new PartiqlSelect("orders", null));
    }

    @Test
    void acceptsLowercaseKeywordsAndBareTableNames() {
        assertThat(PartiqlSelectParser.parse("select a, b from orders where a = 1").table()).isEqualTo("orders");
    }

    @Test
    void readsTableAndIndexFromDottedSource() {
        assertThat(PartiqlSelectParser.parse("SELECT * FROM \"orders\".\"by_status\" WHERE status = 'OPEN'"))
                .isEqualTo(new PartiqlSelect("orders", "by_status"));
    }

    @Test
    void aDotInsideAQuotedIdentifierIsPartOfTheTableName() {
        assertThat(PartiqlSelectParser.parse("SELECT * FROM \"orders.v2\"")).isEqualTo(new PartiqlSelect("orders.v2", null));
        assertThat(PartiqlSelectParser.parse("SELECT * FROM \"orders.v2\".\"idx.a\""))
                .isEqualTo(new PartiqlSelect("orders.v2", "idx.a"));
    }

    @Test
    void quotedIdentifiersUnescapeDoubledQuotes() {
        assertThat(PartiqlSelectParser.parse("SELECT * FROM \"we\"\"ird\"").table()).isEqualTo("we\"ird");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM \"t\" WHERE \"pk\" = ? AND \"sk\" BETWEEN 1 AND 10",
        "SELECT a.b[0].c, \"x\"['k'] FROM t WHERE begins_with(\"sk\", 'ORDER#') OR NOT contains(tags, 'x')",
        "SELECT * FROM t WHERE pk IN ['a', 'b'] AND s IS NOT MISSING AND v IS NULL",
        "SELECT * FROM t WHERE pk = 'a' AND (n > 1.5e3 OR n <= -2) AND size(l) <> 0",
        "SELECT * FROM t WHERE pk = 'a' ORDER BY sk DESC",
        "SELECT * FROM t WHERE m = {'a': 1, 'b': [1, 2]} AND s = <<'x', 'y'>> AND b = TRUE",
        "SELECT * FROM t WHERE pk = 'a' AND attribute_type(x, 'S') AND n NOT IN (1, 2) AND k != 'it''s';",
        "  SELECT * FROM t -- trailing comment\n",
        "/* leading */ SELECT /* inside */ * FROM t",
    })
    void acceptsDynamoDbSelectGrammar(String statement) {
        assertThat(PartiqlSelectParser.parse(statement).table()).isEqualTo("t");
    }

    @Test
    void aStringContainingDeleteIsData() {
        assertThat(PartiqlSelectParser.parse("SELECT * FROM t WHERE note = 'DELETE FROM t; DROP'").table()).isEqualTo("t");
    }

    @Test
    void aQuotedIdentifierNamedDeleteIsAName() {
        assertThat(PartiqlSelectParser.parse("SELECT \"delete\" FROM \"update\"").table()).isEqualTo("update");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM t WHERE pk = 'a'",
        "delete from t where pk = 'a'",
        "INSERT INTO t VALUE {'pk': 'a'}",
        "UPDATE t SET x = 1 WHERE pk = 'a'",
        "/* SELECT */ DELETE FROM t WHERE pk = 'a'",
        "-- SELECT * FROM t\nUPDATE t SET x = 1 WHERE pk = 'a'",
    })
    void refusesWritesAsReadOnly(String statement) {
        assertThatThrownBy(() -> PartiqlSelectParser.parse(statement))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("read-only")
                .hasMessageContaining("only SELECT is allowed");
    }

    @Test
    void refusesASecondStatementAfterTheSemicolon() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t; DELETE FROM t WHERE pk = 'a'"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("exactly one statement");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t;;"))
                .hasMessageContaining("exactly one statement");
    }

    @Test
    void refusesTrailingWordsWithoutSemicolon() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t DELETE FROM t"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("unexpected 'DELETE'");
    }

    @Test
    void refusesExistsAndTransactions() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("EXISTS(SELECT * FROM t WHERE pk = 'a')"))
                .hasMessageContaining("no transactions");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("BEGIN TRANSACTION"))
                .hasMessageContaining("no transactions");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t WHERE EXISTS(SELECT * FROM u)"))
                .isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void aCommentCannotHideTheRestOfAStatementKeyword() {
        // "SEL/**/ECT" is two words, not SELECT.
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SEL/**/ECT * FROM t"))
                .hasMessageContaining("only SELECT statements are allowed");
    }

    @Test
    void refusesUnterminatedStringsCommentsAndIdentifiers() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t WHERE a = 'x")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t /* x")).hasMessageContaining("unterminated /*");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM \"t")).hasMessageContaining("unterminated quoted identifier");
    }

    @Test
    void refusesEmptyAndMalformedSelects() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("  -- nothing")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT FROM t")).hasMessageContaining("not a valid SELECT");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * t")).hasMessageContaining("expected FROM");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t WHERE")).hasMessageContaining("the end of the statement");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t WHERE a = 1 AND")).isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM t WHERE a = #")).hasMessageContaining("unexpected character '#'");
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM \"\"")).hasMessageContaining("empty quoted identifier");
    }

    @Test
    void refusesReservedWordsAsBareNames() {
        assertThatThrownBy(() -> PartiqlSelectParser.parse("SELECT * FROM delete"))
                .hasMessageContaining("quote names that are keywords");
    }

    @Test
    void refusesAbsurdNestingWithoutOverflowingTheStack() {
        String deep = "SELECT * FROM t WHERE " + "(".repeat(5000) + "a = 1" + ")".repeat(5000);

        assertThatThrownBy(() -> PartiqlSelectParser.parse(deep)).hasMessageContaining("nested too deeply");
    }
}
