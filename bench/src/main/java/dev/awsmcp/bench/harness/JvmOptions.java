package dev.awsmcp.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /**
     * The option that makes {@code java} (of {@code feature} version) use the archive next to {@code jar}, when it can
     * with the options of {@code optionsFile}; when it cannot (the archive is missing, older than the jar, or recorded by
     * another runtime: a Java 17 archive holds only for the runtime that recorded it) and {@code record} holds, records
     * one first with scripts/build-archive.sh as the build does. Empty when there is none to use.
     */
    static Optional<String> usableArchive(String java, int feature, Path jar, Path optionsFile, boolean record) {
        Path archive = archive(jar, feature);
        if (usable(java, jar, archive, feature, optionsFile)) {
            return Optional.of(useArchive(archive, feature));
        }
        if (!record) {
            System.out.println("bench: " + archive + " cannot be used by " + java + " (missing, stale or another runtime's): without it");
            return Optional.empty();
        }
        System.out.println("bench: no usable " + archive + " for " + java + "; recording it (scripts/build-archive.sh)");
        try {
            Process process = new ProcessBuilder("scripts/build-archive.sh", java, jar.toString(), optionsFile.toString()).inheritIO().start();
            if (process.waitFor() != 0 || !usable(java, jar, archive, feature, optionsFile)) {
                throw new IllegalStateException("scripts/build-archive.sh " + java + " " + jar + " did not record a usable " + archive);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/build-archive.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Optional.of(useArchive(archive, feature));
    }

    /** True when {@code archive} is there, not older than {@code jar}, and {@code java} maps it with those options. */
    private static boolean usable(String java, Path jar, Path archive, int feature, Path optionsFile) {
        try {
            if (!Files.isRegularFile(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                return false;
            }
            // Refuse to start rather than warn and go on without it: -Xshare:on (Java 17), -XX:AOTMode=on (Java 25).
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(read(optionsFile));
            command.add(useArchive(archive, feature));
            command.add(feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
            command.addAll(List.of("-cp", jar.toString(), "-version"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot check " + archive + " with " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
