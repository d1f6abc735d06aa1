package dev.awsmcp.toolset.dynamodb;

import static dev.awsmcp.toolset.dynamodb.DynamoDbFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalAwsExtension.class)
class ExecutePartiqlToolTest {

    private static DynamoDbFixture ddb;

    @BeforeAll
    static void seed(LocalAws aws) {
        ddb = new DynamoDbFixture(aws);
        ddb.createTable("orders", "customer", "seq", ScalarAttributeType.N);
        for (int seq = 1; seq <= 5; seq++) {
            ddb.put("orders", "{'customer':'alice','seq':" + seq + ",'note':'n" + seq + "'}");
        }
    }

    @AfterAll
    static void stop() {
        ddb.close();
    }

    private static ObjectNode statement(String statement) {
        return Json.object().put("statement", statement);
    }

    @Test
    void selectWithParametersReturnsPlainItems() {
        ObjectNode arguments = statement("SELECT * FROM \"orders\" WHERE \"customer\" = ? AND \"seq\" = ?");
        arguments.putArray("parameters").add("alice").add(3);

        JsonNode result = ddb.success("execute_partiql", arguments);

        assertThat(result.get("items")).containsExactly(args("{'customer':'alice','seq':3,'note':'n3'}"));
        assertThat(result.has("next_cursor")).isFalse();
    }

    @Test
    void motoIgnoresLimitSoAllMatchesComeInOnePage() {
        // Moto divergence: ExecuteStatement ignores Limit and never returns NextToken. Paging is
        // shown against a fake client in PartiqlPagingTest.
        JsonNode result = ddb.success("execute_partiql", statement("SELECT * FROM orders WHERE customer = 'alice'").put("limit", 2));

        assertThat(result.get("count").asInt()).isEqualTo(5);
    }

    @Test
    void deleteIsRefusedBeforeReachingAws() {
        var failure = ddb.failure("execute_partiql", statement("DELETE FROM \"orders\" WHERE customer = 'alice' AND seq = 1"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("read-only");
        assertThat(ddb.success("get_item", args("{'table':'orders','key':{'customer':'alice','seq':1}}"))
                .get("found").asBoolean()).isTrue();
    }

    @Test
    void selectFollowedByAnUpdateIsRefused() {
        var failure = ddb.failure("execute_partiql",
                statement("SELECT * FROM orders; UPDATE orders SET note = 'x' WHERE customer = 'alice' AND seq = 2"));

        assertThat(failure.message()).contains("exactly one statement");
        assertThat(ddb.success("get_item", args("{'table':'orders','key':{'customer':'alice','seq':2}}"))
                .at("/item/note").asText()).isEqualTo("n2");
    }

    @Test
    void selectFromAMissingTableIsNotFound() {
        var failure = ddb.failure("execute_partiql", statement("SELECT * FROM \"ghost\""));

        // Moto answers ResourceNotFoundException as AWS does.
        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).contains("ghost");
    }

    @Test
    void resourcesNameTheTableTheStatementReads() {
        var spec = ddb.toolset().tools().stream().filter(t -> t.name().equals("execute_partiql")).findFirst().orElseThrow();

        assertThat(spec.resources().apply(statement("select * from \"orders.v2\".\"idx\" where a = 1")))
                .containsExactly(new ResourceRef("table", "orders.v2"));
        assertThat(spec.resources().apply(statement("DELETE FROM orders"))).isEmpty();
    }
}
