#!/usr/bin/env bash
# Builds the self-contained distribution from gateway/target/mcp-gateway.jar (run by `mvn -Pdist package`):
#   gateway/target/dist/mcp-gateway/            runtime/ (a Java runtime jlink'd to the modules jdeps finds in the
#                                               jar, plus the few it cannot see, with its CDS archive), lib/mcp-gateway.jar,
#                                               lib/mcp-gateway.jsa (.aot on Java 25+: the class-data archive, recorded here
#                                               by bin/build-archive; SKIP_ARCHIVE=1 skips it), bin/mcp-gateway (launcher),
#                                               bin/healthcheck, bin/build-archive, config/gateway.yaml and config/jvm.options
#                                               (deploy/config), policies/
#   gateway/target/mcp-gateway-<version>-linux-<arch>.tar.gz   the same, packed
# Needs a JDK with jmods (jlink) on PATH or in JAVA_HOME; the runtime is that JDK's version (17 or 25, say). About a
# minute: jdeps reads the whole jar; the archive's training run takes 10-30 s more.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:?usage: build-dist.sh VERSION}"
target="$root/gateway/target"
jar="$target/mcp-gateway.jar"
dist="$target/dist/mcp-gateway"
say() { echo "build-dist: $*"; }

[[ -f "$jar" ]] || { echo "build-dist: $jar is missing; run the package phase first" >&2; exit 1; }
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
jdeps="${bin}jdeps"
jlink="${bin}jlink"

# Modules jdeps cannot see because they are loaded as services or by name: TLS key exchange with elliptic
# curves (every AWS endpoint), JNDI DNS (Netty's resolver looks for it).
extra="jdk.crypto.ec,jdk.naming.dns"
start=$SECONDS
modules="$("$jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q "$jar")"
say "jdeps: $modules (+ $extra) in $((SECONDS - start)) s"

rm -rf "$target/dist"
mkdir -p "$dist/lib" "$dist/bin" "$dist/config"
start=$SECONDS
# --generate-cds-archive: the runtime's own CDS archive of the JDK's classes, used when the gateway's archive is missing or
# stale (the gateway's Java 17 archive is a static one that holds the JDK's classes it needs too).
"$jlink" --add-modules "$modules,$extra" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$dist/runtime"
say "jlink: runtime/ ($(du -sm "$dist/runtime" | cut -f1) MiB) in $((SECONDS - start)) s"

cp "$jar" "$dist/lib/mcp-gateway.jar"
cp "$root/deploy/dist/bin/mcp-gateway" "$root/deploy/dist/bin/healthcheck" "$dist/bin/"
cp "$root/scripts/build-archive.sh" "$dist/bin/build-archive"
chmod 755 "$dist/bin/"*
cp "$root/deploy/config/gateway.yaml" "$root/deploy/config/jvm.options" "$dist/config/"
cp -r "$root/policies" "$dist/policies"
if [[ "${SKIP_ARCHIVE:-}" == 1 ]]; then
  say "class-data archive skipped (SKIP_ARCHIVE=1)"
else
  "$dist/bin/build-archive"
fi

arch="$(uname -m | sed 's/x86_64/x64/; s/aarch64/aarch64/')"
archive="$target/mcp-gateway-$version-linux-$arch.tar.gz"
# Not the Java 17 archive: it holds only at the path it was recorded at; after unpacking, bin/build-archive records one.
tar -C "$target/dist" --exclude=mcp-gateway/lib/mcp-gateway.jsa --exclude=mcp-gateway/lib/mcp-gateway.jsa.for -czf "$archive" mcp-gateway
say "$archive ($(du -sm "$archive" | cut -f1) MiB); run: $dist/bin/mcp-gateway --version"
