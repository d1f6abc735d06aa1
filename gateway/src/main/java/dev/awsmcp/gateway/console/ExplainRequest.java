package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.policy.PolicyExplanation;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The explain form: {@code {principal, groups: [..], tool, arguments: {..} | null}}, answered as {@code policy explain}
 * answers it, under the policy set in force. Unknown fields are refused naming them.
 *
 * @param principal a JWT subject, or {@code apikey:<key id>}
 * @param groups the principal's groups (JWT)
 * @param tool an exposed tool name
 * @param arguments the call's arguments; null to decide on the tool alone
 */
record ExplainRequest(String principal, List<String> groups, String tool, JsonNode arguments) {

    private static final Set<String> FIELDS = Set.of("principal", "groups", "tool", "arguments");

    /** The request of {@code body}; throws {@link BadConsoleRequestException} naming what is wrong. */
    static ExplainRequest parse(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new BadConsoleRequestException("the body must be a JSON object {principal, groups, tool, arguments}");
        }
        Set<String> unknown = new TreeSet<>();
        json.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new BadConsoleRequestException("unknown field(s) " + unknown + "; known: principal, groups, tool, arguments");
        }
        String principal = text(json, "principal");
        String tool = text(json, "tool");
        List<String> groups = new ArrayList<>();
        for (JsonNode group : json.path("groups")) {
            if (!group.isTextual()) {
                throw new BadConsoleRequestException("groups: must be a list of group names");
            }
            if (!group.asText().isBlank()) {
                groups.add(group.asText().trim());
            }
        }
        JsonNode arguments = json.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw new BadConsoleRequestException("arguments: must be a JSON object of the tool's arguments, e.g. {\"table\":\"orders\"}");
        }
        return new ExplainRequest(principal, groups, tool, arguments == null || arguments.isNull() ? null : arguments);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadConsoleRequestException(field + ": required, e.g. " + (field.equals("tool") ? "ddb__query" : "apikey:incident-bot"));
        }
        return value.asText().trim();
    }

    /** The explanation under the policies in force, as JSON. */
    ObjectNode explain(ConsoleSources sources) {
        PolicyExplanation explained = PolicyExplanation.explain(sources.policies().current(), PolicyExplanation.principal(principal, groups),
                sources.registry().find(tool).orElse(null), arguments);
        ObjectNode json = Json.object();
        json.put("verdict", explained.verdict().name());
        json.put("principal", explained.principal());
        json.set("teams", Json.mapper().valueToTree(explained.teams()));
        json.put("tool", tool);
        json.put("team", explained.team());
        json.put("detail", explained.detail());
        json.put("policyFingerprint", sources.policies().current().fingerprint());
        return json;
    }
}
