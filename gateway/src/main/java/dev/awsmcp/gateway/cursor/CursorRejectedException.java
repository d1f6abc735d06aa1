package dev.awsmcp.gateway.cursor;

/** A cursor argument the gateway did not issue for this call, or issued too long ago; the message is for the model. */
public final class CursorRejectedException extends Exception {
    CursorRejectedException(String message) {
        super(message, null, false, false);
    }
}
