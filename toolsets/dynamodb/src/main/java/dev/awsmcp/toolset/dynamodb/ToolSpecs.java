package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import java.util.List;
import java.util.function.Function;

/** Builds the specs of DynamoDB tools: schema from {@code schemas/<name>.json}, resources from {@code table}. */
final class ToolSpecs {

    static final String TABLE = "table";

    private ToolSpecs() {
    }

    /** A spec whose call touches the one table named by the {@code table} argument. */
    static ToolSpec onTable(String name, String title, String description, Access access) {
        return spec(name, title, description, access, ToolSpecs::tableArgument);
    }

    static ToolSpec spec(String name, String title, String description, Access access,
            Function<JsonNode, List<ResourceRef>> resources) {
        return new ToolSpec(name, title, description,
                Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"), null, access, resources);
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
