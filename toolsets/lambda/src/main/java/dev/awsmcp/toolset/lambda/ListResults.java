package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;

/** The one shape of every listing result: entries, count, truncated and next_cursor when more exists. */
final class ListResults {

    private ListResults() {
    }

    static ObjectNode of(String field, ArrayNode entries, String nextCursor) {
        ObjectNode result = Json.object();
        result.set(field, entries);
        result.put("count", entries.size());
        result.put("truncated", nextCursor != null);
        if (nextCursor != null) {
            result.put("next_cursor", nextCursor);
        }
        return result;
    }

    /** Like {@link #of} for the listings of one function, which name it first. */
    static ObjectNode of(String function, String field, ArrayNode entries, String nextCursor) {
        ObjectNode result = Json.object();
        result.put("function", function);
        result.setAll(of(field, entries, nextCursor));
        return result;
    }
}
