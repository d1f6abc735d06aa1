package dev.awsmcp.gateway.auth;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller of the gateway: who it is, how it proved it, and the facts policies match
 * team membership on.
 *
 * @param id stable identifier: {@code apikey:<key id>} for API keys, the token's subject for JWTs, the
 *     configured name for stdio; never blank
 * @param method how the caller authenticated
 * @param groups groups from the identity provider (JWT groups claim); empty for API keys and stdio
 * @param apiKeyId the key id when {@code method} is {@link Method#API_KEY}, else null
 */
public record Principal(String id, Method method, Set<String> groups, String apiKeyId) {

    /** How a principal authenticated. */
    public enum Method { API_KEY, JWT, STDIO }

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        if (id.isBlank()) {
            throw new IllegalArgumentException("principal id must not be blank");
        }
        groups = Set.copyOf(groups);
        if ((method == Method.API_KEY) != (apiKeyId != null)) {
            throw new IllegalArgumentException("apiKeyId is set exactly for API key principals");
        }
    }

    /** What the id of an API-key principal starts with; no other principal's id does (JWT subjects with it are refused). */
    public static final String API_KEY_PREFIX = "apikey:";

    /** The caller of {@code serve --stdio} when {@code auth.stdio} names nobody. */
    public static final Principal LOCAL = stdio("local", Set.of());

    /** A principal authenticated by the API key with id {@code keyId}. */
    public static Principal apiKey(String keyId) {
        return new Principal(API_KEY_PREFIX + keyId, Method.API_KEY, Set.of(), keyId);
    }

    /** A principal authenticated by a JWT with subject {@code subject}. */
    public static Principal jwt(String subject, Set<String> groups) {
        return new Principal(subject, Method.JWT, groups, null);
    }

    /** The configured principal of a stdio session. */
    public static Principal stdio(String name, Set<String> groups) {
        return new Principal(name, Method.STDIO, groups, null);
    }
}
