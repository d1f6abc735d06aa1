package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.StdioAuthConfig;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway over stdio, for desktop clients that start it as a subprocess: the SDK's stdio
 * transport, one session, until stdin closes. Logs go to stderr so stdout carries only protocol.
 * Stdio carries no credentials: the caller is {@code auth.stdio}, or principal {@code local}.
 */
public final class StdioGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StdioGateway.class);

    private StdioGateway() {
    }

    /** Serves until the client closes stdin or the JVM stops, as the principal of {@code auth.stdio}. */
    public static void run(GatewayRuntime runtime) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        // The SDK closes its session on end of input but tells nobody; this stream does.
        InputStream input = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return atEnd(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return atEnd(super.read(b, off, len));
            }

            private int atEnd(int n) {
                if (n < 0) {
                    done.countDown();
                }
                return n;
            }
        };
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpServerFactory.JSON, input, System.out);
        Principal principal = principal(runtime.config().auth().stdio());
        McpAsyncServer server = runtime.servers().create(transport, principal);
        LOG.info("serving MCP over stdio as principal {}", principal.id());
        Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "stdio-shutdown"));
        done.await();
        server.close();
    }

    static Principal principal(StdioAuthConfig config) {
        return config == null ? Principal.LOCAL : Principal.stdio(config.principal(), java.util.Set.copyOf(config.groups()));
    }
}
