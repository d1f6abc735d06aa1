package dev.awsmcp.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run --compare JAR}: two gateway builds side by side on the same backends, so that a difference
 * between them is not the machine's. Separate full runs on this shared machine differ by 2-3x in speed within an
 * afternoon, and the CPU phase's warm-up rule stops after 6,000 to 14,000 calls for the same code, which moves how much
 * compiling is left for the cells. Here both gateways get the same warm-up (a fixed number of mixed calls, taken in
 * turns of {@link CpuPhase#ROUND_CALLS} calls), then every cell runs on one and at once on the other, in the order
 * A B in even rounds and B A in odd ones, so a slot's bias cancels over pairs of rounds. Reported per cell: the
 * server's process CPU per call of each, split by thread kind, and B over A per round with their median.
 */
final class SideBySide {

    /** One gateway of the pair, with its clients (one MCP session each, opened once). */
    private record Side(String label, McpTarget target, List<Target.Client> clients) {
    }

    /** One gateway's figures in one cell: process CPU per call, its split by thread kind ({@link ThreadCpu}), p50. */
    record Figures(double cpuUs, Map<String, Double> threadsUs, double p50Us) {
        static Figures of(Runner.Cell cell) {
            return new Figures(cell.cpuUsPerCall(), cell.threadsUsPerCall(), cell.latency().p50());
        }

        double part(String kind) {
            return threadsUs.getOrDefault(kind, 0.0);
        }

        @Override
        public String toString() {
            return "%.0f / %.0f / %.0f / %.0f".formatted(cpuUs, part("app"), part("jit"), part("vm"));
        }
    }

    /** One round of one cell: which gateway ran first, and both gateways' figures. */
    record Round(String order, Figures a, Figures b) {
        double bOverA() {
            return b.cpuUs() / a.cpuUs();
        }

        double appBOverA() {
            return b.part("app") / a.part("app");
        }
    }

    /** One cell (operation, clients) over the rounds. */
    record Cell(Operation operation, int clients, List<Round> rounds) {
        double medianBOverA() {
            return Report.median(rounds.stream().map(Round::bOverA).toList());
        }

        double medianAppBOverA() {
            return Report.median(rounds.stream().map(Round::appBOverA).toList());
        }
    }

    private SideBySide() {
    }

    /**
     * Runs the comparison and writes {@code stem}.json and .md into {@code out}.
     *
     * @param warmupCalls mixed calls each gateway gets before the first cell (the same for both)
     * @param rounds how many times every cell runs on each gateway
     * @param sessions sessions each gateway then holds open for its RSS (0: none), after the same load
     * @param settleSeconds how long both hold them, at the same time, before their RSS is read again (0: once)
     */
    static Path run(McpTarget a, McpTarget b, List<Operation> operations, List<Integer> loads, int warmupCalls, int rounds, Runner runner,
            int sessions, int settleSeconds, Map<String, Object> header, Path out, String stem) throws Exception {
        int most = loads.stream().mapToInt(Integer::intValue).max().orElse(1);
        Side sideA = new Side("A", a, new ArrayList<>());
        Side sideB = new Side("B", b, new ArrayList<>());
        try {
            for (Side side : List.of(sideA, sideB)) {
                while (side.clients().size() < most) {
                    side.clients().add(side.target().connect());
                }
            }
            warmUp(List.of(sideA, sideB), operations, warmupCalls);
            List<Cell> cells = new ArrayList<>();
            for (Operation operation : operations) {
                for (int load : loads) {
                    cells.add(new Cell(operation, load, new ArrayList<>()));
                }
            }
            for (int round = 0; round < rounds; round++) {
                List<Side> order = round % 2 == 0 ? List.of(sideA, sideB) : List.of(sideB, sideA);
                for (Cell cell : cells) {
                    Map<String, Figures> figures = new LinkedHashMap<>();
                    for (Side side : order) {
                        Runner.Cell measured = runner.measure(side.target(), cell.operation(), side.clients().subList(0, cell.clients()));
                        if (measured.errors() > 0) {
                            throw new IllegalStateException("gateway " + side.label() + ", " + cell.operation().label + " c=" + cell.clients() + ": "
                                    + measured.errors() + " errors, first: " + measured.firstError());
                        }
                        figures.put(side.label(), Figures.of(measured));
                    }
                    Round done = new Round(String.join("", figures.keySet()), figures.get("A"), figures.get("B"));
                    cell.rounds().add(done);
                    System.out.printf("bench: round %d %-38s c=%-3d A %s  B %s  B/A %.2f%n", round + 1, cell.operation().label, cell.clients(),
                            done.a(), done.b(), done.bOverA());
                }
            }
            List<Runner.Sessions> held = new ArrayList<>();
            if (sessions > 0) {
                // Both at once, so that each is read as long after the cells and after the same wait.
                java.util.concurrent.Callable<Runner.Sessions> heldA = () -> Runner.sessions(a, sessions, true, settleSeconds,
                        out.resolve(stem + "-native-memory-A.txt"));
                java.util.concurrent.FutureTask<Runner.Sessions> onA = new java.util.concurrent.FutureTask<>(heldA);
                new Thread(onA, "sessions-A").start();
                Runner.Sessions onB = Runner.sessions(b, sessions, true, settleSeconds, out.resolve(stem + "-native-memory-B.txt"));
                held.add(onA.get());
                held.add(onB);
            }
            double geomean = geomean(cells.stream().mapToDouble(Cell::medianBOverA).toArray());
            Map<String, Object> json = new LinkedHashMap<>(header);
            json.put("A", a.describe());
            json.put("B", b.describe());
            json.put("warmup_mixed_calls_each", warmupCalls);
            json.put("rounds", rounds);
            json.put("cells", cells.stream().map(SideBySide::json).toList());
            json.put("sessions", held);
            json.put("geomean_b_over_a", geomean);
            Files.createDirectories(out);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(stem + ".json").toFile(), json);
            return writeMarkdown(out.resolve(stem + ".md"), a, b, warmupCalls, rounds, cells, geomean, held);
        } finally {
            for (Side side : List.of(sideA, sideB)) {
                side.clients().forEach(Target.Client::close);
            }
        }
    }

    /** The same mixed calls for both, in turns, so that both warm up on the same stretch of the machine's time. */
    private static void warmUp(List<Side> sides, List<Operation> operations, int calls) throws Exception {
        List<Operation> mix = new ArrayList<>(BenchCommand.CPU_MIX);
        operations.stream().filter(o -> !mix.contains(o)).forEach(mix::add);
        for (int done = 0; done < calls; done += CpuPhase.ROUND_CALLS) {
            for (Side side : sides) {
                Target.Client client = side.clients().get(0);
                for (int i = 0; i < CpuPhase.ROUND_CALLS; i++) {
                    Target.Outcome outcome = client.call(mix.get((done + i) % mix.size()));
                    if (outcome.error()) {
                        throw new IllegalStateException("warm-up call failed on gateway " + side.label() + ": " + outcome.message());
                    }
                }
            }
        }
        System.out.printf("bench: side by side: both gateways warmed up with %,d mixed calls%n", calls);
    }

    @SuppressWarnings("unchecked")
    private static Path writeMarkdown(Path file, McpTarget a, McpTarget b, int warmupCalls, int rounds, List<Cell> cells, double geomean,
            List<Runner.Sessions> held) throws IOException {
        StringBuilder md = new StringBuilder("# Two gateway builds side by side\n\n");
        for (McpTarget side : List.of(a, b)) {
            md.append(side == a ? "A" : "B").append(": `").append(side.describe().get("jar")).append("`, JVM options `")
                    .append(String.join(" ", (List<String>) side.describe().get("jvm_options"))).append("`  \n");
        }
        md.append("\nSame backends, %,d mixed warm-up calls each (in turns), then every cell on both, %d rounds (A B, then B A)."
                .formatted(warmupCalls, rounds)).append(" Server process CPU per call (µs), and its application threads' part; the VM thread's part")
                .append(" is the serial collector's collections (it runs them) and the JIT's the compiler threads'.\n\n");
        md.append("| operation | clients | A cpu / app / jit / vm per round | B cpu / app / jit / vm per round | B/A cpu (median) | B/A app (median) |\n")
                .append("|---|---:|---|---|---:|---:|\n");
        for (Cell cell : cells) {
            md.append("| ").append(cell.operation().label).append(" | ").append(cell.clients()).append(" | ")
                    .append(String.join(", ", cell.rounds().stream().map(r -> r.a().toString()).toList()))
                    .append(" | ")
                    .append(String.join(", ", cell.rounds().stream().map(r -> r.b().toString()).toList()))
                    .append(" | %.2f | %.2f |\n".formatted(cell.medianBOverA(), cell.medianAppBOverA()));
        }
        md.append("\nGeometric mean of the cells' median B/A (process CPU): %.3f.\n".formatted(geomean));
        for (Runner.Sessions s : held) {
            md.append("\n%s: RSS %d MiB with %d sessions open after the cells (%d MiB before them)%s, heap after a full GC %d MiB."
                    .formatted(s == held.get(0) ? "A" : "B", s.rssKb() / 1024, s.sessions(), s.rssBeforeKb() / 1024,
                            s.rssSettledKb() > 0 ? ", %d MiB after %d s without calls".formatted(s.rssSettledKb() / 1024, s.settleSeconds()) : "",
                            s.heapAfterGcKb() / 1024));
        }
        md.append('\n');
        Files.writeString(file, md);
        System.out.println(md);
        return file;
    }

    private static Map<String, Object> json(Cell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", cell.operation().name());
        json.put("label", cell.operation().label);
        json.put("clients", cell.clients());
        json.put("median_b_over_a", cell.medianBOverA());
        json.put("median_app_b_over_a", cell.medianAppBOverA());
        json.put("rounds", cell.rounds());
        return json;
    }

    private static double geomean(double[] values) {
        double logs = 0;
        for (double v : values) {
            logs += Math.log(v);
        }
        return Math.exp(logs / values.length);
    }
}
