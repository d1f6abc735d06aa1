package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;

/**
 * Rewrites the result of a client request before the transport sends it, knowing the caller: the way
 * lists the SDK builds for every caller alike ({@code resources/list}, {@code prompts/list}, ...) are
 * cut to what this caller may use. Runs on the thread that produced the result; must not block.
 */
@FunctionalInterface
public interface ResponseFilter {

    /** Sends every result as the SDK built it. */
    ResponseFilter NONE = (method, caller, result) -> result;

    /** The result of {@code method} to send to {@code caller} (null only when nobody authenticated). */
    Object filter(String method, Principal caller, Object result);
}
