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
import java.util.Optional;
import java.util.function.Function;

/**
 * The results of one run: every figure as JSON ({@code <date>.json}) and the tables a reader wants as
 * Markdown ({@code <date>.md}). Ratios are computed here from cells of the same run only: the gateway
 * against the direct floor, and each peer against the gateway.
 *
 * @param header date, command line, machine, versions, data set and settings
 * @param targets what each target was (transport, features, startup time)
 * @param unavailable peers that did not run, with the reason
 * @param cells every (target, operation, clients) cell
 * @param sessions memory with many open sessions
 * @param peakRssKb each server's peak resident memory over the whole run
 * @param heapAfterGcKb the gateway's heap after a full GC at the end of the run
 * @param profile the gateway's JFR summary, or {@code null}
 * @param notes what a reader must know to read the figures
 */
record Report(Map<String, Object> header, Map<String, Map<String, Object>> targets, Map<String, String> unavailable, List<Runner.Cell> cells,
        List<Runner.Sessions> sessions, Map<String, Long> peakRssKb, long heapAfterGcKb, JfrSummary profile, List<String> notes) {

    /** gateway / direct for one operation and load. */
    record Overhead(Operation operation, int clients, double p50Ratio, double p99Ratio, double p50AddedUs, double p99AddedUs) {
    }

    /**
     * gateway / peer for one operation and load (below 1: the gateway is faster or cheaper).
     *
     * @param cpuRatioWithoutJit {@code cpuRatio} with the gateway's compiler threads left out of its CPU (the peers are
     *     CPython: nothing of theirs compiles), null when the cell has no per-thread figures
     */
    record PeerRatio(String peer, Operation operation, int clients, double p50Ratio, double p99Ratio, Double cpuRatio,
            double resultBytesRatio, Double cpuRatioWithoutJit) {
    }

    List<Overhead> overheads() {
        List<Overhead> out = new ArrayList<>();
        for (Runner.Cell g : ran("gateway")) {
            find("direct", g.operation(), g.clients()).ifPresent(d -> out.add(new Overhead(g.operation(), g.clients(),
                    g.latency().p50() / d.latency().p50(), g.latency().p99() / d.latency().p99(),
                    g.latency().p50() - d.latency().p50(), g.latency().p99() - d.latency().p99())));
        }
        return out;
    }

    List<PeerRatio> peerRatios() {
        List<PeerRatio> out = new ArrayList<>();
        for (String peer : targets.keySet().stream().filter(t -> !t.equals("gateway") && !t.equals("direct")).toList()) {
            for (Runner.Cell p : ran(peer)) {
                find("gateway", p.operation(), p.clients()).ifPresent(g -> out.add(new PeerRatio(peer, p.operation(), p.clients(),
                        g.latency().p50() / p.latency().p50(), g.latency().p99() / p.latency().p99(),
                        g.cpuUsPerCall() == null || p.cpuUsPerCall() == null ? null : g.cpuUsPerCall() / p.cpuUsPerCall(),
                        p.resultBytes() <= 0 ? Double.NaN : (double) g.resultBytes() / p.resultBytes(),
                        g.cpuUsPerCall() == null || p.cpuUsPerCall() == null || g.threadsUsPerCall() == null ? null
                                : (g.cpuUsPerCall() - g.threadsUsPerCall().getOrDefault("jit", 0.0)) / p.cpuUsPerCall())));
            }
        }
        return out;
    }

    private List<Runner.Cell> ran(String target) {
        return cells.stream().filter(c -> c.target().equals(target) && c.skipped() == null).toList();
    }

    private Optional<Runner.Cell> find(String target, Operation operation, int clients) {
        return ran(target).stream().filter(c -> c.operation() == operation && c.clients() == clients).findFirst();
    }

    /** Writes {@code <stem>.json} and {@code <stem>.md} into {@code dir}; returns the Markdown file. */
    Path write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", header);
        json.put("notes", notes);
        json.put("targets", targets);
        json.put("unavailable", unavailable);
        json.put("cells", cells);
        json.put("gateway_vs_direct", overheads());
        json.put("gateway_vs_peers", peerRatios());
        json.put("sessions", sessions);
        json.put("peak_rss_kb", peakRssKb);
        json.put("gateway_heap_after_gc_kb", heapAfterGcKb);
        json.put("gateway_profile", profile);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(stem + ".json").toFile(), json);
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown(stem));
        return md;
    }

    private String markdown(String stem) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results ").append(header.get("date")).append("\n\n");
        md.append("Every figure, with the machine and versions: [").append(stem).append(".json](").append(stem).append(".json). ");
        md.append("Produced by `").append(header.get("command")).append("` (see [bench/README.md](../README.md)).\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\nMachine: ");
        ((Map<?, ?>) header.get("machine")).forEach((k, v) -> md.append(k).append(" `").append(v).append("`; "));
        md.append("\nVersions: ");
        ((Map<?, ?>) header.get("versions")).forEach((k, v) -> md.append(k).append(" `").append(v).append("`; "));
        targets.values().stream().map(t -> t.get("package")).filter(java.util.Objects::nonNull)
                .forEach(p -> md.append("`").append(p).append("`; "));
        md.append("\n\n");
        if (!cells.isEmpty()) {
            targetsTable(md);
            loads().forEach(load -> latencyTable(md, load));
            costTable(md);
            contextTable(md);
            memory(md);
        }
        cpuByThread(md);
        profile(md);
        if (!unavailable.isEmpty() || cells.stream().anyMatch(c -> c.skipped() != null)) {
            md.append("## Not measured\n\n");
            unavailable.forEach((peer, why) -> md.append("- **").append(peer).append("**: ").append(why).append('\n'));
            cells.stream().filter(c -> c.skipped() != null).map(c -> c.target() + " / " + c.operation().label + ": " + c.skipped())
                    .distinct().forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /** The figures issue 19 sets targets for, measured in this run; the harness reports, it does not assert. */
    private void targetsTable(StringBuilder md) {
        md.append("## Against the targets of issue 19\n\n| target | measured | met |\n|---|---|---|\n");
        protocolCpuRows(md);
        int load = loads().contains(16) ? 16 : loads().get(loads().size() - 1);
        List<Overhead> atLoad = overheads().stream().filter(o -> o.clients() == load && !o.operation().protocol()).toList();
        if (!atLoad.isEmpty()) {
            double p50 = median(atLoad.stream().map(Overhead::p50AddedUs).toList());
            double p99 = median(atLoad.stream().map(Overhead::p99AddedUs).toList());
            md.append("| gateway overhead over direct SDK, p50 ≤ 1 ms at %d clients | median over operations %s µs (range %s .. %s) | %s |\n"
                    .formatted(load, signed(p50), signed(min(atLoad, Overhead::p50AddedUs)), signed(max(atLoad, Overhead::p50AddedUs)),
                            verdict(p50, 1000)));
            md.append("| gateway overhead over direct SDK, p99 ≤ 5 ms at %d clients | median over operations %s µs (range %s .. %s) | %s |\n"
                    .formatted(load, signed(p99), signed(min(atLoad, Overhead::p99AddedUs)), signed(max(atLoad, Overhead::p99AddedUs)),
                            verdict(p99, 5000)));
        }
        List<Runner.Cell> oneKb = ran("gateway").stream().filter(c -> c.operation() == Operation.S3_GET_1K && c.cpuUsPerCall() != null).toList();
        if (!oneKb.isEmpty()) {
            double best = oneKb.stream().mapToDouble(Runner.Cell::cpuUsPerCall).min().orElseThrow();
            md.append("| gateway CPU per call ≤ 250 µs for a 1 KiB result, every feature on | s3 get_object 1 KB: %s µs | %s |\n"
                    .formatted(oneKb.stream().map(c -> us(c.cpuUsPerCall()) + " at " + c.clients()).reduce((a, b) -> a + ", " + b).orElse(""),
                            best <= 250 ? "yes" : "no"));
        }
        for (String peer : targets.keySet().stream().filter(t -> !t.equals("gateway") && !t.equals("direct")).toList()) {
            List<PeerRatio> ratios = peerRatios().stream().filter(r -> r.peer().equals(peer) && r.cpuRatio() != null
                    && !r.operation().protocol()).toList();
            List<PeerRatio> all = ratios.isEmpty() ? peerRatios().stream().filter(r -> r.peer().equals(peer) && r.cpuRatio() != null).toList() : ratios;
            if (!all.isEmpty()) {
                double factor = median(all.stream().map(r -> 1 / r.cpuRatio()).toList());
                List<Double> withoutJit = all.stream().filter(r -> r.cpuRatioWithoutJit() != null).map(r -> 1 / r.cpuRatioWithoutJit()).toList();
                md.append("| ≥ 10× less CPU per call than %s | %.1f× less (median over %s)%s | %s |\n".formatted(shortName(peer), factor,
                        ratios.isEmpty() ? "tools/list, the only operation it ran" : "operations and loads",
                        withoutJit.size() < all.size() ? "" : "; %.1f× with the gateway's JIT compiler threads left out".formatted(median(withoutJit)),
                        factor >= 10 ? "yes" : "no"));
            }
        }
        sessions.stream().filter(s -> s.target().equals("gateway")).findFirst().ifPresent(s -> {
            md.append("| RSS ≤ 300 MB with %d open sessions, right after the load | %d MiB | %s |\n".formatted(s.sessions(), s.rssKb() / 1024,
                    s.rssKb() <= 300 * 1024 ? "yes" : "no"));
            if (s.rssSettledKb() > 0) {
                md.append("| RSS ≤ 300 MB with %d open sessions, after %d s without calls | %d MiB | %s |\n".formatted(s.sessions(), s.settleSeconds(),
                        s.rssSettledKb() / 1024, s.rssSettledKb() <= 300 * 1024 ? "yes" : "no"));
            }
        });
        Object ready = targets.getOrDefault("gateway", Map.of()).get("startup_to_ready_ms");
        if (ready instanceof Number ms) {
            md.append("| ready in ≤ 1 s | %d ms from launch to the first HTTP answer | %s |\n".formatted(ms.longValue(), ms.longValue() <= 1000 ? "yes" : "no"));
        }
        md.append('\n');
    }

    /** Steady application CPU of ping (≤ 25 µs) and tools/list (≤ 60 µs) from the CPU phase, beside the HTTP floor's. */
    @SuppressWarnings("unchecked")
    private void protocolCpuRows(StringBuilder md) {
        Object cpu = targets.getOrDefault("gateway", Map.of()).get("cpu_by_thread");
        if (!(cpu instanceof Map<?, ?> phase) || !(phase.get("steady") instanceof Map<?, ?> steady)) {
            return;
        }
        Map<?, ?> floor = phase.get("http_floor") instanceof Map<?, ?> f && f.get("steady") instanceof Map<?, ?> fs ? fs : Map.of();
        for (Object[] target : new Object[][] {{Operation.PING, 25.0}, {Operation.TOOLS_LIST, 60.0}}) {
            Operation operation = (Operation) target[0];
            if (steady.get(operation.name()) instanceof Map<?, ?> figures && figures.get("app_us") instanceof Number app) {
                String floorText = floor.get(operation.name()) instanceof Map<?, ?> ff && ff.get("app_us") instanceof Number f
                        ? "; HTTP floor %s µs (×%.2f)".formatted(us(f.doubleValue()), app.doubleValue() / f.doubleValue()) : "";
                md.append("| %s app CPU ≤ %.0f µs (steady, one client) | %s µs%s | %s |\n".formatted(operation.label, (double) target[1],
                        us(app.doubleValue()), floorText, app.doubleValue() <= (double) target[1] ? "yes" : "no"));
            }
        }
    }

    private static String verdict(double addedUs, double limitUs) {
        return addedUs < 0 ? "inconclusive: negative, the noise of a saturated machine exceeds the overhead" : addedUs <= limitUs ? "yes" : "no";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Overhead> values, java.util.function.ToDoubleFunction<Overhead> f) {
        return values.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<Overhead> values, java.util.function.ToDoubleFunction<Overhead> f) {
        return values.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    /** Reads a results file written by {@link #write} back, to render its Markdown again. */
    static Report read(Path json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json.toFile());
        var tf = mapper.getTypeFactory();
        return new Report(mapper.convertValue(tree.get("header"), tf.constructMapType(LinkedHashMap.class, String.class, Object.class)),
                mapper.convertValue(tree.get("targets"), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Map<String, Object>>>() { }),
                mapper.convertValue(tree.get("unavailable"), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { }),
                mapper.convertValue(tree.get("cells"), new com.fasterxml.jackson.core.type.TypeReference<List<Runner.Cell>>() { }),
                mapper.convertValue(tree.get("sessions"), new com.fasterxml.jackson.core.type.TypeReference<List<Runner.Sessions>>() { }),
                mapper.convertValue(tree.get("peak_rss_kb"), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Long>>() { }),
                tree.path("gateway_heap_after_gc_kb").asLong(-1),
                tree.get("gateway_profile") == null || tree.get("gateway_profile").isNull() ? null
                        : mapper.convertValue(tree.get("gateway_profile"), JfrSummary.class),
                mapper.convertValue(tree.get("notes"), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { }));
    }

    private List<Integer> loads() {
        return cells.stream().map(Runner.Cell::clients).distinct().sorted().toList();
    }

    private List<String> mcpTargets() {
        return targets.keySet().stream().filter(t -> !t.equals("direct")).toList();
    }

    private void latencyTable(StringBuilder md, int load) {
        md.append("## Latency at ").append(load).append(load == 1 ? " client" : " clients").append(" (µs; p50 / p99, calls/s)\n\n");
        List<String> names = new ArrayList<>(targets.keySet());
        md.append("| operation | ").append(String.join(" | ", names)).append(" | gateway − direct p50 / p99 |");
        List<String> peers = names.stream().filter(n -> !n.equals("direct") && !n.equals("gateway")).toList();
        peers.forEach(p -> md.append(" gateway ÷ ").append(shortName(p)).append(" p50 |"));
        md.append("\n|---|").append("---|".repeat(names.size() + 1 + peers.size())).append('\n');
        for (Operation op : Operation.values()) {
            if (cells.stream().noneMatch(c -> c.operation() == op && c.clients() == load)) {
                continue;
            }
            md.append("| ").append(op.label).append(" |");
            for (String name : names) {
                md.append(' ').append(find(name, op, load).map(c -> "%s / %s (%.0f/s)%s".formatted(us(c.latency().p50()), us(c.latency().p99()),
                        c.callsPerSecond(), c.errors() > 0 ? " **" + c.errors() + " errors**" : "")).orElse("–")).append(" |");
            }
            md.append(' ').append(overheads().stream().filter(o -> o.operation() == op && o.clients() == load).findFirst()
                    .map(o -> "%s / %s".formatted(signed(o.p50AddedUs()), signed(o.p99AddedUs()))).orElse("–")).append(" |");
            for (String peer : peers) {
                md.append(' ').append(peerRatios().stream().filter(r -> r.peer().equals(peer) && r.operation() == op && r.clients() == load)
                        .findFirst().map(r -> "%.2f".formatted(r.p50Ratio())).orElse("–")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void costTable(StringBuilder md) {
        md.append("## Server CPU per call (µs: utime+stime of the server process over the measured calls ÷ calls; in brackets net of"
                + " the server's idle CPU over the same time)\n\n");
        List<String> servers = mcpTargets();
        md.append("| operation | clients | ").append(String.join(" | ", servers)).append(" |\n|---|---|")
                .append("---|".repeat(servers.size())).append('\n');
        for (Operation op : Operation.values()) {
            for (int load : loads()) {
                List<String> row = servers.stream().map(s -> find(s, op, load).map(c -> c.cpuUsPerCall() == null ? "?" : us(c.cpuUsPerCall())
                        + (c.cpuUsPerCallNet() == null ? "" : " (" + us(c.cpuUsPerCallNet()) + ")")).orElse("–")).toList();
                if (row.stream().allMatch("–"::equals)) {
                    continue;
                }
                md.append("| ").append(op.label).append(" | ").append(load).append(" | ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        md.append("\nIdle CPU (% of one core, before the first call): ");
        targets.forEach((name, d) -> {
            if (d.get("idle_cpu_percent") != null) {
                md.append(name).append(' ').append("%.1f".formatted(((Number) d.get("idle_cpu_percent")).doubleValue())).append("; ");
            }
        });
        md.append("\nStartup to ready (ms): ");
        targets.forEach((name, d) -> {
            if (d.get("startup_to_ready_ms") != null) {
                md.append(name).append(' ').append(d.get("startup_to_ready_ms")).append("; ");
            }
        });
        md.append("\nPeak RSS over the run (MiB): ");
        peakRssKb.forEach((name, kb) -> md.append(name).append(' ').append(kb / 1024).append("; "));
        md.append("\nGateway heap after full GC at the end (MiB): ").append(heapAfterGcKb < 0 ? "?" : heapAfterGcKb / 1024).append("\n\n");
    }

    private void contextTable(StringBuilder md) {
        md.append("## Context cost (bytes of one result; tokens ≈ bytes ÷ 4, a rough rule for English/JSON text, not a tokenizer)\n\n");
        List<String> servers = mcpTargets();
        md.append("| operation | ").append(String.join(" | ", servers)).append(" |\n|---|").append("---|".repeat(servers.size())).append('\n');
        for (Operation op : Operation.values()) {
            List<String> row = servers.stream().map(s -> cells.stream().filter(c -> c.target().equals(s) && c.operation() == op
                    && c.skipped() == null && c.resultBytes() > 0).findFirst()
                    .map(c -> "%,d B (~%,d tok)%s".formatted(c.resultBytes(), c.resultBytes() / 4,
                            c.textBytes() >= 0 ? "; text %,d B".formatted(c.textBytes()) : "")).orElse("–")).toList();
            if (!row.stream().allMatch("–"::equals)) {
                md.append("| ").append(op.label).append(" | ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        md.append("\nBytes are the JSON of the MCP result (content plus structuredContent, as the client receives it); "
                + "\"text\" is the UTF-8 size of the text content alone.\n\n");
    }

    private void memory(StringBuilder md) {
        if (sessions.isEmpty()) {
            return;
        }
        md.append("## Memory with open sessions\n\n| server | sessions | RSS before (MiB) | RSS with sessions (MiB) | RSS after the wait without calls (MiB) | heap after GC (MiB) | errors |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Function<Long, String> mib = kb -> kb <= 0 ? "–" : Long.toString(kb / 1024);
        sessions.forEach(s -> md.append("| %s | %d | %s | %s | %s | %s | %d%s |\n".formatted(s.target(), s.sessions(), mib.apply(s.rssBeforeKb()),
                mib.apply(s.rssKb()), s.rssSettledKb() > 0 ? mib.apply(s.rssSettledKb()) + " (" + s.settleSeconds() + " s)" : "–",
                mib.apply(s.heapAfterGcKb()), s.errors(), s.firstError() == null ? "" : " (" + s.firstError() + ")")));
        md.append('\n');
    }

    /** The CPU phase ({@link CpuPhase}): the gateway's CPU per call by thread kind, cold to warm, then steady. */
    @SuppressWarnings("unchecked")
    private void cpuByThread(StringBuilder md) {
        Map<String, Object> cpu = targets.getOrDefault("gateway", Map.of()).get("cpu_by_thread") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : null;
        if (cpu == null) {
            return;
        }
        md.append("## Gateway CPU per call by thread kind (one client, from a cold start)\n\n");
        md.append("Mixed workload in rounds of ").append(cpu.get("round_calls")).append(" calls: ").append(cpu.get("mixed_workload"))
                .append(". Warm: ").append(cpu.get("warm_rule")).append(" → ")
                .append(cpu.get("warm_after_calls") == null ? "not reached" : cpu.get("warm_after_calls") + " calls").append(".\n\n");
        md.append("| calls so far | app µs/call | JIT µs/call | GC µs/call | VM µs/call | JIT share |\n|---|---|---|---|---|---|\n");
        for (Map<String, Object> round : (List<Map<String, Object>>) cpu.get("rounds")) {
            md.append("| ").append(round.get("calls_so_far")).append(" | ").append(us(num(round, "app_us"))).append(" | ")
                    .append(us(num(round, "jit_us"))).append(" | ").append(us(num(round, "gc_us"))).append(" | ")
                    .append(us(num(round, "vm_us"))).append(" | ").append("%.0f%%".formatted(num(round, "jit_share") * 100)).append(" |\n");
        }
        md.append("\nSteady state, each operation alone (").append(cpu.get("steady_calls")).append(" calls after the warm-up):\n\n");
        md.append("| operation | app µs/call | JIT µs/call | GC µs/call | VM µs/call | wall µs/call | direct SDK µs/call | app ÷ direct |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Map<String, Object> direct = cpu.get("direct_sdk_us") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        ((Map<String, Map<String, Object>>) cpu.get("steady")).forEach((operation, f) -> {
            Number floor = (Number) direct.get(operation);
            md.append("| ").append(Operation.valueOf(operation).label).append(" | ").append(us(num(f, "app_us"))).append(" | ")
                    .append(us(num(f, "jit_us"))).append(" | ").append(us(num(f, "gc_us"))).append(" | ").append(us(num(f, "vm_us")))
                    .append(" | ").append(us(num(f, "wall_us"))).append(" | ").append(floor == null ? "–" : us(floor.doubleValue()))
                    .append(" | ").append(floor == null ? "–" : "%.1f×".formatted(num(f, "app_us") / floor.doubleValue())).append(" |\n");
        });
        md.append('\n');
    }

    private static double num(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

    private void profile(StringBuilder md) {
        if (profile == null) {
            return;
        }
        md.append("## Where the gateway's CPU goes (JFR, ").append(profile.samples()).append(" execution samples over the whole run)\n\n");
        md.append("| top frame package | % of samples |\n|---|---|\n");
        profile.selfByPackage().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        md.append("\n| project package on the stack (inclusive) | % of samples |\n|---|---|\n");
        profile.inclusiveByProjectPackage().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        md.append("\n| top frame method | % |\n|---|---|\n");
        profile.selfByMethod().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        md.append('\n');
        if (profile.allocationBySite() != null && !profile.allocationBySite().isEmpty()) {
            md.append("## What the gateway allocates (JFR allocation samples, about ").append(Math.round(profile.allocatedMb()))
                    .append(" MB over the whole run)\n\n| allocating method (first frame outside the JDK and Jackson) | % of bytes |\n|---|---|\n");
            profile.allocationBySite().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
            md.append('\n');
        }
    }

    private static String shortName(String peer) {
        return peer.replace("awslabs.", "");
    }

    private static String signed(double micros) {
        return (micros < 0 ? "−" : "+") + us(Math.abs(micros));
    }

    private static String us(double micros) {
        return micros >= 10_000 ? "%,.0f".formatted(micros) : micros >= 100 ? "%.0f".formatted(micros) : "%.1f".formatted(micros);
    }
}
