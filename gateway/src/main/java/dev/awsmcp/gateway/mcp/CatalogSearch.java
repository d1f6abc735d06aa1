package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.call.GatewayTool;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.toolset.ArgumentValidator;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code search_tools} of a compact catalog: the tools the caller may see whose name, title, description or toolset type
 * match the query's keywords (case-insensitive; a keyword matches a word it begins, so {@code table} finds {@code tables}),
 * best first, as their full listed definitions (the entries of a full {@code tools/list}). A tool ranks by how many
 * keywords it matches, then by where: in its name counts most. Visible to every caller who may see some tool.
 */
final class CatalogSearch implements GatewayTool {

    static final String NAME = "search_tools";
    static final int DEFAULT_LIMIT = 8;
    private static final int MAX_LIMIT = 50;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final ObjectNode INPUT_SCHEMA = schema("""
            {"type":"object","properties":{
              "query":{"type":"string","minLength":1,"maxLength":200,"description":"keywords, e.g. \\"dynamodb query\\" or \\"log errors\\""},
              "limit":{"type":"integer","minimum":1,"maximum":50,"description":"default 8"}},
             "required":["query"],"additionalProperties":false}""");
    private static final ArgumentValidator ARGUMENTS = ArgumentValidator.compile(INPUT_SCHEMA);

    /** The definition {@code tools/list} shows. */
    static final McpSchema.Tool DEFINITION = McpSchema.Tool.builder()
            .name(NAME)
            .title("Search tools")
            .description("Finds more of your tools by keyword when the one you need is not listed: matches their names and "
                    + "descriptions. Returns their full definitions, best match first; call a found tool by its name.")
            .inputSchema(Json.mapper().convertValue(ListedSchema.of(INPUT_SCHEMA), Map.class))
            .annotations(new McpSchema.ToolAnnotations(null, true, null, null, null, null))
            .build();

    /** A tool as searched: what it is, the words of its name, the words of the rest, and its listed definition. */
    private record Entry(RegisteredTool tool, Set<String> nameWords, Set<String> otherWords, ObjectNode definition) {
    }

    private record Match(Entry entry, int keywords, int score, int order) {
    }

    private final List<Entry> entries;

    /** @param described every tool's listed definition by exposed name */
    CatalogSearch(ToolsetRegistry registry, Map<String, McpSchema.Tool> described) {
        this.entries = registry.tools().stream().map(tool -> {
            McpSchema.Tool definition = described.get(tool.name());
            return new Entry(tool, words(tool.name()), words(tool.instance().config().type() + " " + definition.title() + " "
                    + definition.description()), Json.mapper().valueToTree(definition));
        }).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean visible(EffectivePolicy policy) {
        return entries.stream().anyMatch(entry -> policy.toolVisible(entry.tool()));
    }

    @Override
    public ObjectNode answer(EffectivePolicy policy, ObjectNode arguments) {
        Optional<String> invalid = ARGUMENTS.validate(arguments);
        if (invalid.isPresent()) {
            throw new IllegalArgumentException(invalid.get() + ". Give query as keywords, e.g. {\"query\": \"dynamodb query\"}");
        }
        Set<String> keywords = words(arguments.get("query").asText());
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("argument 'query' has no keywords; give words such as \"dynamodb query\"");
        }
        int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (policy.toolVisible(entry.tool())) {
                Match match = match(entry, keywords, i);
                if (match.keywords() > 0) {
                    matches.add(match);
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::keywords).reversed().thenComparing(Comparator.comparingInt(Match::score).reversed())
                .thenComparingInt(Match::order));
        ObjectNode answer = Json.object();
        ArrayNode tools = answer.putArray("tools");
        matches.stream().limit(Math.min(limit, MAX_LIMIT)).forEach(match -> tools.add(match.entry().definition()));
        answer.put("matches", matches.size());
        return answer;
    }

    private static Match match(Entry entry, Set<String> keywords, int order) {
        int matched = 0;
        int score = 0;
        for (String keyword : keywords) {
            int points = entry.nameWords().contains(keyword) ? 3 : begins(entry.nameWords(), keyword) ? 2
                    : begins(entry.otherWords(), keyword) ? 1 : 0;
            matched += points > 0 ? 1 : 0;
            score += points;
        }
        return new Match(entry, matched, score, order);
    }

    private static boolean begins(Set<String> words, String keyword) {
        return words.stream().anyMatch(word -> word.startsWith(keyword));
    }

    private static ObjectNode schema(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the input schema of " + NAME + " is not JSON", e);
        }
    }

    private static Set<String> words(String text) {
        return Arrays.stream(WORDS.split(text.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
