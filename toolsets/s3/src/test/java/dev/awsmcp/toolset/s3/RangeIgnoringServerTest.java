package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A store that ignores {@code Range} and streams a whole 50 MB object (S3 and moto always honour it,
 * so this needs a server of its own): get_object still reads only its byte budget and stops the stream.
 */
class RangeIgnoringServerTest {

    private static final long SIZE = 50L * 1024 * 1024;

    private static HttpServer server;
    private static SdkAsyncHttpClient http;
    private static Toolset toolset;
    private static final AtomicLong written = new AtomicLong();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, SIZE);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < SIZE; sent += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // Expected: the toolset stops reading after its budget.
            }
        });
        server.start();
        http = NettyNioAsyncHttpClient.builder().build();
        ToolsetContext context = new ToolsetContext() {
            @Override
            public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildClient(B builder, ToolsetConfig config) {
                return builder.region(config.region()).endpointOverride(config.endpoint()).httpClient(http).build();
            }
        };
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        toolset = new S3ToolsetFactory().create(new ToolsetConfig("s3", "s3", Region.US_EAST_1, endpoint, null), context);
    }

    @AfterAll
    static void stop() {
        toolset.close();
        http.close();
        server.stop(0);
    }

    private ToolResult call(String arguments) {
        CallContext context = new CallContext(new Caller("tester", Set.of()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Instant.now().plusSeconds(20), ResultLimits.DEFAULT, "c-1");
        return toolset.call(new ToolCall("get_object", args(arguments)), context).toCompletableFuture().join();
    }

    @Test
    void readsOnlyTheBudgetWhenTheStoreSendsTheWholeObject() {
        long before = written.get();
        ToolResult result = call("{'bucket':'big-bucket','key':'huge.txt'}");

        JsonNode data = ((ToolResult.Success) result).data();
        assertThat(data.get("bytes_returned").asInt()).isEqualTo(GetObjectTool.contentBudget(ResultLimits.DEFAULT));
        assertThat(data.get("total_size").asLong()).isEqualTo(SIZE);
        assertThat(data.get("truncated").asBoolean()).isTrue();
        assertThat(written.get() - before).isLessThan(SIZE);
    }

    @Test
    void refusesToPretendAnOffsetWasHonoured() {
        ToolResult result = call("{'bucket':'big-bucket','key':'huge.txt','range_start':100}");

        assertThat(result).isInstanceOf(ToolResult.Failure.class);
        assertThat(((ToolResult.Failure) result).kind()).isEqualTo(ToolResult.Kind.UPSTREAM);
        assertThat(((ToolResult.Failure) result).message()).contains("ignored the Range header");
    }
}
