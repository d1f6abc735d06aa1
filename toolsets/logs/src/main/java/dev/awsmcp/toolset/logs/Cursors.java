package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;

/**
 * Cursor scopes and decoding for the log tools. A scope names the tool and every argument that
 * shapes the result (raw, as the caller gave them), so a cursor from another log group, stream,
 * pattern or window is refused instead of silently continuing the wrong listing.
 */
final class Cursors {

    private Cursors() {
    }

    /** The scope of a call of {@code tool} with these arguments; nulls allowed. */
    static String scope(String tool, Object... parts) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Object part : parts) {
            array.add(Json.mapper().valueToTree(part));
        }
        return tool + ":" + array;
    }

    /** The AWS token in a position that holds only a token, or {@code null} when there is no cursor. */
    static String token(Arguments arguments, String scope) {
        JsonNode position = arguments.cursor(scope);
        if (position == null) {
            return null;
        }
        if (!position.isTextual()) {
            throw invalid();
        }
        return position.textValue();
    }

    static ToolArgumentException invalid() {
        return new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
    }
}
