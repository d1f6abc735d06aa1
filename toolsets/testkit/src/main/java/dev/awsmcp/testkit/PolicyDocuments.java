package dev.awsmcp.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading IAM policy documents in session policy tests: parse strictly, list the allowed actions, find
 * the statement of an action, read fields that IAM lets be one string or a list.
 */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /** Parses {@code json} with the shared strict mapper; fails the test on invalid JSON. */
    public static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not valid JSON: " + json, e);
        }
    }

    /** Every action some Allow statement of {@code document} names. */
    public static Set<String> allowedActions(JsonNode document) {
        Set<String> actions = new LinkedHashSet<>();
        document.get("Statement").forEach(s -> {
            if ("Allow".equals(s.path("Effect").asText())) {
                actions.addAll(values(s.get("Action")));
            }
        });
        return actions;
    }

    /** The Allow statements naming {@code action}. */
    public static List<JsonNode> statementsOf(JsonNode document, String action) {
        List<JsonNode> found = new ArrayList<>();
        document.get("Statement").forEach(s -> {
            if ("Allow".equals(s.path("Effect").asText()) && values(s.get("Action")).contains(action)) {
                found.add(s);
            }
        });
        return found;
    }

    /** The one Allow statement naming {@code action}; fails when there is none or several. */
    public static JsonNode statementOf(JsonNode document, String action) {
        List<JsonNode> found = statementsOf(document, action);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " statements allow " + action + " in " + document);
        }
        return found.get(0);
    }

    /** A field that is one string or an array of strings, as a list; empty when absent. */
    public static List<String> values(JsonNode oneOrMany) {
        List<String> values = new ArrayList<>();
        if (oneOrMany == null || oneOrMany.isMissingNode()) {
            return values;
        }
        if (oneOrMany.isArray()) {
            oneOrMany.forEach(v -> values.add(v.asText()));
        } else {
            values.add(oneOrMany.asText());
        }
        return values;
    }
}
