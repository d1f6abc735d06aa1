#!/usr/bin/env bash
# Records the gateway's class-data archive: the JVM runs `training-run` (the gateway serving a short, real workload:
# docs/performance.md) and writes, at its exit, the classes it loaded and linked, so that later starts map them
# instead of loading, verifying and linking them again (about half the CPU of a start).
#   Java 25 and later: an AOT cache (JEP 483/514/515: linked classes and method profiles), <jar stem>.aot
#   Java 17 to 24:     an AppCDS dynamic archive (-XX:ArchiveClassesAtExit),                 <jar stem>.jsa
# Usage: build-archive.sh [JAVA [JAR [JVM_OPTIONS_FILE]]]
#   In a distribution (as bin/build-archive) the defaults are its runtime, lib/mcp-gateway.jar and config/jvm.options;
#   in the repository, the java on PATH, gateway/target/mcp-gateway.jar and deploy/config/jvm.options.
# An archive holds for the java that recorded it and the jar file it was recorded with (path on Java 17, size and
# modification time): run this again after replacing either. A missing or stale archive never stops the gateway:
# the JVM warns and starts without it (-Xshare:auto). The training run uses moto when Python has it, else calls
# fail at connect (the archive then lacks only the classes of reading AWS answers). Takes 10-60 s.
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
if (( feature >= 25 )); then
  archive="$stem.aot"; record=(-XX:AOTCacheOutput="$archive")
else
  archive="$stem.jsa"; record=(-XX:ArchiveClassesAtExit="$archive")
fi
rm -f "$archive"

start=$SECONDS
log="$(mktemp "${TMPDIR:-/tmp}/build-archive.XXXXXX")"
# The production options (the archive must be recorded with the GC and heap settings it is used with), then the
# recording; the JVM's archiving notes (classes it cannot archive) go to the log only.
if ! "$java" "@$options" "${record[@]}" -Xlog:disable -Xlog:all=error:stderr -jar "$jar" training-run >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build-archive: the training run failed (log: $log); no archive recorded" >&2
  rm -f "$archive"
  exit 1
fi
[[ -s "$archive" ]] || { tail -40 "$log" >&2; echo "build-archive: the JVM wrote no $archive (log: $log)" >&2; exit 1; }
say "$(grep -m1 '^training-run:' "$log" || true)"
say "$archive ($(du -m "$archive" | cut -f1) MiB, java $feature) in $((SECONDS - start)) s"
rm -f "$log"
