package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moto cannot inject faults, so a tiny HTTP server answering every request with a retryable 503 shows
 * that invoke goes out once while read tools keep the SDK's retries.
 */
@ExtendWith(LocalAwsExtension.class)
class InvokeRetryTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startFailingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"Type\":\"Service\",\"message\":\"overloaded\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ServiceException");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFailingServer() {
        server.stop(0);
    }

    private ToolResult call(LocalAws aws, String tool, String arguments) {
        ToolsetConfig config = new ToolsetConfig("lambda", "lambda", aws.region(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null);
        try (Toolset toolset = new LambdaToolsetFactory().create(config, aws.toolsetContext())) {
            return toolset.call(new ToolCall(tool, args(arguments)), aws.callContext()).toCompletableFuture().join();
        }
    }

    @Test
    void invokeIsSentOnceEvenWhenAwsAnswersARetryableError(LocalAws aws) {
        ToolResult result = call(aws, "invoke", "{'function':'payments-refund-worker'}");

        assertThat(((ToolResult.Failure) result).kind()).isEqualTo(ToolResult.Kind.UPSTREAM);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void readToolsKeepTheClientsRetries(LocalAws aws) {
        ToolResult result = call(aws, "get_function_configuration", "{'function':'payments-refund-worker'}");

        assertThat(((ToolResult.Failure) result).kind()).isEqualTo(ToolResult.Kind.UPSTREAM);
        assertThat(requests.get()).isGreaterThan(1);
    }
}
