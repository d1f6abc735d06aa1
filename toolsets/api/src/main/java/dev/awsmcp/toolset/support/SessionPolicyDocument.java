package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An IAM policy document of Allow statements, rendered as compact JSON for the inline session policy
 * of STS AssumeRole. A document without statements denies everything. Not thread-safe: build, render,
 * discard.
 */
public final class SessionPolicyDocument {

    /** The most plaintext characters AWS accepts in a session policy. */
    public static final int MAX_CHARACTERS = 2048;

    private final ArrayNode statements = Json.mapper().createArrayNode();

    /** Allows {@code actions} on {@code resources}; nothing is added when either is empty. */
    public SessionPolicyDocument allow(List<String> actions, List<String> resources) {
        return allow(actions, resources, null, null, List.of());
    }

    /**
     * Allows {@code actions} on {@code resources} under one condition, e.g. {@code StringLike},
     * {@code s3:prefix}, the allowed values; nothing is added when actions or resources are empty.
     */
    public SessionPolicyDocument allow(List<String> actions, List<String> resources, String operator, String key, List<String> values) {
        if (actions.isEmpty() || resources.isEmpty()) {
            return this;
        }
        ObjectNode statement = statements.addObject().put("Effect", "Allow");
        statement.set("Action", oneOrMany(actions));
        statement.set("Resource", oneOrMany(resources));
        if (operator != null) {
            statement.putObject("Condition").putObject(operator).set(key, oneOrMany(values));
        }
        return this;
    }

    /** The document as compact JSON, without whitespace. */
    public String toJson() {
        ObjectNode document = Json.object().put("Version", "2012-10-17");
        if (statements.isEmpty()) {
            document.putArray("Statement").addObject().put("Effect", "Deny").put("Action", "*").put("Resource", "*");
        } else {
            document.set("Statement", statements.deepCopy());
        }
        try {
            return Json.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A policy-file pattern as IAM pattern text: {@code *} stays the only wildcard; IAM's other special
     * characters {@code ?} and {@code $} become the literal policy variables {@code ${?}} and {@code ${$}}.
     */
    public static String pattern(String pattern) {
        StringBuilder iam = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            iam.append(c == '?' || c == '$' ? "${" + c + "}" : String.valueOf(c));
        }
        return iam.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode oneOrMany(List<String> values) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() == 1) {
            return Json.mapper().getNodeFactory().textNode(distinct.iterator().next());
        }
        ArrayNode array = Json.mapper().createArrayNode();
        distinct.forEach(array::add);
        return array;
    }
}
