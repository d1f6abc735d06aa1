package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination cursors: the position AWS returned (a last evaluated key, a next token) wrapped with the
 * scope it belongs to, so a cursor from one table or log group cannot be replayed against another.
 * A toolset puts the encoded cursor in the result's {@link dev.awsmcp.toolset.api.ToolResult#NEXT_CURSOR} field
 * and reads it back from the {@link dev.awsmcp.toolset.api.ToolCall#CURSOR} argument; the gateway seals and
 * opens it in between, so a toolset needs no secret and, called directly (tests), works alike.
 */
public final class PageCursor {

    private static final int MAX_CURSOR_LENGTH = 16384;

    private PageCursor() {
    }

    /**
     * Encodes a position for one scope (for example {@code "query:orders:status-index"}).
     */
    public static String encode(String scope, JsonNode position) {
        ObjectNode wrapper = Json.object();
        wrapper.put("s", scope);
        wrapper.set("p", position);
        try {
            byte[] json = Json.mapper().writeValueAsBytes(wrapper);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    /**
     * Decodes a cursor produced by {@link #encode} for the same scope.
     *
     * @throws IllegalArgumentException with a message for the model when the cursor is malformed or was
     *     issued for another scope
     */
    public static JsonNode decode(String cursor, String scope) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw new IllegalArgumentException("cursor is too long; pass next_cursor exactly as returned");
        }
        JsonNode wrapper;
        try {
            wrapper = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
        }
        if (wrapper == null || !wrapper.path("s").isTextual() || !wrapper.has("p")) {
            throw new IllegalArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
        }
        if (!wrapper.get("s").asText().equals(scope)) {
            throw new IllegalArgumentException("cursor belongs to another request; repeat the same arguments with it or drop it to start over");
        }
        return wrapper.get("p");
    }
}
