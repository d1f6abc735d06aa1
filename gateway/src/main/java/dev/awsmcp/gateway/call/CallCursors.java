package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.cursor.CursorBinding;
import dev.awsmcp.gateway.cursor.CursorRejectedException;
import dev.awsmcp.gateway.cursor.CursorSealer;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.ToolArguments;
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
            return new ToolResult.Success(withNextCursor(data, sealer.seal(data.get(NEXT_CURSOR).textValue(), binding)),
                    success.content());
        }
        return outcome;
    }

    /**
     * A cached answer with its {@code next_cursor} sealed anew for this call's {@code binding} (it was sealed for the call
     * that filled the cache, perhaps by another member of the team); empty when it cannot be (the cache is then bypassed).
     * The sealed cursor has the same length whoever it is for, so the guard's size still holds. The envelope text carries
     * the cursor too; a sealed cursor is base64url, so it appears there verbatim.
     */
    Optional<CallOutcome.Succeeded> reseal(CallOutcome.Succeeded cached, CursorBinding binding) {
        CallOutcome.GuardedAnswer answer = cached.answer();
        JsonNode before = answer.data().json().get(NEXT_CURSOR);
        if (before == null || !before.isTextual()) {
            return Optional.of(cached);
        }
        return sealer.reseal(before.textValue(), binding).map(after -> {
            ObjectNode data = withNextCursor(answer.data().json(), after);
            CallOutcome.GuardedAnswer resealed = answer.withData(data, answer.data().text().replace(before.textValue(), after));
            return new CallOutcome.Succeeded(cached.correlationId(), resealed, cached.cacheAge(), cached.taint());
        });
    }

    /**
     * {@code data} with {@code cursor} as its next cursor, in a new top-level object that shares every other member with
     * {@code data}: results are never changed in place (the guard copies what it changes), so a deep copy of a page of
     * hundreds of items to change one field is not needed.
     */
    private static ObjectNode withNextCursor(ObjectNode data, String cursor) {
        ObjectNode copy = data.objectNode();
        copy.setAll(data);
        copy.put(NEXT_CURSOR, cursor);
        return copy;
    }
}
