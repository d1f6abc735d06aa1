package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The whole result guard of two builds of the gateway in one JVM, alternately, on the results of
 * {@link GuardThroughputBenchmark} ({@link ResultPayloads}): the ratio of a change against its baseline measured in
 * the same run, in CPU time of the measuring thread ({@link CpuTime}), so time lost waiting for a core on a shared
 * machine does not count. Each build's {@code dev.awsmcp.gateway} classes are loaded from its own classes directory
 * (child first); everything else is shared. One thread; per payload a warm-up, then the median of alternating rounds.
 *
 * <pre>
 * git worktree add /tmp/guard-base BASE_COMMIT &amp;&amp; mvn -q -o -f /tmp/guard-base/pom.xml -pl gateway -am compile
 * java -cp bench/target/benchmarks.jar dev.awsmcp.bench.GuardBeforeAfter /tmp/guard-base/gateway/target/classes \
 *     gateway/target/classes [rounds, default 7] [fits|limit, default fits]
 * </pre>
 * {@code limit}: the default 64 KiB budget, so the results are also cut; {@code fits}: a budget above their size.
 */
public final class GuardBeforeAfter {

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 500_000_000L;

    private GuardBeforeAfter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !Files.isDirectory(Path.of(args[0])) || !Files.isDirectory(Path.of(args[1]))) {
            System.err.println("usage: GuardBeforeAfter BASELINE_CLASSES_DIR CANDIDATE_CLASSES_DIR [rounds] [fits|limit]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        boolean limit = args.length > 3 && args[3].equals("limit");
        System.out.printf("%-18s %8s %11s %8s %11s %8s %7s%n", "payload", "bytes", "before us", "MB/s", "after us", "MB/s", "ratio");
        for (String kind : List.of(ResultPayloads.LOGS, ResultPayloads.MARKDOWN, ResultPayloads.DYNAMODB)) {
            JsonNode result = ResultPayloads.of(kind, GuardThroughputBenchmark.BYTES);
            int size = ResultPayloads.size(result);
            int budget = limit ? 65536 : 2 * size;
            List<Supplier<Object>> guards = List.of(guard(Path.of(args[0]), result, budget), guard(Path.of(args[1]), result, budget));
            for (Supplier<Object> guard : guards) {
                CpuTime.microsPerCall(guard, WARM_UP_NANOS);
            }
            double[][] micros = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int g = 0; g < 2; g++) {
                    micros[g][r] = CpuTime.microsPerCall(guards.get(g), ROUND_NANOS);
                }
            }
            Arrays.sort(micros[0]);
            Arrays.sort(micros[1]);
            double before = micros[0][rounds / 2];
            double after = micros[1][rounds / 2];
            System.out.printf("%-18s %8d %11.1f %8.1f %11.1f %8.1f %6.2fx%n", kind, size, before, size / before, after, size / after,
                    before / after);
        }
    }

    /** {@code ResultGuard.apply} of the build in {@code classes}, as the benchmark constructs it (flag mode, semantic off). */
    private static Supplier<Object> guard(Path classes, JsonNode result, int budget) throws Exception {
        ClassLoader loader = new GatewayFirst(classes.toUri().toURL(), GuardBeforeAfter.class.getClassLoader());
        Class<?> redactor = loader.loadClass("dev.awsmcp.gateway.guard.SecretRedactor");
        Class<?> detector = loader.loadClass("dev.awsmcp.gateway.guard.InjectionDetector");
        Class<?> guardClass = loader.loadClass("dev.awsmcp.gateway.guard.ResultGuard");
        Class<?> mode = loader.loadClass("dev.awsmcp.gateway.guard.GuardMode");
        Class<?> context = loader.loadClass("dev.awsmcp.gateway.guard.GuardContext");
        Object guard = guardClass.getConstructor(redactor, detector).newInstance(
                redactor.getConstructor(boolean.class).newInstance(true),
                loader.loadClass("dev.awsmcp.gateway.guard.PatternInjectionDetector").getConstructor().newInstance());
        Object flag = mode.getField("FLAG").get(null);
        Object ctx = context.getConstructor(mode, int.class, String.class, String.class, List.class)
                .newInstance(flag, budget, "bench", "bench__guard", List.of("bench"));
        Method apply = guardClass.getMethod("apply", JsonNode.class, context);
        return () -> {
            try {
                return apply.invoke(guard, result, ctx);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Loads {@code dev.awsmcp.gateway} classes from its directory first, everything else from its parent. */
    private static final class GatewayFirst extends URLClassLoader {

        GatewayFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.awsmcp.gateway.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
