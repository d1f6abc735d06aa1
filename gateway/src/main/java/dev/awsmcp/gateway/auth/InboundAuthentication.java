package dev.awsmcp.gateway.auth;

import dev.awsmcp.gateway.config.AuthConfig;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound authentication of the HTTP listener, built from {@code auth}: the authenticators, the
 * handler that runs them and the metadata handler. Created and started once by the HTTP gateway;
 * closing it stops the key set refresh.
 */
public final class InboundAuthentication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundAuthentication.class);

    private final JwtAuthenticator jwt;
    private final AuthenticationHandler handler;
    private final ProtectedResourceMetadataHandler metadata;
    private final ProtectedResource resource;

    private InboundAuthentication(JwtAuthenticator jwt, AuthenticationHandler handler, ProtectedResourceMetadataHandler metadata,
            ProtectedResource resource) {
        this.jwt = jwt;
        this.handler = handler;
        this.metadata = metadata;
        this.resource = resource;
    }

    /**
     * Loads the key file and prepares JWT verification; throws {@link ConfigException} when neither is
     * configured (the HTTP listener never runs unauthenticated) or the key file is invalid.
     */
    public static InboundAuthentication create(Vertx vertx, AuthConfig config, String mcpPath) {
        if (!config.protectsHttp()) {
            throw new ConfigException("auth: serving over HTTP needs authentication; configure auth.apiKeys "
                    + "(file of SHA-256 key hashes) and/or auth.jwt (tokens of your identity provider), see "
                    + "docs/authentication.md. Only serve --stdio runs without them");
        }
        ApiKeyAuthenticator apiKeys = null;
        if (config.apiKeys() != null) {
            ApiKeyFile file = ApiKeyFile.load(Path.of(config.apiKeys().file()), new ConfigLoader());
            apiKeys = ApiKeyAuthenticator.create(file);
            LOG.info("API keys: {} key(s) from {}: {}", file.keys().size(), file.file(),
                    String.join(", ", file.keys().stream().map(ApiKeyFile.Entry::id).toList()));
        }
        JwtAuthenticator jwt = config.jwt() == null ? null : JwtAuthenticator.create(vertx, config.jwt());
        ProtectedResource resource = new ProtectedResource(config.resourceUrl(), mcpPath);
        return new InboundAuthentication(jwt, AuthenticationHandler.create(apiKeys, jwt, resource),
                ProtectedResourceMetadataHandler.create(resource, config.jwt() == null ? null : config.jwt().issuer()), resource);
    }

    /**
     * Fetches the issuer's key set when JWTs are configured, waiting up to {@code timeoutSeconds} on the
     * calling (non-event-loop) thread; an unreachable issuer is logged and retried, not fatal.
     */
    public void start(long timeoutSeconds) {
        if (jwt == null) {
            return;
        }
        try {
            Boolean loaded = jwt.start().toCompletionStage().toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
            if (!Boolean.TRUE.equals(loaded)) {
                LOG.error("no JWT signing keys yet; JWTs are refused until the JWKS can be fetched");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.error("no JWT signing keys yet ({}); JWTs are refused until the JWKS can be fetched", e.toString());
        }
    }

    /** Authenticates requests to the MCP endpoint. */
    public AuthenticationHandler handler() {
        return handler;
    }

    /** Serves the protected resource metadata document. */
    public ProtectedResourceMetadataHandler metadataHandler() {
        return metadata;
    }

    /** The paths the metadata document is served at. */
    public List<String> metadataPaths() {
        return resource.metadataPaths();
    }

    @Override
    public void close() {
        if (jwt != null) {
            jwt.close();
        }
    }
}
