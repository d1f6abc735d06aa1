package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.PatternInjectionDetector;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What writing a tool call's JSON-RPC response costs, as the transport writes it ({@code writeValueAsBytes} of the
 * gateway's MCP mapper: the envelope text and the structured content), with the guarded result as the guard hands it
 * over (its structured content copied from the bytes the guard wrote) against the same tree written again. The results
 * are {@link ResultPayloads} of about 1 and 32 KiB. CPU time of the measuring thread, the two alternating, median of 7
 * rounds after a warm-up; the ratio is the figure on a shared machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.awsmcp.bench.ResponseWriteCpuTime</pre>
 */
public final class ResponseWriteCpuTime {

    private static final McpJsonMapper RESPONSES = McpServerFactory.JSON;
    private static final int ROUNDS = 7;

    private ResponseWriteCpuTime() {
    }

    public static void main(String[] args) {
        ResultGuard guard = new ResultGuard(new SecretRedactor(true), new PatternInjectionDetector());
        System.out.printf("%-18s %8s %10s %13s %13s %7s%n", "payload", "result", "response", "tree us", "written us", "ratio");
        for (String kind : List.of(ResultPayloads.DYNAMODB, ResultPayloads.LOGS, ResultPayloads.MARKDOWN)) {
            for (int bytes : new int[] {1024, 32 * 1024}) {
                ObjectNode result = ResultPayloads.of(kind, bytes);
                int size = ResultPayloads.size(result);
                GuardedResult guarded = guard.apply(result, new GuardContext(GuardMode.FLAG, 2 * size + 1024, "bench",
                        "bench__" + kind, List.of("bench")));
                ObjectNode tree = guarded.json().deepCopy();
                Supplier<Object> writtenAgain = () -> write(tree, guarded.text());
                Supplier<Object> copied = () -> write(guarded.json(), guarded.text());
                CpuTime.microsPerCall(writtenAgain, 1_500_000_000L);
                CpuTime.microsPerCall(copied, 1_500_000_000L);
                double[] before = new double[ROUNDS];
                double[] after = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    before[r] = CpuTime.microsPerCall(writtenAgain, 200_000_000L);
                    after[r] = CpuTime.microsPerCall(copied, 200_000_000L);
                }
                Arrays.sort(before);
                Arrays.sort(after);
                System.out.printf("%-18s %8d %10d %13.1f %13.1f %6.2fx%n", kind, size, ((byte[]) copied.get()).length,
                        before[ROUNDS / 2], after[ROUNDS / 2], after[ROUNDS / 2] / before[ROUNDS / 2]);
            }
        }
    }

    private static byte[] write(JsonNode structured, String text) {
        try {
            return RESPONSES.writeValueAsBytes(new McpSchema.JSONRPCResponse("2.0", 7, McpSchema.CallToolResult.builder()
                    .content(List.of(new McpSchema.TextContent(text))).structuredContent(structured).isError(false)
                    .meta(Map.of("correlationId", "bench")).build(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
