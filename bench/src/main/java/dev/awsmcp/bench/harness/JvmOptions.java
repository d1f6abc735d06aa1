package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway's production JVM options and class-data archive, as its launcher uses them: the options file
 * (deploy/config/jvm.options, a java {@code @argfile}: options separated by white space, {@code #} comments) and
 * the archive next to the jar, {@code mcp-gateway.jsa} (AppCDS, Java 17 to 24) or {@code mcp-gateway.aot} (AOT
 * cache, Java 25 and later), recorded by {@code scripts/build-archive.sh}.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** The options of {@code file}, without comments. */
    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                    .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's JVM options " + file + ": " + e.getMessage(), e);
        }
    }

    /** The feature version of {@code java} (17, 25, ...), read from {@code java -XshowSettings:properties -version}. */
    static int featureVersion(String java) {
        try {
            Process process = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return out.lines().map(String::strip).filter(l -> l.startsWith("java.specification.version = "))
                    .map(l -> Integer.parseInt(l.substring(l.indexOf('=') + 1).strip())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(java + " printed no java.specification.version"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The archive {@code java} (of {@code feature} version) uses with {@code jar}. */
    static Path archive(Path jar, int feature) {
        String stem = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(stem + (feature >= 25 ? ".aot" : ".jsa"));
    }

    /** The option that makes {@code java} use {@code archive}. */
    static String useArchive(Path archive, int feature) {
        return (feature >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive.toAbsolutePath();
    }
}
