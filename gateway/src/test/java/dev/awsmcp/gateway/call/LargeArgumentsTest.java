package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EchoToolsetFactory;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through a real gateway: arguments past {@code limits.maxArgument*} are refused before validation with
 * the limit named, arguments are checked and validated off the event loop, and pings are answered while
 * large bodies are being read and refused.
 */
class LargeArgumentsTest {

    private static RunningGateway gateway;
    private static McpHttp http;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.echo("");
        http = new McpHttp(gateway.url());
        session = http.initialize();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A tools/call of t__echo of about {@code bytes} bytes, with one small property per 12 bytes or so. */
    static String manyKeys(int id, int bytes) {
        StringBuilder arguments = new StringBuilder("{\"text\":\"x\"");
        for (int i = 0; arguments.length() < bytes; i++) {
            arguments.append(",\"k").append(i).append("\":").append(i);
        }
        return McpHttp.toolsCall(id, "t__echo", arguments.append('}').toString());
    }

    private static JsonNode call(String body) throws Exception {
        HttpResponse<String> response = http.post(body, "Mcp-Session-Id", session);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.response(response.body());
    }

    @Test
    void argumentsPastEachLimitAreRefusedNamingIt() throws Exception {
        JsonNode tooMany = call(manyKeys(1, 20_000)).path("result");
        assertThat(tooMany.at("/_meta/errorKind").asText()).isEqualTo("ARGUMENTS_TOO_LARGE");
        assertThat(tooMany.at("/content/0/text").asText()).startsWith("arguments for t__echo refused: arguments hold more than 1000 values")
                .contains("(limits.maxArgumentValues)");

        JsonNode tooDeep = call(McpHttp.toolsCall(2, "t__echo", "{\"text\":\"x\",\"d\":" + "[".repeat(40) + "]".repeat(40) + "}"));
        assertThat(tooDeep.at("/result/content/0/text").asText()).contains("nested deeper than 32 levels (limits.maxArgumentDepth)");

        JsonNode tooLarge = call(McpHttp.toolsCall(3, "t__echo", "{\"text\":\"x\",\"blob\":\"" + "y".repeat(400_000) + "\"}"));
        assertThat(tooLarge.at("/result/content/0/text").asText()).contains("larger than 327680 bytes as JSON (limits.maxArgumentBytes)");
    }

    @Test
    void argumentsAreCheckedOffTheEventLoop() throws Exception {
        EchoToolsetFactory.ADMISSION_THREADS.clear();
        JsonNode echoed = call(McpHttp.toolsCall(4, "t__echo", "{\"text\":\"within limits\"}"));
        assertThat(echoed.at("/result/structuredContent/text").asText()).isEqualTo("within limits");
        assertThat(EchoToolsetFactory.ADMISSION_THREADS).isNotEmpty().noneMatch(thread -> thread.contains("eventloop"));
    }

    @Test
    void pingsAreAnsweredWhileLargeBodiesAreReadAndRefused() throws Exception {
        String big = manyKeys(5, 1_000_000);
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<JsonNode>> bigs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bigs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return call(big);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            int pings = 0;
            do {
                assertThat(call(ping).path("result").isObject()).isTrue();
                pings++;
            } while (!bigs.stream().allMatch(CompletableFuture::isDone));
            for (CompletableFuture<JsonNode> refused : bigs) {
                assertThat(refused.join().at("/result/_meta/errorKind").asText()).isEqualTo("ARGUMENTS_TOO_LARGE");
            }
            assertThat(pings).isPositive();
        } finally {
            senders.shutdownNow();
        }
    }
}
