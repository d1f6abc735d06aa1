package dev.awsmcp.toolset.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the specs of CloudWatch tools: schema from {@code schemas/<name>.json}, resources from the
 * {@code alarm} or {@code namespace} argument. Every CloudWatch tool is {@link Access#READ}.
 */
final class ToolSpecs {

    private ToolSpecs() {
    }

    /** A spec whose call touches the alarm named by {@code alarm}. */
    static ToolSpec onAlarm(String name, String title, String description) {
        return spec(name, title, description, arguments -> named(CloudWatchResourceKind.ALARM, arguments.get(Arguments.ALARM)));
    }

    /** A spec whose call touches the metric namespace named by {@code namespace}. */
    static ToolSpec onNamespace(String name, String title, String description) {
        return spec(name, title, description,
                arguments -> named(CloudWatchResourceKind.METRIC_NAMESPACE, arguments.get(Arguments.NAMESPACE)));
    }

    static ToolSpec spec(String name, String title, String description, Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(title).description(description)
                .inputSchema(Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"))
                .access(Access.READ)
                .resources(resources, CloudWatchResourceKind.ALARM.kind(), CloudWatchResourceKind.METRIC_NAMESPACE.kind())
                .freshness(name.equals("list_metrics") ? Freshness.METADATA : Freshness.DATA)
                .build();
    }

    /** The ref of {@code kind} a listing checks an entry called {@code name} against. */
    static ResourceRef ref(CloudWatchResourceKind kind, String name) {
        return new ResourceRef(kind.kind(), name);
    }

    private static List<ResourceRef> named(CloudWatchResourceKind kind, JsonNode identifier) {
        // The schemas require the argument, so the gateway never gets here without it; name nothing rather than throw.
        // Blank strings are named: the gateway refuses them rather than letting them reach AWS unchecked.
        return identifier == null || !identifier.isTextual() ? List.of() : List.of(ref(kind, identifier.textValue()));
    }
}
