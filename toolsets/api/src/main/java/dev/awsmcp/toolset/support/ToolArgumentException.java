package dev.awsmcp.toolset.support;

/**
 * Arguments the tool's input schema could not rule out are wrong (a missing table, a cursor from
 * another request, start after end). Toolsets throw it while reading arguments and turn it into
 * {@link dev.awsmcp.toolset.api.ToolResult.Kind#INVALID_ARGUMENT} with the message unchanged, so the message must tell the
 * model the fix. Carries no stack trace: it is an answer, not a bug.
 */
public final class ToolArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure whose {@code message} (not null) is shown to the model as it is. */
    public ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
