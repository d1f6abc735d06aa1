#!/usr/bin/env bash
# Records the gateway's class-data archive: the JVM runs `training-run` (the gateway serving a short, real workload:
# docs/performance.md) and records the classes it loaded, so that later starts map them instead of loading, verifying
# and linking them again (about half the CPU of a start).
#   Java 25 and later: an AOT cache (JEP 483/514/515: linked classes and method profiles), <jar stem>.aot
#   Java 17 to 24:     a static AppCDS archive of the classes the training run loaded (its class list, then
#                      -Xshare:dump), <jar stem>.jsa, and <jar stem>.jsa.for: the jar it holds for (path, size, time),
#                      which bin/mcp-gateway compares, since the JVM ignores a stale static archive without a warning.
#                      Static rather than dynamic: a dynamic archive cannot hold picocli's Java 5 class files.
# Usage: build-archive.sh [JAVA [JAR [JVM_OPTIONS_FILE]]]
#   In a distribution (as bin/build-archive) the defaults are its runtime, lib/mcp-gateway.jar and config/jvm.options;
#   in the repository, the java on PATH, gateway/target/mcp-gateway.jar and deploy/config/jvm.options.
# An archive holds for the java that recorded it and the jar file it was recorded with (path on Java 17, size and
# modification time): run this again after replacing either. A missing or stale archive never stops the gateway:
# it starts without it, and bin/mcp-gateway (Java 17 to 24) or the JVM (Java 25) says so. The training run uses moto
# when Python has it, else calls fail at connect (the archive then lacks only the classes of reading AWS answers).
# Takes 40-90 s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -x "$here/runtime/bin/java" ]]; then
  defaults=("$here/runtime/bin/java" "$here/lib/mcp-gateway.jar" "$here/config/jvm.options")
else
  defaults=("java" "$here/gateway/target/mcp-gateway.jar" "$here/deploy/config/jvm.options")
fi
java="${1:-${defaults[0]}}"
jar="${2:-${defaults[1]}}"
options="${3:-${defaults[2]}}"
say() { echo "build-archive: $*"; }

[[ -f "$jar" ]] || { echo "build-archive: $jar is missing" >&2; exit 1; }
# Absolute, as the launcher names it: Java 17 uses an archive only with the jar path it was recorded with.
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
[[ -f "$options" ]] || { echo "build-archive: $options (the JVM options) is missing" >&2; exit 1; }
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
[[ -n "$feature" ]] || { echo "build-archive: cannot tell the version of $java" >&2; exit 1; }
stem="${jar%.jar}"
log="$(mktemp "${TMPDIR:-/tmp}/build-archive.XXXXXX")"
if (( feature >= 25 )); then
  archive="$stem.aot"; record=(-XX:AOTCacheOutput="$archive")
else
  archive="$stem.jsa"; classes="$log.classes"; record=(-XX:DumpLoadedClassList="$classes")
fi
rm -f "$archive" "$archive.for"

start=$SECONDS
# The production options (the archive must be recorded with the GC and heap settings it is used with), then the
# recording; the JVM's archiving notes (classes it cannot archive) go to the log only.
if ! "$java" "@$options" "${record[@]}" -Xlog:disable -Xlog:all=error:stderr -jar "$jar" training-run >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build-archive: the training run failed (log: $log); no archive recorded" >&2
  rm -f "$archive"
  exit 1
fi
if (( feature < 25 )); then
  # The archive of the classes the run loaded, for this classpath (the jar as the launcher names it) and these options.
  if ! "$java" "@$options" -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$archive" \
      -Xlog:disable -Xlog:all=error:stderr -cp "$jar" >>"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "build-archive: the JVM could not write $archive from the training run's classes (log: $log)" >&2
    rm -f "$archive"
    exit 1
  fi
  rm -f "$classes"
  # What the launcher checks before using it: the JVM would ignore it silently for another jar or directory.
  echo "$jar $(stat -c '%s %Y' "$jar")" > "$archive.for"
fi
[[ -s "$archive" ]] || { tail -40 "$log" >&2; echo "build-archive: the JVM wrote no $archive (log: $log)" >&2; exit 1; }
say "$(grep -m1 '^training-run:' "$log" || true)"
say "$archive ($(du -m "$archive" | cut -f1) MiB, java $feature) in $((SECONDS - start)) s"
rm -f "$log"
