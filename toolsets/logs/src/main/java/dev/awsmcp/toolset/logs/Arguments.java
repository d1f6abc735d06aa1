package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.support.ToolArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The CloudWatch Logs arguments on top of {@link ToolArguments}: lists of names, and log groups given
 * by name or ARN. Empty strings and empty lists read as {@code null}, which AWS would reject or treat as
 * absent anyway.
 */
final class Arguments extends ToolArguments {

    Arguments(ObjectNode node) {
        super(node);
    }

    /** A list of non-empty strings, or {@code null} when absent or empty. */
    List<String> optionalTexts(String name) {
        JsonNode value = optional(name);
        if (value == null || !value.isArray() || value.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        value.forEach(element -> {
            if (!element.asText().isEmpty()) {
                texts.add(element.asText());
            }
        });
        return texts.isEmpty() ? null : List.copyOf(texts);
    }

    /** The {@code log_group} argument as the name AWS expects: an ARN (which the gateway has authorized) reduced to its name. */
    String logGroup() {
        return groupName(text(ToolSpecs.LOG_GROUP));
    }

    /** The {@code log_groups} argument, each ARN reduced to its name. */
    List<String> logGroups() {
        return texts(ToolSpecs.LOG_GROUPS).stream().map(Arguments::groupName).distinct().toList();
    }

    private static String groupName(String nameOrArn) {
        Matcher arn = LogsResources.ARN.matcher(nameOrArn);
        return arn.matches() ? arn.group(3) : nameOrArn;
    }

    List<String> texts(String name) {
        List<String> texts = optionalTexts(name);
        if (texts == null) {
            throw new ToolArgumentException(name + " needs at least one entry");
        }
        return texts;
    }
}
