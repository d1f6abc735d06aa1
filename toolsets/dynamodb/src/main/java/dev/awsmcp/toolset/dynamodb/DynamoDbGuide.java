package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.PromptSpec;
import dev.awsmcp.toolset.api.ValueSource;
import dev.awsmcp.toolset.support.Json;
import java.util.List;

/** What the DynamoDB toolset tells the model besides its tools: usage notes and a query-writing prompt. */
final class DynamoDbGuide {

    private static final String DESCRIBE_TABLE = "describe_table";
    private static final String QUERY = "query";

    private DynamoDbGuide() {
    }

    static String usageNotes(ToolNames names) {
        return """
                # DynamoDB (toolset %1$s)

                - Call `%2$s` first: key schema and indexes decide what a query can do.
                - Prefer `%3$s` (key condition on the partition key, optional sort-key condition, optional index) over
                  `%4$s`; a scan reads the whole table and is capped in pages. Key condition syntax:
                  https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
                - Values are plain JSON (`{":c": "alice", ":n": 5}`); follow `next_cursor` for more items.
                - `%5$s` takes a PartiQL SELECT over one table with a WHERE on the key.
                - The prompt `%6$s` walks through writing the narrowest query for a question.
                """.formatted(names.toolsetId(), names.qualified(DESCRIBE_TABLE), names.qualified(QUERY), names.qualified("scan"),
                names.qualified("execute_partiql"), names.qualified("query_helper"));
    }

    static List<PromptSpec> prompts(ToolNames names) {
        ValueSource tables = new ValueSource("list_tables", (prefix, chosen) -> Json.object(), ValueSource.field("tables", null));
        return List.of(new PromptSpec("query_helper", "Write a DynamoDB query",
                "Turns a question about one table into the narrowest query the table's keys allow.",
                List.of(new PromptSpec.Argument("table", "The table to query", true, tables),
                        new PromptSpec.Argument("goal", "What you want to find, e.g. 'orders of customer 42 in the last hour'", true, null)),
                List.of(DESCRIBE_TABLE, QUERY),
                values -> """
                        I need to find this in the DynamoDB table `%1$s`: %2$s

                        1. Call `%3$s` with {"table": "%1$s"} and read its key schema and indexes.
                        2. Pick the key: the partition key (of the table or of an index) must be fixed by an equality;
                           use the sort key for ranges. If no key fits, say so instead of scanning.
                        3. Call `%4$s` with `key_condition`, `expression_attribute_values` (plain JSON), optionally `index`,
                           `filter`, `projection` and a small `limit`; follow `next_cursor` only if needed.
                        4. Answer from the items, quoting the key values you used.
                        """.formatted(values.get("table"), values.get("goal"), names.qualified(DESCRIBE_TABLE), names.qualified(QUERY))));
    }
}
