package dev.awsmcp.toolset.logs;

/** Arguments the schema could not rule out are wrong; the message tells the model the fix. */
final class ToolArgumentException extends RuntimeException {

    ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
