package dev.awsmcp.gateway.console;

import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.AuditedArguments;
import dev.awsmcp.gateway.audit.AwsIdentity;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.audit.HashChain;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.toolset.support.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Audit files written as the gateway writes them (real {@link ToolCallRecord}s through the real {@link HashChain}),
 * with chosen times: record {@code seq} n arrived at {@link #START} plus n seconds. Every 7th call is denied; the
 * principal of a call is {@code apikey:agent-<n mod 5>}, except that {@link #RARE_PRINCIPAL} makes only call 3.
 */
final class GeneratedTrail {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final String RARE_PRINCIPAL = "apikey:rare-visitor";

    private final HashChain chain = new HashChain(null);
    private long written;

    /** Appends calls numbered {@code written + 1 .. written + count} to {@code file}. */
    GeneratedTrail write(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < count; i++) {
                written++;
                out.write(chain.next(call(written)).json());
                out.write('\n');
            }
        }
        return this;
    }

    /** When call {@code n} arrived. */
    static Instant time(long n) {
        return START.plusSeconds(n);
    }

    private static ToolCallRecord call(long n) {
        boolean denied = n % 7 == 0;
        String principal = n == 3 ? RARE_PRINCIPAL : "apikey:agent-" + (n % 5);
        return new ToolCallRecord(time(n), "corr-" + n, "session-" + (n / 10), principal, Set.of("payments-oncall"), null,
                "ddb__query", "ddb", "READ", AuditedArguments.of(Json.object().put("table", "payments-orders").put("limit", (int) (n % 100))),
                denied ? "denied" : "allowed", denied ? "table payments-orders is outside the resources granted" : "payments.yaml:4: tools [query]",
                denied ? null : "payments-oncall", denied ? AwsIdentity.DEFAULT_CHAIN
                        : new AwsIdentity("arn:aws:iam::123456789012:role/mcp-ddb", "payments-oncall.apikey_agent", "apikey_agent"),
                denied ? List.of() : List.of("REQ" + n), 12, 512, 512, false, List.of(),
                denied ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, denied ? ErrorKind.ACCESS_DENIED : null, null, null, null);
    }
}
