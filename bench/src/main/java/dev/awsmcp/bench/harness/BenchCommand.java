package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench/run}: the end-to-end benchmark. Starts the backends (moto, DynamoDB Local), seeds the data
 * set, starts the gateway jar and the peers, runs the workload through every target at every load,
 * measures memory with many open sessions, summarizes the gateway's JFR profile, and writes the report.
 * Exits 1 when a call or session failed (so the CI smoke run catches a broken path).
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end benchmark: direct AWS SDK vs the gateway vs peer MCP servers, on local backends.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--smoke", description = "Seconds-long check for CI: tiny data set, 1 client, few calls, peers only if installed, no JFR.")
    boolean smoke;

    @Option(names = "--loads", split = ",", defaultValue = "1,16,64", description = "Concurrent clients per step. Default: ${DEFAULT-VALUE}.")
    List<Integer> loads;

    @Option(names = "--warmup", defaultValue = "200", description = "Warm-up calls per cell (not measured). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--calls", defaultValue = "2000", description = "Measured calls per cell (direct and gateway). Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--peer-calls", defaultValue = "400", description = "Measured calls per peer cell (peers are far slower). Default: ${DEFAULT-VALUE}.")
    int peerCalls;

    @Option(names = "--max-cell-seconds", defaultValue = "120", description = "Upper bound on one cell's measured phase. Default: ${DEFAULT-VALUE}.")
    int maxCellSeconds;

    @Option(names = "--cpu-warmup", defaultValue = "20000",
            description = "Calls of the CPU phase's mixed warm-up, all of them every run (the report says when the JIT's share first stayed under 10%%). 0: no CPU phase. Default: ${DEFAULT-VALUE}.")
    int cpuWarmup;

    @Option(names = "--cpu-steady", defaultValue = "1000", description = "Calls per operation in the CPU phase's steady state. Default: ${DEFAULT-VALUE}.")
    int cpuSteady;

    @Option(names = "--cpu-mix", split = ",", description = "Operations of the CPU phase (enum names). Default: ping, tools/list and the tool calls of the per-call targets.")
    List<Operation> cpuMix;

    @Option(names = "--cpu-only", description = "Start the backends and the gateway, run the CPU phase, print it and stop (no cells, peers or sessions).")
    boolean cpuOnly;

    @Option(names = "--operations", split = ",", description = "Operations of the latency cells (enum names). Default: all but ping.")
    List<Operation> operations;

    @Option(names = "--compare", paramLabel = "JAR",
            description = "Run this second gateway jar (B) side by side with --gateway-jar (A) on the same backends: the same warm-up,"
                    + " then every cell of --operations and --loads on one and at once on the other, --compare-rounds times, and report B"
                    + " over A per cell (see SideBySide), then each one's RSS with --sessions open. No CPU phase or peers.")
    Path compare;

    @Option(names = "--compare-jvm-options", paramLabel = "FILE",
            description = "With --compare (whose JAR may then be the same as --gateway-jar): B's JVM options file instead of --jvm-options,"
                    + " to compare two sets of options on one build.")
    Path compareJvmOptions;

    @Option(names = "--compare-warmup", defaultValue = "10000", description = "With --compare: mixed warm-up calls each gateway gets. Default: ${DEFAULT-VALUE}.")
    int compareWarmup;

    @Option(names = "--compare-rounds", defaultValue = "4", description = "With --compare: runs of every cell on each gateway. Default: ${DEFAULT-VALUE}.")
    int compareRounds;

    @Option(names = "--sessions", defaultValue = "200", description = "Sessions held open for the memory figure (0: skip). Default: ${DEFAULT-VALUE}.")
    int sessions;

    @Option(names = "--settle", defaultValue = "30",
            description = "Seconds the held sessions stay open without calls before the RSS is read again (the gateway gives back the heap a"
                    + " burst committed after server.idleHeapReturn, 15s); 0: read once. --smoke: 0. Default: ${DEFAULT-VALUE}.")
    int settle;

    @Option(names = "--peers", defaultValue = "install", description = "install | ifInstalled | skip. Default: ${DEFAULT-VALUE}.")
    Peers.Mode peers;

    @Option(names = "--venvs", defaultValue = "bench/target/peer-venvs", description = "Throwaway virtualenvs of the peers. Default: ${DEFAULT-VALUE}.")
    Path venvs;

    @Option(names = "--jfr", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Record the gateway with JFR and summarize where its CPU goes. Default: ${DEFAULT-VALUE}.")
    boolean jfr;

    @Option(names = "--gateway-jar", defaultValue = "gateway/target/mcp-gateway.jar", description = "Default: ${DEFAULT-VALUE}.")
    Path gatewayJar;

    @Option(names = "--gateway-extra", defaultValue = "bench/config/gateway-extra.yaml",
            description = "YAML appended to the generated gateway config (metrics on an admin port). Default: ${DEFAULT-VALUE}.")
    Path gatewayExtra;

    @Option(names = "--gateway-jvm", split = " ",
            description = "JVM options of the gateway process (space-separated). Default: the production options of " + "deploy/config/jvm.options"
                    + " (docs/performance.md), plus the class-data archive next to the jar when there is one (--no-archive: without).")
    List<String> gatewayJvm;

    @Option(names = "--jvm-options", split = ",", defaultValue = "deploy/config/jvm.options",
            description = "The production JVM options file (a java @argfile); --startup compares several. Default: ${DEFAULT-VALUE}.")
    List<Path> jvmOptions;

    @Option(names = "--gateway-java", split = ",", defaultValue = "java",
            description = "The java executable(s) that run the gateway; --startup measures each. Default: ${DEFAULT-VALUE}.")
    List<String> gatewayJava;

    @Option(names = "--archive", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the gateway with its class-data archive (mcp-gateway.jsa or .aot next to the jar) when there is one."
                    + " Default: ${DEFAULT-VALUE}.")
    boolean archive;

    @Option(names = "--startup", description = "Only measure startup to ready, the first call and RSS with --sessions open sessions, with and"
            + " without the archive and against the former options (-Xmx256m), --startup-runs times each; see StartupBench.")
    boolean startup;

    @Option(names = "--startup-runs", defaultValue = "5", description = "Launches per variant with --startup (medians). Default: ${DEFAULT-VALUE}.")
    int startupRuns;

    @Option(names = "--startup-baseline", description = "With --startup: a gateway jar built from an earlier commit, launched first in every round"
            + " with the java on the PATH and -Xmx256m (as that commit ran); every ratio is then to it.")
    Path startupBaseline;

    @Option(names = "--startup-load", defaultValue = "250",
            description = "With --startup: calls per operation at 16 clients before the sessions are opened (0: none). Default: ${DEFAULT-VALUE}.")
    int startupLoad;

    @Option(names = "--out", description = "Where the report goes. Default: bench/results (bench/target/smoke-results with --smoke).")
    Path out;

    @Option(names = "--name", description = "File name stem of the report. Default: the date (UTC).")
    String name;

    @Option(names = "--render", paramLabel = "RESULTS.json",
            description = "Only render the Markdown of an existing results file again (next to it), then exit.")
    Path render;

    /** The CPU phase's mixed workload: the protocol floor, the list, and the tool calls of the per-call target. */
    static final List<Operation> CPU_MIX = List.of(Operation.PING, Operation.TOOLS_LIST, Operation.S3_GET_1K, Operation.DDB_GET_ITEM,
            Operation.LOGS_FILTER, Operation.LAMBDA_LIST);

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (render != null) {
            String stem = render.getFileName().toString().replaceFirst("\\.json$", "");
            Path md = Report.read(render).write(render.toAbsolutePath().getParent(), stem);
            System.out.println("bench: rendered " + md);
            return 0;
        }
        if (smoke) {
            loads = List.of(1);
            warmup = Math.min(warmup, 3);
            calls = Math.min(calls, 20);
            peerCalls = Math.min(peerCalls, 10);
            sessions = Math.min(sessions, 10);
            cpuWarmup = Math.min(cpuWarmup, 2 * CpuPhase.ROUND_CALLS);
            cpuSteady = Math.min(cpuSteady, 20);
            peers = peers == Peers.Mode.install ? Peers.Mode.ifInstalled : peers;
            jfr = false;
        }
        String stem = name != null ? name : LocalDate.now(ZoneOffset.UTC).toString();
        if (startup) {
            Path work = Files.createDirectories(Path.of("bench/target/startup-" + stem).toAbsolutePath());
            return new StartupBench(new StartupBench.Settings(gatewayJava, gatewayJar, jvmOptions, archive, gatewayExtra, startupRuns, startupLoad, sessions,
                    Duration.ofSeconds(maxCellSeconds), startupBaseline), work).run(out != null ? out : Path.of("bench/results"), stem + "-startup");
        }
        if (gatewayJvm == null) {
            gatewayJvm = productionOptions(gatewayJava.get(0));
        }
        Path outDir = out != null ? out : Path.of(smoke ? "bench/target/smoke-results" : "bench/results");
        Path work = Files.createDirectories(Path.of("bench/target/run-" + stem).toAbsolutePath());
        DataSet data = smoke ? DataSet.smoke() : DataSet.full();
        List<String> notes = new ArrayList<>();
        Map<String, Object> header = header(stem, data);
        List<Runner.Cell> cells = new ArrayList<>();
        List<Runner.Sessions> held = new ArrayList<>();
        Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Map<String, Long> peakRss = new LinkedHashMap<>();
        long heap;
        JfrSummary profile = null;
        Duration cellLimit = Duration.ofSeconds(maxCellSeconds);
        try (Backends backends = Backends.start(Path.of("bench/target/native-libs"), work);
                AwsClients aws = AwsClients.create(backends.motoEndpoint(), backends.dynamoDbEndpoint(), 256)) {
            long seedStart = System.nanoTime();
            data.seed(aws, backends.motoEndpoint());
            System.out.printf("bench: backends up and seeded in %.1f s (moto %s, DynamoDB Local %s)%n",
                    (System.nanoTime() - seedStart) / 1e9, backends.motoEndpoint(), backends.dynamoDbEndpoint());
            if (compare != null) {
                return compare(data, backends, work, outDir, stem, header, cellLimit);
            }
            Map<String, Object> gatewayNotes = new LinkedHashMap<>();
            McpTarget gateway = GatewayTarget.start(new GatewayTarget.Settings(gatewayJava.get(0), gatewayJar, work, gatewayExtra, jfr, gatewayJvm), data,
                    backends.motoEndpoint(), backends.dynamoDbEndpoint(), gatewayNotes);
            header.put("gateway", gatewayNotes);
            if (cpuWarmup > 0) {
                List<Operation> mix = cpuMix == null ? CPU_MIX : cpuMix;
                Map<String, Object> cpu = CpuPhase.run(gateway, mix, cpuWarmup, cpuSteady);
                cpu.put("direct_sdk_us", CpuPhase.directFloor(new DirectTarget(aws, data), mix, cpuSteady));
                cpu.put("http_floor", httpFloor(gateway, mix, work));
                gateway.describe().put("cpu_by_thread", cpu);
            }
            if (cpuOnly) {
                targets.put(gateway.name(), gateway.describe());
                peakRss.put("gateway", gateway.meter().peakRssKb());
                gateway.close();
                header.put("command", commandLine());
                notes.add("CPU phase only (--cpu-only): no latency cells, peers or held sessions.");
                notes.add("Gateway JVM options: " + String.join(" ", gatewayJvm) + ".");
                Path md = new Report(header, targets, unavailable, cells, held, peakRss, -1, profile(work), notes).write(outDir, stem);
                System.out.println("bench: report " + md.toAbsolutePath());
                return 0;
            }
            List<Peers.Peer> peerList = Peers.start(peers, venvs.toAbsolutePath(), work, data, backends.motoEndpoint(), backends.dynamoDbEndpoint());
            try {
                Target direct = new DirectTarget(aws, data);
                targets.put(direct.name(), direct.describe());
                targets.put(gateway.name(), gateway.describe());
                cells.addAll(new Runner(warmup, calls, cellLimit).run(direct, cellOperations(), loads));
                Runner gatewayRunner = new Runner(warmup, calls, cellLimit);
                cells.addAll(gatewayRunner.run(gateway, cellOperations(), loads));
                gateway.describe().put("idle_cpu_percent", gatewayRunner.idleCpuPercent());
                for (Peers.Peer peer : peerList) {
                    if (peer.target() == null) {
                        unavailable.put(peer.name(), peer.reason());
                        continue;
                    }
                    targets.put(peer.name(), peer.target().describe());
                    Runner peerRunner = new Runner(Math.min(warmup, 20), peerCalls, cellLimit);
                    cells.addAll(peerRunner.run(peer.target(), cellOperations(), loads));
                    peer.target().describe().put("idle_cpu_percent", peerRunner.idleCpuPercent());
                    if (peer.target().server() != null) {
                        peakRss.put(peer.name(), peer.target().meter().peakRssKb());
                    }
                }
                if (sessions > 0) {
                    held.add(Runner.sessions(gateway, sessions, true, settleSeconds(), outDir.resolve(stem + "-native-memory.txt")));
                    for (Peers.Peer peer : peerList) {
                        if (peer.target() != null && peer.target().server() != null) {
                            held.add(Runner.sessions(peer.target(), sessions, false, settleSeconds(), null));
                            peakRss.put(peer.name(), peer.target().meter().peakRssKb());
                        }
                    }
                }
                heap = gateway.meter().heapAfterGcKb();
                peakRss.put("gateway", gateway.meter().peakRssKb());
            } finally {
                gateway.close();
                peerList.stream().filter(p -> p.target() != null).forEach(p -> p.target().close());
            }
            profile = profile(work);
        }
        header.put("load_average_end", loadAverage());
        notes.addAll(notes(data));
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) ((Map<String, Object>) header.get("gateway")).get("gateway_metrics");
        notes.add(Boolean.TRUE.equals(metrics.get("enabled")) ? "Gateway metrics: ON (" + gatewayExtra + ")."
                : "Gateway metrics: OFF, " + metrics.get("reason") + ". The figures are without metrics.");
        Report report = new Report(header, targets, unavailable, cells, held, peakRss, heap, profile, notes);
        Path md = report.write(outDir, stem);
        System.out.println("bench: report " + md.toAbsolutePath() + " and " + md.resolveSibling(stem + ".json").toAbsolutePath());
        long errors = cells.stream().mapToLong(Runner.Cell::errors).sum() + held.stream().mapToLong(Runner.Sessions::errors).sum();
        if (errors > 0) {
            cells.stream().filter(c -> c.errors() > 0).forEach(c -> System.err.printf("bench: ERROR %s / %s c=%d: %d errors, first: %s%n",
                    c.target(), c.operation().label, c.clients(), c.errors(), c.firstError()));
            held.stream().filter(s -> s.errors() > 0).forEach(s -> System.err.printf("bench: ERROR %s: %d of %d sessions failed: %s%n",
                    s.target(), s.errors(), sessions, s.firstError()));
            return 1;
        }
        long ran = cells.stream().filter(c -> c.skipped() == null).count();
        System.out.printf("bench: %d cells ran without errors (%d skipped, %d peers unavailable)%n", ran,
                cells.size() - ran, unavailable.size());
        return 0;
    }

    /** How this run was started, for the report. */
    private String commandLine() {
        return "bench/run " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private List<Operation> cellOperations() {
        return operations == null ? Operation.all() : operations;
    }

    /** {@code --settle}, none in a smoke run. */
    private int settleSeconds() {
        return smoke ? 0 : settle;
    }

    /** {@code --compare}: the two gateways side by side (A: --gateway-jar, B: --compare), each in a work directory of its own. */
    /** The gateway's JFR recording of this run, summarized; null without one ({@code --no-jfr}). */
    private JfrSummary profile(Path work) throws IOException {
        Path recording = work.resolve("gateway/gateway.jfr");
        return jfr && Files.isRegularFile(recording) ? JfrSummary.read(recording, 15) : null;
    }

    private int compare(DataSet data, Backends backends, Path work, Path outDir, String stem, Map<String, Object> header, Duration cellLimit)
            throws Exception {
        Map<String, Object> notesA = new LinkedHashMap<>();
        Map<String, Object> notesB = new LinkedHashMap<>();
        List<String> jvmB = gatewayJvm;
        if (compareJvmOptions != null) {
            jvmB = new ArrayList<>(JvmOptions.read(compareJvmOptions));
            if (archive) {
                JvmOptions.usableArchive(gatewayJava.get(0), JvmOptions.featureVersion(gatewayJava.get(0)), compare, compareJvmOptions, false)
                        .ifPresent(jvmB::add);
            }
        }
        try (McpTarget a = GatewayTarget.start(new GatewayTarget.Settings(gatewayJava.get(0), gatewayJar, work.resolve("a"), gatewayExtra, jfr, gatewayJvm),
                        data, backends.motoEndpoint(), backends.dynamoDbEndpoint(), notesA);
                McpTarget b = GatewayTarget.start(new GatewayTarget.Settings(gatewayJava.get(0), compare, work.resolve("b"), gatewayExtra, jfr, jvmB),
                        data, backends.motoEndpoint(), backends.dynamoDbEndpoint(), notesB)) {
            header.put("command", commandLine());
            header.put("gateway_a", notesA);
            header.put("gateway_b", notesB);
            header.put("jvm_options_a", gatewayJvm);
            header.put("jvm_options_b", jvmB);
            Path md = SideBySide.run(a, b, cellOperations(), loads, compareWarmup, compareRounds, new Runner(warmup, calls, cellLimit), sessions,
                    settleSeconds(), header, outDir, stem);
            System.out.println("bench: report " + md.toAbsolutePath());
            return 0;
        }
    }

    private List<String> notes(DataSet data) {
        return List.of(
                "Shared machine: 2 cores also running other builds during the run, and the backends, the load generator and the"
                        + " server under test share them. Absolute figures are noisy; compare within the run (the ratios).",
                "Backends on loopback: DynamoDB Local 2.6.1 in the harness JVM (in memory), moto for S3, CloudWatch Logs, Lambda and STS.",
                "Data set: %,d orders, %,d log events in %d groups, S3 text objects of 1 KB, 32 KB, 256 KB and 1 MB, %d functions."
                        .formatted(data.orders(), data.logEvents(), data.logGroups(), data.functions()),
                "Each cell: %d warm-up calls, then %d measured calls (%d for peers) shared by the clients; one MCP session per client."
                        .formatted(warmup, calls, peerCalls),
                "Gateway: every safety feature on (auth, policy, STS roles, schema validation, guard, durable audit, resilience);"
                        + " the read-only result cache is off so each call reaches AWS."
                        + (jfr ? " JFR (profile settings) was recording during the whole run, adding a little CPU." : ""),
                "Gateway JVM options: " + (gatewayJvm.isEmpty() ? "none (JVM defaults)" : String.join(" ", gatewayJvm)) + ".",
                "Server CPU per call: the server process's CPU time (utime+stime, /proc/<pid>/stat) over the measured calls"
                        + " divided by the calls (independent of backend speed); the direct floor has no server process.");
    }

    /**
     * The production options, and with --archive the class-data archive next to the jar that this java can use, as
     * the distribution runs: recorded first when there is none (the smoke run only uses one that is there).
     */
    private List<String> productionOptions(String java) {
        List<String> options = new ArrayList<>(JvmOptions.read(jvmOptions.get(0)));
        if (archive) {
            JvmOptions.usableArchive(java, JvmOptions.featureVersion(java), gatewayJar, jvmOptions.get(0), !smoke).ifPresent(options::add);
        }
        return options;
    }

    static Map<String, Object> machine() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("load_average_start", loadAverage());
        machine.put("shared", "yes: other builds ran on the same cores");
        machine.put("calibration", Calibration.jsonParse());
        return machine;
    }

    private Map<String, Object> header(String stem, DataSet data) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("date", stem);
        header.put("started", Instant.now().toString());
        header.put("command", "bench/run" + (smoke ? " --smoke" : ""));
        Map<String, Object> machine = machine();
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        header.put("machine", machine);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("gateway_commit", command("git", "rev-parse", "--short", "HEAD"));
        versions.put("aws_sdk_java", software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION);
        versions.put("mcp_java_sdk_client", "2.1.0");
        versions.put("dynamodb_local", "2.6.1");
        versions.put("moto", command("python3", "-c", "import moto; print(moto.__version__)"));
        header.put("versions", versions);
        header.put("data_set", data);
        header.put("loads", loads);
        return header;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * The CPU phase of {@link HttpFloor} for the protocol operations of {@code mix} (ping, tools/list): the least a
     * Vert.x MCP server spends on them, on the gateway's JVM options and list, warmed up as the gateway was.
     */
    private Map<String, Object> httpFloor(McpTarget gateway, List<Operation> mix, Path work) throws Exception {
        List<Operation> protocol = mix.stream().filter(Operation::protocol).toList();
        if (protocol.isEmpty()) {
            return Map.of();
        }
        try (McpTarget floor = HttpFloor.start(gatewayJava.get(0), gatewayJvm, work, gateway.toolsListJson(), Backends.freePort())) {
            Map<String, Object> figures = CpuPhase.run(floor, protocol, cpuWarmup, cpuSteady);
            figures.put("server", floor.describe());
            return figures;
        }
    }
}
