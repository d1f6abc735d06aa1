package dev.awsmcp.gateway.cursor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The call a cursor continues: who called (how they authenticated and their id), which tool (the
 * exposed, namespaced name) and every argument but the cursor itself, as a SHA-256 of their canonical
 * JSON (keys sorted at every level). A cursor sealed for one binding opens only for an equal one. The
 * digest is computed when a cursor is sealed or opened, so calls that do not page pay nothing; the
 * arguments must not change meanwhile.
 */
public final class CursorBinding {

    private final String principal;
    private final String tool;
    private final ObjectNode arguments;

    private CursorBinding(String principal, String tool, ObjectNode arguments) {
        this.principal = principal;
        this.tool = tool;
        this.arguments = arguments;
    }

    /** The binding of a call of {@code tool} by {@code principal} with {@code arguments} (the cursor is left out). */
    public static CursorBinding of(Principal principal, String tool, ObjectNode arguments) {
        return new CursorBinding(principal.method().name() + ":" + principal.id(), tool, arguments);
    }

    /** The 32 digest bytes. */
    byte[] digest() {
        ObjectNode others = arguments.deepCopy();
        others.remove(ToolCall.CURSOR);
        ObjectNode call = Json.object();
        call.put("principal", principal);
        call.put("tool", tool);
        call.set("arguments", others);
        try {
            return MessageDigest.getInstance("SHA-256").digest(Json.canonical(call).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code other} is this binding's digest; compares in constant time. */
    boolean matches(byte[] other) {
        return MessageDigest.isEqual(digest(), other);
    }
}
