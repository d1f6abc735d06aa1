package dev.awsmcp.toolset.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DynamoDbToolsetFactoryTest {

    private final List<ToolSpec> specs = new DynamoDbToolset(DeferredClient.built(new FakeDynamoDb()), new ToolNames("ddb")).tools();
    private final Map<String, ToolSpec> byName = specs.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    @Test
    void isFoundByServiceLoaderUnderTypeDynamodb() {
        assertThat(ServiceLoader.load(ToolsetFactory.class).stream().map(ServiceLoader.Provider::get).map(ToolsetFactory::type))
                .contains("dynamodb");
    }

    @Test
    void servesTheCatalogWithReadsAndWritesClassified() {
        assertThat(byName.keySet()).containsExactlyInAnyOrder("list_tables", "describe_table", "get_item", "batch_get_item",
                "query", "scan", "execute_partiql", "put_item", "update_item", "delete_item");
        assertThat(specs).filteredOn(spec -> spec.access() == Access.WRITE).extracting(ToolSpec::name)
                .containsExactlyInAnyOrder("put_item", "update_item", "delete_item");
    }

    @Test
    void schemasAreClosedObjectsInTheDefaultDialect() {
        for (ToolSpec spec : specs) {
            assertThat(spec.inputSchema().get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            // Parameters are described only where the name is not enough (#23); the dialect is the default, 2020-12.
            assertThat(spec.inputSchema().has("$schema")).as(spec.name()).isFalse();
        }
        assertThat(byName.get("query").inputSchema().at("/properties/limit/maximum").asInt()).isEqualTo(1000);
        assertThat(byName.get("query").inputSchema().get("required")).extracting(n -> n.asText())
                .containsExactly("table", "key_condition");
    }

    @Test
    void descriptionsSteerFromScanToQuery() {
        assertThat(byName.get("scan").description()).contains("Prefer ddb__query");
    }

    @Test
    void resourcesNameTheTableOrNothingForListing() {
        assertThat(byName.get("query").resources().apply(DynamoDbFixture.args("{'table':'orders','key_condition':'a = :a'}")))
                .containsExactly(new ResourceRef("table", "orders"));
        assertThat(byName.get("list_tables").resources().apply(DynamoDbFixture.args("{}"))).isEmpty();
    }
}
