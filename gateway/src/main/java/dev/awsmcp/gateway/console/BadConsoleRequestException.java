package dev.awsmcp.gateway.console;

/** A console request the console cannot answer as asked (400, or {@link #status}); the message names the parameter and the fix. */
final class BadConsoleRequestException extends RuntimeException {

    private final int status;

    BadConsoleRequestException(String message) {
        this(400, message);
    }

    BadConsoleRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
