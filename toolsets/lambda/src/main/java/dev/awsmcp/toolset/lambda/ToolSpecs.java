package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the specs of Lambda tools: schema from {@code schemas/<name>.json}, resources from the
 * {@code function} argument plus {@code :qualifier} when a qualifier is given (kind
 * {@link LambdaResources#FUNCTION}). Every read is metadata (configurations, listings); invocations are never cached.
 */
final class ToolSpecs {

    private ToolSpecs() {
    }

    /** A spec whose call touches the one function named by {@code function} (and {@code qualifier}). */
    static ToolSpec onFunction(String name, String title, String description, Access access) {
        return spec(name, title, description, access, ToolSpecs::functionArgument);
    }

    static ToolSpec spec(String name, String title, String description, Access access,
            Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(title).description(description)
                .inputSchema(Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"))
                .access(access)
                .resources(resources, LambdaResources.FUNCTION)
                .freshness(Freshness.METADATA)
                .build();
    }

    private static List<ResourceRef> functionArgument(JsonNode arguments) {
        String function = Arguments.qualifiedName(arguments);
        // The schema requires a function, so the gateway never gets here without one; name nothing rather than throw.
        return function == null ? List.of() : List.of(new ResourceRef(LambdaResources.FUNCTION, function));
    }
}
