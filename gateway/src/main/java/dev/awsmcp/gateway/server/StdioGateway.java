package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.auth.Principal;
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
 */
public final class StdioGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StdioGateway.class);

    private StdioGateway() {
    }

    /** Serves until the client closes stdin or the JVM stops, acting as {@code principal}. */
    public static void run(GatewayRuntime runtime, Principal principal) throws InterruptedException {
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
        McpAsyncServer server = runtime.servers().create(transport, principal);
        LOG.info("serving MCP over stdio");
        Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "stdio-shutdown"));
        done.await();
        server.close();
    }
}
