package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the specs of DynamoDB tools: schema from {@code schemas/<name>.json}, resources from {@code table}
 * (kind {@link DynamoDbResources#TABLE}); listings and descriptions are cached as metadata, item reads as data.
 */
final class ToolSpecs {

    static final String TABLE = DynamoDbResources.TABLE;
    private static final Set<String> METADATA = Set.of("list_tables", "describe_table");

    private ToolSpecs() {
    }

    /** A spec whose call touches the one table named by the {@code table} argument. */
    static ToolSpec onTable(String name, String title, String description, Access access) {
        return spec(name, title, description, access, ToolSpecs::tableArgument);
    }

    static ToolSpec spec(String name, String title, String description, Access access,
            Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(title).description(description)
                .inputSchema(Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"))
                .access(access)
                .resources(resources, TABLE)
                .freshness(METADATA.contains(name) ? Freshness.METADATA : Freshness.DATA)
                .build();
    }

    private static List<ResourceRef> tableArgument(JsonNode arguments) {
        JsonNode table = arguments.get(TABLE);
        if (table == null || !table.isTextual()) {
            // The schema requires it, so the gateway never gets here; name nothing rather than throw.
            return List.of();
        }
        // A blank name is named too: the gateway refuses what it cannot canonicalize.
        return List.of(new ResourceRef(TABLE, table.textValue()));
    }
}
