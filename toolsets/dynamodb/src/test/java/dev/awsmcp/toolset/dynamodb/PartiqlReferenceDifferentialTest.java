package dev.awsmcp.toolset.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.partiql.ast.FromExpr;
import org.partiql.ast.FromTableRef;
import org.partiql.ast.Identifier;
import org.partiql.ast.Query;
import org.partiql.ast.QueryBody;
import org.partiql.ast.Statement;
import org.partiql.ast.expr.Expr;
import org.partiql.ast.expr.ExprPath;
import org.partiql.ast.expr.ExprQuerySet;
import org.partiql.ast.expr.ExprVarRef;
import org.partiql.ast.expr.PathStep;
import org.partiql.parser.PartiQLParser;

/**
 * The gateway authorizes the table a PartiQL statement reads by its own reading of the statement, so that
 * reading must be the reference one: generated statements full of comments, quotes and line terminators
 * are read by {@link PartiqlSelectParser} and by PartiQL's reference parser (partiql-lang-kotlin's
 * {@code partiql-parser}, built from {@code PartiQLTokens.g4}); whenever the gateway accepts a statement,
 * the reference must read the same table and index from it. Refusing what the reference accepts is allowed
 * (fail closed) and counted, so the generator is known to reach both sides. Seeded; set
 * {@code -Dpartiql.differential.seed=N} to replay a run.
 */
class PartiqlReferenceDifferentialTest {

    private static final int STATEMENTS = 4_000;
    private static final String[] TABLES = {"orders", "\"orders\"", "\"payments-orders\"", "\"or\"\"ders\"", "Orders_2", "$t",
        "\"other\"", "\"--x\"", "\"/*y*/\""};
    private static final String[] INDEXES = {"", ".byStatus", ".\"by-status\"", ".\"gsi\"\"1\""};
    private static final String[] PROJECTIONS = {"*", "a", "\"a b\"", "a.b", "a[0]", "a, \"b\"", "\"SELECT\""};
    private static final String[] CONDITIONS = {"", " WHERE a = 'x'", " WHERE a = 'it''s -- not a comment'", " WHERE \"b\" = 1",
        " WHERE c > 1.5e3", " WHERE d = ?", " WHERE a = '/* x */'", " WHERE e IN [1, 2]", " WHERE begins_with(a, 'x')",
        " WHERE a = 'FROM \"other\"'", " WHERE a = .5", " WHERE a = 1."};
    /** What may stand between two tokens: plain space, every line terminator, comments with decoys, odd whitespace. */
    private static final String[] GAPS = {" ", " ", "\t", "\n", "\r", "\r\n", "  ", "--c\n", "--c\r", "--c\r\n",
        "--c\r\"other\" --d\n", "--c\n\"other\" --d\r", "--c\u2028\"other\"\n", "--c\u0085\"other\"\n", "--c\u000B\"other\"\n",
        "--c\f\"other\"\n", "/* c */", "/* -- */", "/* \n */", "/* \r\"other\"\r */", "/* /* */", " \u000B ", " \f ", "\u2003",
        "\u00A0", "\u0085", "\u2028", "\u2029", " `ion` ", "--\"other\"\r\n"};

    private final PartiQLParser reference = PartiQLParser.standard();

    @Test
    void everyStatementTheGatewayAcceptsReadsTheReferencesTableAndIndex() {
        long seed = Long.getLong("partiql.differential.seed", System.nanoTime());
        Random random = new Random(seed);
        int accepted = 0;
        int refusedByGatewayOnly = 0;
        int refusedByBoth = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
            String statement = generate(random);
            Optional<PartiqlSelect> ours = gatewayReading(statement);
            Optional<List<String>> theirs = referenceReading(statement);
            if (ours.isPresent()) {
                accepted++;
                List<String> expected = ours.get().index() == null ? List.of(ours.get().table())
                        : List.of(ours.get().table(), ours.get().index());
                if (theirs.isEmpty() || !theirs.get().equals(expected)) {
                    disagreements.add(visible(statement) + " -> gateway " + expected + ", reference "
                            + theirs.map(Object::toString).orElse("refuses"));
                }
            } else if (theirs.isPresent()) {
                refusedByGatewayOnly++;
            } else {
                refusedByBoth++;
            }
        }
        System.out.printf("PartiQL differential (seed %d): %d statements, %d accepted and read alike, %d refused by the gateway only, "
                + "%d refused by both%n", seed, STATEMENTS, accepted - disagreements.size(), refusedByGatewayOnly, refusedByBoth);
        assertThat(disagreements).as("seed %d: statements the gateway reads differently from the reference", seed).isEmpty();
        assertThat(accepted).as("the generator must reach statements the gateway accepts").isGreaterThan(STATEMENTS / 20);
        assertThat(refusedByGatewayOnly + refusedByBoth).as("and ones it refuses").isGreaterThan(STATEMENTS / 20);
    }

    @Test
    void neverReadsTheTableHiddenBehindACarriageReturnComment() {
        // The reference ends the comment at CR: it reads table "other" (aliased "orders"). Reading the comment
        // to LF, the gateway used to see only "orders" and authorize that.
        String statement = "SELECT * FROM --\r\"other\" --\n\"orders\"";
        assertThat(referenceReading(statement)).contains(List.of("other"));
        assertThat(gatewayReading(statement).map(PartiqlSelect::table)).isEmpty();
        assertThat(gatewayReading("SELECT * FROM --\r\"other\"\n").map(PartiqlSelect::table)).contains("other");
    }

    private static String generate(Random random) {
        StringBuilder s = new StringBuilder();
        s.append(pick(random, GAPS, 0.3)).append(random.nextBoolean() ? "SELECT" : "select");
        s.append(gap(random)).append(pick(random, PROJECTIONS, 1));
        s.append(gap(random)).append(random.nextInt(4) == 0 ? "From" : "FROM");
        s.append(gap(random)).append(pick(random, TABLES, 1)).append(pick(random, INDEXES, 1));
        s.append(pick(random, CONDITIONS, 1));
        if (random.nextInt(3) == 0) {
            s.append(gap(random)).append(pick(random, TABLES, 1));
        }
        s.append(pick(random, GAPS, 0.3));
        return s.toString();
    }

    private static String gap(Random random) {
        return random.nextInt(3) == 0 ? pick(random, GAPS, 1) + pick(random, GAPS, 0.5) : " ";
    }

    private static String pick(Random random, String[] choices, double probability) {
        return random.nextDouble() < probability ? choices[random.nextInt(choices.length)] : "";
    }

    private static Optional<PartiqlSelect> gatewayReading(String statement) {
        try {
            return Optional.of(PartiqlSelectParser.parse(statement));
        } catch (ToolArgumentException refused) {
            return Optional.empty();
        }
    }

    /** The FROM source of a single SELECT as the reference parser reads it: its path steps, or empty when it reads none. */
    private Optional<List<String>> referenceReading(String statement) {
        List<Statement> statements;
        try {
            statements = reference.parse(statement).statements;
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
        if (statements.size() != 1 || !(statements.get(0) instanceof Query query)
                || !(query.getExpr() instanceof ExprQuerySet set) || !(set.getBody() instanceof QueryBody.SFW sfw)
                || sfw.getFrom() == null || sfw.getFrom().getTableRefs().size() != 1) {
            return Optional.empty();
        }
        FromTableRef source = sfw.getFrom().getTableRefs().get(0);
        return source instanceof FromExpr from ? path(from.getExpr()) : Optional.empty();
    }

    private static Optional<List<String>> path(Expr expr) {
        if (expr instanceof ExprVarRef ref) {
            return Optional.of(names(ref.getIdentifier()));
        }
        if (expr instanceof ExprPath path && path.getRoot() instanceof ExprVarRef root) {
            List<String> names = new ArrayList<>(names(root.getIdentifier()));
            for (PathStep step : path.getSteps()) {
                if (!(step instanceof PathStep.Field field)) {
                    return Optional.empty();
                }
                names.add(field.getField().getText());
            }
            return Optional.of(names);
        }
        return Optional.empty();
    }

    private static List<String> names(Identifier identifier) {
        List<String> names = new ArrayList<>();
        identifier.getQualifier().forEach(part -> names.add(part.getText()));
        names.add(identifier.getIdentifier().getText());
        return names;
    }

    private static String visible(String statement) {
        StringBuilder out = new StringBuilder();
        statement.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
