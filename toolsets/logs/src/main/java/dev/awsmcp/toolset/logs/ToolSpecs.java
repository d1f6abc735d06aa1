package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the specs of log tools: schema from {@code schemas/<name>.json}, resources from the
 * {@code log_group} or {@code log_groups} argument (kind {@link LogsResources#LOG_GROUP}). Every log tool
 * is {@link Access#READ}; descriptions are cached as metadata, events and query rows as data, and the
 * state of a running query never. Only {@code run_insights_query} is long-running (a task for clients that support them).
 */
final class ToolSpecs {

    static final String LOG_GROUP = "log_group";
    static final String LOG_GROUPS = "log_groups";

    private ToolSpecs() {
    }

    /** A read-only spec whose call touches the one group named by {@code log_group}. */
    static ToolSpec onLogGroup(String name, String title, String description) {
        return spec(name, title, description, ToolSpecs::logGroupArgument);
    }

    /** A read-only spec whose call touches every group named by {@code log_groups}. */
    static ToolSpec onLogGroups(String name, String title, String description) {
        return spec(name, title, description, ToolSpecs::logGroupsArgument);
    }

    static ToolSpec spec(String name, String title, String description, Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(title).description(description)
                .inputSchema(Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"))
                .access(Access.READ)
                .resources(resources, LogsResources.LOG_GROUP)
                .freshness(freshness(name))
                // A query may run for minutes in CloudWatch Logs; the other tools answer within one request.
                .longRunning(name.equals("run_insights_query"))
                .build();
    }

    private static Freshness freshness(String tool) {
        if (tool.equals("get_insights_results")) {
            return Freshness.NEVER;
        }
        return tool.startsWith("describe_") ? Freshness.METADATA : Freshness.DATA;
    }

    private static List<ResourceRef> logGroupArgument(JsonNode arguments) {
        JsonNode group = arguments.get(LOG_GROUP);
        if (group == null || !group.isTextual()) {
            // The schema requires it, so the gateway never gets here; name nothing rather than throw.
            return List.of();
        }
        return List.of(new ResourceRef(LogsResources.LOG_GROUP, group.textValue()));
    }

    static List<ResourceRef> logGroupsArgument(JsonNode arguments) {
        JsonNode groups = arguments.get(LOG_GROUPS);
        List<ResourceRef> refs = new ArrayList<>();
        if (groups != null && groups.isArray()) {
            for (JsonNode group : groups) {
                // Blank entries too: the gateway refuses them rather than letting them reach AWS unchecked.
                if (group.isTextual()) {
                    refs.add(new ResourceRef(LogsResources.LOG_GROUP, group.textValue()));
                }
            }
        }
        return refs.stream().distinct().toList();
    }
}
