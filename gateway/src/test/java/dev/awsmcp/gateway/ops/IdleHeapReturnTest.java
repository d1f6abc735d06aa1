package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The heap a burst committed is given back once no collection ran for the quiet period, once per burst, and the JVM's
 * free ratios are as they were afterwards. In a JVM of its own ({@link Burst}) with the serial collector and the free
 * ratios of deploy/config/jvm.options, since it is about that JVM's heap.
 */
class IdleHeapReturnTest {

    @Test
    void theHeapABurstCommittedIsGivenBackOnceAfterTheQuietPeriod() throws Exception {
        List<String> out = run("-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=70");
        long before = value(out, "committed before ");
        long after = value(out, "committed after ");
        assertThat(before).as("heap the burst committed, MiB").isGreaterThanOrEqualTo(120);
        // 40 MiB stay live: at the JVM's own 70% free a full collection keeps up to 3.3 times that as old generation alone (and
        // the young generation half as much again); at the return's 30% about 1.4 times, plus the young generation.
        assertThat(after).as("heap after the return, MiB").isLessThanOrEqualTo(3 * Burst.LIVE_MIB);
        assertThat(value(out, "returns after the quiet period ")).isEqualTo(1);
        assertThat(value(out, "returns after a second quiet period ")).as("nothing grew since: no second collection").isEqualTo(1);
        assertThat(out).contains("ratios after 40 70");
    }

    @Test
    void aJvmThatIgnoresExplicitCollectionsIsNotWatched() throws Exception {
        assertThat(run("-XX:+DisableExplicitGC")).contains("watching false");
    }

    private static List<String> run(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                "-Xms16m", "-Xmx256m", "-XX:-ShrinkHeapInSteps"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Burst.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static long value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + lines));
    }

    /** The child: 40 MiB live, a burst that leaves the old generation grown, then the watcher with a quiet period of one second. */
    public static final class Burst {

        static final int LIVE_MIB = 40;

        public static void main(String[] args) throws Exception {
            byte[][] live = new byte[LIVE_MIB][];
            for (int i = 0; i < live.length; i++) {
                live[i] = new byte[1 << 20];
            }
            byte[][] ring = new byte[80][];
            for (int i = 0; i < 2_000; i++) {
                ring[i % ring.length] = new byte[1 << 20];
            }
            ring = null;
            System.out.println("committed before " + (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20));
            try (IdleHeapReturn watcher = IdleHeapReturn.start(Duration.ofSeconds(1))) {
                System.out.println("watching " + watcher.watching());
                if (!watcher.watching()) {
                    return;
                }
                for (int i = 0; i < 100 && watcher.returns() == 0; i++) {
                    Thread.sleep(100);
                }
                System.out.println("returns after the quiet period " + watcher.returns());
                System.out.println("committed after " + (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20));
                Thread.sleep(3_000);
                System.out.println("returns after a second quiet period " + watcher.returns());
                var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                System.out.println("ratios after " + hotspot.getVMOption("MinHeapFreeRatio").getValue() + " "
                        + hotspot.getVMOption("MaxHeapFreeRatio").getValue());
            }
            System.out.println("live " + live.length);
        }
    }
}
