package dev.awsmcp.gateway.console;

import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.InboundAuthentication;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.ConsoleConfig;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.transport.RequestGuardHandler;
import io.vertx.core.Vertx;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open the console, decided once at startup from {@code admin.host} and {@code admin.console}:
 * <ul>
 * <li>admin listener on loopback: anyone who can reach it, without login; {@code Host} and {@code Origin} must be
 *     loopback names, so that a web page cannot reach it through DNS rebinding;</li>
 * <li>elsewhere, with {@code admin.console.admins}: every API request authenticates as on the MCP endpoint (API key or
 *     JWT as {@code Authorization: Bearer}) and the principal must match an admin entry; the static page holds no data;</li>
 * <li>elsewhere without admins: refused (fail closed): every console path answers 403 saying how to enable it, and
 *     startup logs the same.</li>
 * </ul>
 */
final class ConsoleAccess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccess.class);
    private static final java.util.regex.Pattern LOOPBACK_IPV4 = java.util.regex.Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private final boolean loopback;
    private final String refusal;
    private final List<ConsoleConfig.Admin> admins;
    private final InboundAuthentication authentication;

    private ConsoleAccess(boolean loopback, String refusal, List<ConsoleConfig.Admin> admins, InboundAuthentication authentication) {
        this.loopback = loopback;
        this.refusal = refusal;
        this.admins = admins;
        this.authentication = authentication;
    }

    /** The access rule of {@code config}'s admin listener; authentication runs on {@code vertx} (the listener's own). */
    static ConsoleAccess create(Vertx vertx, GatewayConfig config) {
        String host = config.admin().host();
        List<ConsoleConfig.Admin> admins = config.admin().console().admins();
        if (RequestGuardHandler.isLoopback(host)) {
            return new ConsoleAccess(true, null, admins, null);
        }
        if (admins.isEmpty()) {
            String refusal = "the audit console is refused: admin.host " + host + " is not loopback and admin.console.admins names "
                    + "no one; list who may open it (e.g. admin.console.admins: [ { group: security-reviewers } ]) to serve it "
                    + "with the gateway's authentication, bind admin.host to 127.0.0.1, or set admin.console.enabled: false";
            LOG.warn(refusal);
            return new ConsoleAccess(false, refusal, admins, null);
        }
        InboundAuthentication authentication = InboundAuthentication.create(vertx, config.auth(), config.server().path());
        authentication.start(10);
        LOG.info("audit console: admin.host {} is not loopback; API requests authenticate and must match admin.console.admins ({} entries)",
                host, admins.size());
        return new ConsoleAccess(false, null, admins, authentication);
    }

    /** Puts the access rule in front of every route under {@code /console}; call before mounting them. */
    void guard(Router router, String prefix) {
        if (refusal != null) {
            router.route(prefix + "*").handler(ctx -> ConsoleResponses.error(ctx, 403, refusal));
            return;
        }
        if (loopback) {
            router.route(prefix + "*").handler(this::loopbackNamesOnly);
            return;
        }
        router.route(prefix + "api/*").handler(authentication.handler()).handler(this::adminsOnly);
    }

    /** Whether the console is served at all (false when refused). */
    boolean serves() {
        return refusal == null;
    }

    private void loopbackNamesOnly(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        if (authority == null || !loopbackName(authority.host())) {
            ConsoleResponses.error(ctx, 403, "Host '" + (authority == null ? "" : authority.host()) + "' is not a loopback name; "
                    + "open the console as http://127.0.0.1:<admin port>/console/");
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !loopbackOrigin(origin)) {
            ConsoleResponses.error(ctx, 403, "Origin '" + origin + "' is not a loopback page; the console answers only its own page");
            return;
        }
        ctx.next();
    }

    /** {@code localhost} or a loopback IP literal; never a DNS name that merely starts with 127. */
    static boolean loopbackName(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1") || LOOPBACK_IPV4.matcher(name).matches();
    }

    private static boolean loopbackOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return "http".equals(uri.getScheme()) && uri.getHost() != null && loopbackName(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void adminsOnly(RoutingContext ctx) {
        Principal principal = AuthenticationHandler.principal(ctx);
        if (principal == null || admins.stream().noneMatch(admin -> matches(admin, principal))) {
            ConsoleResponses.error(ctx, 403, (principal == null ? "the caller" : principal.id()) + " is not a console admin; add it, its API "
                    + "key id or one of its groups to admin.console.admins");
            return;
        }
        ctx.next();
    }

    private static boolean matches(ConsoleConfig.Admin admin, Principal principal) {
        return admin.group() != null && principal.groups().contains(admin.group())
                || admin.apiKey() != null && admin.apiKey().equals(principal.apiKeyId())
                || admin.principal() != null && admin.principal().equals(principal.id());
    }

    @Override
    public void close() {
        if (authentication != null) {
            authentication.close();
        }
    }
}
