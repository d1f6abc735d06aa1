package dev.awsmcp.testkit;

/** Moto server could not be started, reached or reset; the message says why and how to fix it. */
public final class MotoServerException extends RuntimeException {

    public MotoServerException(String message) {
        super(message);
    }

    public MotoServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
