package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.audit.AuditChainVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit verify}: check audit files against their hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check audit file(s) for edited, deleted, inserted or reordered lines; exit 0 when intact, 1 otherwise.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE",
                description = "Audit file(s), oldest first when rotated: audit.jsonl.2 audit.jsonl.1 audit.jsonl")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new GatewayCommand.CommandFailedException(file + ": no such file; pass an audit file, e.g. audit/audit.jsonl");
                }
            }
            AuditChainVerifier.Result result = AuditChainVerifier.verify(files);
            if (!result.intact()) {
                out.println("BROKEN " + result.problem());
                out.flush();
                return 1;
            }
            if (result.records() == 0) {
                out.println("OK: no records");
            } else {
                out.printf("OK: %d record(s), seq %d..%d, chain intact%s; last hash %s%n", result.records(), result.firstSequence(),
                        result.head().sequence(), result.firstSequence() == 1 ? " from genesis" : " (continues an earlier file)",
                        result.head().hash());
            }
            out.flush();
            return 0;
        }
    }
}
