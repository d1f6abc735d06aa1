package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what a client can hold of one HTTP listener without doing its part (slowloris): a new
 * connection must deliver its first request head within the header timeout; a request its whole body
 * within the body timeout (else 408 and the connection closes); a connection waiting for its next
 * request is closed after the idle timeout, and so is one without traffic in either direction (the
 * listener's own idle handler; event streams send keep-alive comments, see {@link TransportLimits}); one
 * client address holds at most {@code maxPerAddress} connections at once, more are closed as they
 * arrive. HTTP/1.1 only: {@link #configure} turns cleartext HTTP/2 off, whose connections Vert.x creates
 * only once the first bytes arrived (and TLS and HTTP/2 are the load balancer's job), and WebSocket compression
 * off (no listener serves WebSockets; with it on, every request and response passes an extension handler).
 * Install it with {@link #configure}, {@code connectionHandler(guard::connected)} and as the router's
 * first handler.
 */
public final class ConnectionGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Vertx vertx;
    private final ConnectionLimits limits;
    private final String listener;
    private final Map<HttpConnection, Tracked> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final ThrottledWarnings warnings = new ThrottledWarnings();

    /** One connection's requests under way and the timer that closes it while it owes a request head. */
    private static final class Tracked {
        final String address;
        int active;
        long waiting = -1;

        Tracked(String address) {
            this.address = address;
        }
    }

    /** A guard for the listener named {@code listener} (in log lines) of {@code vertx}. */
    public ConnectionGuard(Vertx vertx, ConnectionLimits limits, String listener) {
        this.vertx = vertx;
        this.limits = limits;
        this.listener = listener;
    }

    /** {@code options} with the idle timeout set and cleartext HTTP/2 off. */
    public HttpServerOptions configure(HttpServerOptions options) {
        return options.setIdleTimeout((int) limits.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHttp2ClearTextEnabled(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false);
    }

    /** The listener's connection handler: counts the connection against its address and starts its header deadline. */
    public void connected(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
        int count = perAddress.merge(address, 1, Integer::sum);
        Tracked tracked = new Tracked(address);
        connection.closeHandler(v -> closed(connection, tracked));
        if (limits.maxPerAddress() > 0 && count > limits.maxPerAddress()) {
            if (warnings.first(address)) {
                LOG.warn("{} listener: {} holds {} connections, more than server.connections.maxPerAddress ({}); closing the new ones "
                        + "(repeats within a minute are not logged)", listener, address, count - 1, limits.maxPerAddress());
            }
            connection.close();
            return;
        }
        connections.put(connection, tracked);
        awaitRequest(connection, tracked, limits.headerTimeout().toMillis(), "its first request head within server.connections.headerTimeout");
    }

    /** The router's first handler: the request head arrived; bounds the wait for its body and re-arms the next request's deadline. */
    @Override
    public void handle(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        Tracked tracked = connection == null ? null : connections.get(connection);
        if (tracked != null) {
            tracked.active++;
            cancel(tracked);
            ctx.addEndHandler(done -> {
                tracked.active--;
                if (tracked.active == 0 && connections.containsKey(connection)) {
                    awaitRequest(connection, tracked, limits.idleTimeout().toMillis(), "its next request within server.connections.idleTimeout");
                }
            });
        }
        if (!ctx.request().isEnded()) {
            long body = vertx.setTimer(limits.bodyTimeout().toMillis(), timer -> bodyTooSlow(ctx));
            ctx.request().end().onComplete(done -> vertx.cancelTimer(body));
            ctx.addEndHandler(done -> vertx.cancelTimer(body));
        }
        ctx.next();
    }

    private void bodyTooSlow(RoutingContext ctx) {
        if (ctx.request().isEnded() || ctx.response().ended()) {
            return;
        }
        LOG.info("{} listener: {} {} from {}: body not received within {} ms (server.connections.bodyTimeout); connection closed", listener,
                ctx.request().method(), ctx.request().path(), ctx.request().remoteAddress(), limits.bodyTimeout().toMillis());
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Connection", "close");
        }
        JsonRpcErrors.send(ctx, 408, JsonRpcErrors.TRANSPORT_ERROR, "request body not received within " + limits.bodyTimeout().toMillis()
                + " ms (server.connections.bodyTimeout); send the whole body without pauses");
        ctx.request().connection().close();
    }

    private void awaitRequest(HttpConnection connection, Tracked tracked, long millis, String owed) {
        cancel(tracked);
        tracked.waiting = vertx.setTimer(millis, timer -> {
            if (tracked.active == 0) {
                LOG.debug("{} listener: closing a connection from {} that did not send {}", listener, tracked.address, owed);
                connection.close();
            }
        });
    }

    private void cancel(Tracked tracked) {
        if (tracked.waiting >= 0) {
            vertx.cancelTimer(tracked.waiting);
            tracked.waiting = -1;
        }
    }

    private void closed(HttpConnection connection, Tracked tracked) {
        if (connections.remove(connection) != null) {
            cancel(tracked);
        }
        perAddress.computeIfPresent(tracked.address, (address, count) -> count > 1 ? count - 1 : null);
    }
}
