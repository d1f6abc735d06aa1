package dev.awsmcp.gateway.taint;

import java.util.Objects;

/**
 * What a taint is kept under. A session (MCP 2025-11-25 over HTTP, stdio) keeps its own taint, and a new session starts
 * clean. Requests without a session (MCP 2026-07-28) share their authenticated principal's taint for a window (see
 * {@link TaintTracker}); a client cannot shed it by leaving the session out or by naming itself differently: its
 * self-reported {@code clientInfo} is never part of the key, since it could then only narrow it.
 */
public sealed interface TaintKey {

    /** The taint of session {@code sessionId}; null when there is no session. */
    static TaintKey session(String sessionId) {
        return sessionId == null ? null : new Session(sessionId);
    }

    /** The taint of principal {@code principalId}'s requests without a session. */
    static TaintKey principal(String principalId) {
        return new Principal(principalId);
    }

    /** Who is tainted, for a person: "this session". */
    String subject();

    /** @param sessionId the MCP session id */
    record Session(String sessionId) implements TaintKey {
        public Session {
            Objects.requireNonNull(sessionId, "sessionId");
        }

        @Override
        public String subject() {
            return "this session";
        }
    }

    /** @param principalId the authenticated principal's id ({@code apikey:<key id>}, or a JWT's subject) */
    record Principal(String principalId) implements TaintKey {
        public Principal {
            Objects.requireNonNull(principalId, "principalId");
        }

        @Override
        public String subject() {
            return "your requests without a session";
        }
    }
}
