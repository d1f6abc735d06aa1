package dev.awsmcp.gateway.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The union of several IAM policy documents of Allow statements, such as the teams' rendered grants of one
 * toolset: statements with the same actions and condition are merged into one over the union of their
 * resources (exactly the same permissions, fewer characters), and the result is rendered by the same
 * {@link SessionPolicyDocument} as each grant was. A document that allows nothing (its one statement denies
 * everything) adds nothing. Any other Deny, or a statement shaped unlike the toolsets' renderings, is refused:
 * a union of Allows cannot carry one team's restriction to the others. Not thread-safe: add, render, discard.
 */
final class PermissionPolicyUnion {

    /** What makes statements mergeable: their actions and their one condition (operator, key, values), if any. */
    private record StatementKey(List<String> actions, String operator, String conditionKey, List<String> values) {
    }

    private final Map<StatementKey, Set<String>> resources = new LinkedHashMap<>();

    /**
     * Adds the Allow statements of {@code document} (IAM policy JSON).
     *
     * @throws IllegalArgumentException when the document is not JSON, or has a statement a union cannot carry
     */
    PermissionPolicyUnion add(String document) {
        JsonNode statements;
        try {
            statements = Json.mapper().readTree(document).path("Statement");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an IAM policy document: " + e.getOriginalMessage());
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            if (deniesEverything(statement)) {
                continue;
            }
            if (!"Allow".equals(statement.path("Effect").asText())) {
                throw new IllegalArgumentException("statement " + statement + " is not an Allow; a role's union of grants cannot carry it");
            }
            resources.computeIfAbsent(key(statement), k -> new LinkedHashSet<>()).addAll(values(statement.path("Resource")));
        }
        return this;
    }

    /** The union as compact JSON, or empty when no document allowed anything. */
    Optional<String> toJson() {
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        SessionPolicyDocument document = new SessionPolicyDocument();
        resources.forEach((key, arns) -> document.allow(key.actions(), List.copyOf(arns), key.operator(), key.conditionKey(), key.values()));
        return Optional.of(document.toJson());
    }

    private static boolean deniesEverything(JsonNode statement) {
        return "Deny".equals(statement.path("Effect").asText()) && "*".equals(statement.path("Action").asText())
                && "*".equals(statement.path("Resource").asText()) && statement.path("Condition").isMissingNode();
    }

    private static StatementKey key(JsonNode statement) {
        List<String> actions = values(statement.path("Action"));
        JsonNode condition = statement.path("Condition");
        if (condition.isMissingNode()) {
            return new StatementKey(actions, null, null, List.of());
        }
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        Map.Entry<String, JsonNode> operator = operators.hasNext() ? operators.next() : null;
        Iterator<Map.Entry<String, JsonNode>> keys = operator == null ? null : operator.getValue().fields();
        Map.Entry<String, JsonNode> key = keys != null && keys.hasNext() ? keys.next() : null;
        if (key == null || operators.hasNext() || keys.hasNext()) {
            throw new IllegalArgumentException("statement " + statement + " has a condition other than one operator on one key");
        }
        return new StatementKey(actions, operator.getKey(), key.getKey(), values(key.getValue()));
    }

    private static List<String> values(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a statement names no action or resource");
        }
        return values;
    }
}
