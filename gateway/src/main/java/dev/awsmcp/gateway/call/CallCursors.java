package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.cursor.CursorBinding;
import dev.awsmcp.gateway.cursor.CursorRejectedException;
import dev.awsmcp.gateway.cursor.CursorSealer;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.ToolArguments;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paging cursors at the pipeline's edge, so that no toolset can forget them: the {@code cursor} argument
 * of every call is opened before the toolset runs (a cursor this gateway did not seal for this very call,
 * or one past its expiry, refuses the call before AWS is called), and the {@code next_cursor} of every
 * result is sealed before the result guard sizes it. Toolsets read and write their own cursors.
 */
final class CallCursors {

    /** The result field that carries the cursor of the next page. */
    static final String NEXT_CURSOR = "next_cursor";

    private final CursorSealer sealer;

    CallCursors(CursorSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * {@code arguments} with the toolset's own cursor in place of the sealed one (a copy), or {@code arguments}
     * itself when they have no cursor; a cursor that is not a string is left for the schema check.
     */
    ObjectNode open(ObjectNode arguments, CursorBinding binding) throws CursorRejectedException {
        JsonNode cursor = arguments.get(ToolArguments.CURSOR);
        if (cursor == null || !cursor.isTextual() || cursor.textValue().isEmpty()) {
            return arguments;
        }
        ObjectNode opened = arguments.deepCopy();
        opened.put(ToolArguments.CURSOR, sealer.open(cursor.textValue(), binding));
        return opened;
    }

    /** {@code outcome} with its {@code next_cursor} sealed for {@code binding}; anything else unchanged. */
    ToolResult seal(ToolResult outcome, CursorBinding binding) {
        if (outcome instanceof ToolResult.Success success && success.data() instanceof ObjectNode data
                && data.path(NEXT_CURSOR).isTextual() && !data.get(NEXT_CURSOR).textValue().isEmpty()) {
            ObjectNode sealed = data.deepCopy();
            sealed.put(NEXT_CURSOR, sealer.seal(data.get(NEXT_CURSOR).textValue(), binding));
            return new ToolResult.Success(sealed, success.content());
        }
        return outcome;
    }

    /**
     * A cached result with its {@code next_cursor} sealed anew for this call's {@code binding} (it was sealed for
     * the call that filled the cache, perhaps by another member of the team); empty when it cannot be (the cache is
     * then bypassed). The sealed cursor has the same length whoever it is for, so the guard's size still holds.
     */
    Optional<CallToolResult> reseal(CallToolResult cached, CursorBinding binding) {
        if (!(cached.structuredContent() instanceof Map<?, ?> content) || !(content.get(NEXT_CURSOR) instanceof String before)) {
            return Optional.of(cached);
        }
        return sealer.reseal(before, binding).map(after -> {
            Map<Object, Object> structured = new LinkedHashMap<>(content);
            structured.put(NEXT_CURSOR, after);
            return CallToolResult.builder()
                    .content(cached.content().stream().map(part -> replace(part, before, after)).toList())
                    .structuredContent(structured)
                    .isError(cached.isError())
                    .meta(cached.meta())
                    .build();
        });
    }

    /** The JSON text of the data carries the cursor too; a sealed cursor is base64url, so it appears there verbatim. */
    private static Content replace(Content part, String before, String after) {
        return part instanceof TextContent text && text.text().contains(before)
                ? new TextContent(text.annotations(), text.text().replace(before, after), text.meta())
                : part;
    }
}
