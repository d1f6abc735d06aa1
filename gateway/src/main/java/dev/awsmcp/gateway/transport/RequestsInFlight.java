package dev.awsmcp.gateway.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;

/**
 * The client requests being answered now, per session and JSON-RPC id, so that
 * {@code notifications/cancelled} can stop one: its processing is disposed (a tool call then cancels
 * its AWS work and is audited as cancelled) and its stream ends without a response, as the protocol
 * asks. Only the session that sent a request can cancel it.
 */
final class RequestsInFlight {

    private record Running(Disposable processing, SseStream stream) {
    }

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private static String key(String sessionId, Object requestId) {
        return sessionId + '\u0000' + requestId;
    }

    void started(String sessionId, Object requestId, Disposable processing, SseStream stream) {
        running.put(key(sessionId, requestId), new Running(processing, stream));
    }

    void finished(String sessionId, Object requestId) {
        running.remove(key(sessionId, requestId));
    }

    /** Cancels request {@code requestId} of session {@code sessionId}; false when it is not running (done, or never was). */
    boolean cancel(String sessionId, Object requestId) {
        Running request = requestId == null ? null : running.remove(key(sessionId, requestId));
        if (request == null) {
            return false;
        }
        request.processing().dispose();
        request.stream().close();
        return true;
    }
}
