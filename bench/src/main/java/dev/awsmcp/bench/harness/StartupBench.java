package dev.awsmcp.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * {@code bench/run --startup}: how fast the gateway is ready and how much memory it holds, with the production JVM
 * options and class-data archive against the former setup, every variant launched {@code runs} times, interleaved so
 * that the machine's load falls on all alike, and reported as medians and as ratios to the baseline of the same run.
 * Per launch: startup to ready (launch to the first HTTP answer on the MCP endpoint, as in the full run), the
 * process's CPU by then, the first tool call (a new session and an S3 get_object, from launch), then {@code load}
 * calls per operation at 16 clients and RSS and heap after GC with {@code sessions} open sessions (as in the full
 * run). Variants per java: {@code -Xmx256m} (the former production options), the options of deploy/config/jvm.options,
 * and those with the archive (built with scripts/build-archive.sh when the build did not leave one for that java). With
 * {@code baseline}, a jar built from an earlier commit is launched first in every round, as that commit ran: the {@code java}
 * on the PATH and {@code -Xmx256m}; every variant's ratios are then to it, so an issue's figure measured on that commit
 * carries over to this machine as a ratio.
 */
final class StartupBench {

    record Settings(List<String> javas, Path jar, List<Path> options, boolean archive, Path extraYaml, int runs, int load, int sessions, Duration maxCellTime,
            Path baseline) {
    }

    record Variant(String name, String java, Path jar, List<String> options) {
    }

    /** One launch; -1 where a figure was not taken. */
    record Launch(String variant, int run, long readyMs, long cpuAtReadyMs, long firstCallMs, long loadErrors, long rssWithSessionsKb,
            long heapAfterGcKb, int sessionErrors) {
    }

    private static final List<String> FORMER = List.of("-Xmx256m");
    private static final List<ToLongFunction<Launch>> FIGURES = List.of(Launch::readyMs, Launch::cpuAtReadyMs, Launch::firstCallMs,
            l -> l.rssWithSessionsKb() / 1024);

    private final Settings settings;
    private final Path work;

    StartupBench(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    int run(Path outDir, String stem) throws Exception {
        List<Variant> variants = variants();
        List<Launch> launches = new ArrayList<>();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("started", Instant.now().toString());
        header.put("command", "bench/run --startup --startup-runs " + settings.runs() + " --startup-load " + settings.load()
                + " --sessions " + settings.sessions() + " --gateway-java " + String.join(",", settings.javas())
                + (settings.baseline() == null ? "" : " --startup-baseline " + settings.baseline()));
        header.put("machine", BenchCommand.machine());
        header.put("variants", variants);
        DataSet data = DataSet.smoke();
        try (Backends backends = Backends.start(Path.of("bench/target/native-libs"), work);
                AwsClients aws = AwsClients.create(backends.motoEndpoint(), backends.dynamoDbEndpoint(), 64)) {
            data.seed(aws, backends.motoEndpoint());
            for (int run = 1; run <= settings.runs(); run++) {
                for (Variant variant : variants) {
                    Launch launch = launch(variant, run, data, backends);
                    launches.add(launch);
                    System.out.printf("bench: startup %-32s run %d: ready %5d ms (cpu %5d ms), first call at %5d ms, RSS with %d sessions %4d MiB,"
                            + " heap %3d MiB, errors %d%n", variant.name(), run, launch.readyMs(), launch.cpuAtReadyMs(), launch.firstCallMs(),
                            settings.sessions(), launch.rssWithSessionsKb() / 1024, launch.heapAfterGcKb() / 1024,
                            launch.loadErrors() + launch.sessionErrors());
                }
            }
        }
        header.put("load_average_end", BenchCommand.loadAverage());
        Path md = write(outDir, stem, header, variants, launches);
        System.out.println("bench: startup report " + md.toAbsolutePath());
        long errors = launches.stream().mapToLong(l -> l.loadErrors() + l.sessionErrors()).sum();
        return errors > 0 ? 1 : 0;
    }

    private List<Variant> variants() throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>();
        if (settings.baseline() != null) {
            variants.add(new Variant("baseline " + settings.baseline().getFileName() + ", java " + JvmOptions.featureVersion("java") + " -Xmx256m",
                    "java", settings.baseline(), FORMER));
        }
        for (String java : settings.javas()) {
            int feature = JvmOptions.featureVersion(java);
            String useArchive = settings.archive()
                    ? JvmOptions.usableArchive(java, feature, settings.jar(), settings.options().get(0), true).orElseThrow() : null;
            variants.add(new Variant("java " + feature + ", -Xmx256m (before)", java, settings.jar(), FORMER));
            for (Path file : settings.options()) {
                List<String> production = JvmOptions.read(file);
                String label = "java " + feature + ", " + file.getFileName();
                variants.add(new Variant(label, java, settings.jar(), production));
                if (settings.archive()) {
                    List<String> withArchive = new ArrayList<>(production);
                    withArchive.add(useArchive);
                    variants.add(new Variant(label + " + " + (feature >= 25 ? "AOT cache" : "AppCDS"), java, settings.jar(), withArchive));
                }
            }
        }
        return variants;
    }

    private Launch launch(Variant variant, int run, DataSet data, Backends backends) throws Exception {
        Path dir = Files.createDirectories(work.resolve("run-" + run + "-" + variant.name().replaceAll("[^A-Za-z0-9]+", "-")));
        boolean baseline = variant.jar().equals(settings.baseline());
        McpTarget gateway = GatewayTarget.start(new GatewayTarget.Settings(variant.java(), variant.jar(), dir, settings.extraYaml(), false,
                variant.options(), !baseline), data, backends.motoEndpoint(), backends.dynamoDbEndpoint(), new LinkedHashMap<>());
        try {
            long ready = ((Number) gateway.describe().get("startup_to_ready_ms")).longValue();
            long cpu = gateway.meter().cpuNanos() / 1_000_000;
            long t0 = System.nanoTime();
            try (Target.Client client = gateway.connect()) {
                Target.Outcome first = client.call(Operation.S3_GET_1K);
                if (first.error()) {
                    throw new IllegalStateException("the first call failed: " + first.message());
                }
            }
            long firstCall = ready + (System.nanoTime() - t0) / 1_000_000;
            long loadErrors = 0;
            if (settings.load() > 0) {
                loadErrors = new Runner(0, settings.load(), settings.maxCellTime()).run(gateway, Operation.all(), List.of(16)).stream()
                        .mapToLong(Runner.Cell::errors).sum();
            }
            Runner.Sessions held = Runner.sessions(gateway, settings.sessions(), true, 0, dir.resolve("native-memory.txt"));
            return new Launch(variant.name(), run, ready, cpu, firstCall, loadErrors, held.rssKb(), held.heapAfterGcKb(), held.errors());
        } finally {
            gateway.close();
        }
    }

    private Path write(Path dir, String stem, Map<String, Object> header, List<Variant> variants, List<Launch> launches) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", header);
        json.put("launches", launches);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(stem + ".json").toFile(), json);
        StringBuilder md = new StringBuilder("# Startup and memory, ").append(stem).append("\n\n");
        md.append("`").append(header.get("command")).append("`: each variant launched ").append(settings.runs())
                .append(" times, interleaved; medians (min-max), and the ratio to the first variant of the same java in this run.")
                .append(" Ready: launch to the first HTTP answer on the MCP endpoint. CPU: the process's utime+stime by then (all threads,")
                .append(" JIT included; steadier than wall time on a shared machine). First call: a new session and an S3 get_object, from launch.")
                .append(" RSS and heap: with ").append(settings.sessions()).append(" open sessions, after ").append(settings.load())
                .append(" calls per operation at 16 clients.")
                .append(settings.baseline() == null ? "" : " With a baseline, every ratio is to the baseline's median.").append("\n\n");
        md.append("Machine: ").append(header.get("machine")).append("; load average at the end ").append(header.get("load_average_end")).append("\n\n");
        md.append("| variant | ready (ms) | × | CPU by ready (ms) | × | first call (ms) | × | RSS with sessions (MiB) | × | heap after GC (MiB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Long> baselines = new LinkedHashMap<>();
        for (Variant variant : variants) {
            List<Launch> mine = launches.stream().filter(l -> l.variant().equals(variant.name())).toList();
            String java = settings.baseline() != null ? "baseline" : variant.name().substring(0, variant.name().indexOf(','));
            md.append("| ").append(variant.name());
            for (int i = 0; i < FIGURES.size(); i++) {
                ToLongFunction<Launch> figure = FIGURES.get(i);
                long median = median(mine, figure);
                long base = baselines.computeIfAbsent(java + i, k -> median);
                md.append(" | ").append(median).append(" (").append(min(mine, figure)).append("-").append(max(mine, figure)).append(")")
                        .append(" | ").append(String.format("%.2f", (double) median / base));
            }
            md.append(" | ").append(median(mine, l -> l.heapAfterGcKb() / 1024)).append(" |\n");
        }
        md.append("\nOptions per variant:\n\n");
        variants.forEach(v -> md.append("- ").append(v.name()).append(": `").append(v.java()).append(" ").append(String.join(" ", v.options()))
                .append("`\n"));
        Path file = dir.resolve(stem + ".md");
        Files.writeString(file, md);
        return file;
    }

    private static long median(List<Launch> launches, ToLongFunction<Launch> figure) {
        long[] values = launches.stream().mapToLong(figure).sorted().toArray();
        return values.length == 0 ? -1 : values[(values.length - 1) / 2];
    }

    private static long min(List<Launch> launches, ToLongFunction<Launch> figure) {
        return launches.stream().mapToLong(figure).min().orElse(-1);
    }

    private static long max(List<Launch> launches, ToLongFunction<Launch> figure) {
        return launches.stream().mapToLong(figure).max().orElse(-1);
    }
}
