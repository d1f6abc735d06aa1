package dev.awsmcp.gateway.auth;

/**
 * A caller could not be authenticated. The message is safe to show the client: it says what is wrong
 * and never contains the presented key or token.
 */
public final class AuthenticationException extends RuntimeException {

    private final boolean credentialsPresented;

    /**
     * @param message what is wrong, for the client
     * @param credentialsPresented whether a bearer value was presented (answers carry
     *     {@code error="invalid_token"} then)
     */
    public AuthenticationException(String message, boolean credentialsPresented) {
        super(message, null, false, false);
        this.credentialsPresented = credentialsPresented;
    }

    /** A presented token that is not valid. */
    public static AuthenticationException invalidToken(String message) {
        return new AuthenticationException(message, true);
    }

    /** Whether the request carried a bearer value. */
    public boolean credentialsPresented() {
        return credentialsPresented;
    }
}
