#!/usr/bin/env bash
# Run the official MCP conformance suite (@modelcontextprotocol/conformance, server mode) against
# an already running Streamable HTTP server, on the Node 22 binary shipped by the `node` npm package.
#
#   bash e2e/conformance.sh URL [scenario...|all]
#
# Default scenarios: the ones that need no server-side fixtures (see e2e/README.md). `all`: every
# server scenario the installed suite lists (needs the conformance fixture toolset, see e2e/README.md).
# Each scenario is one `conformance server --url URL --scenario NAME` run (the CLI takes one
# --scenario at a time). Prints the suite's own per-scenario output, then a summary.
# Exit: 0 all scenarios passed, 1 any scenario failed, 2 usage/setup error.
# Env: CONFORMANCE_OUTPUT_DIR=DIR  also save each scenario's checks.json under DIR.
#      CONFORMANCE_VERBOSE=1       print checks as JSON instead of the pretty list.
#      CONFORMANCE_TIMEOUT=120     seconds before one scenario run is killed (counts as failed).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
default_scenarios=(server-initialize ping tools-list dns-rebinding-protection)

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  echo "usage: bash e2e/conformance.sh URL [scenario...|all]   (default: ${default_scenarios[*]})" >&2
  exit 2
fi
url="$1"; shift
scenarios=("$@")
[[ ${#scenarios[@]} -gt 0 ]] || scenarios=("${default_scenarios[@]}")

node22="$here/node_modules/node/bin/node"
cli="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [[ ! -x "$node22" || ! -f "$cli" ]]; then
  echo "conformance.sh: missing $node22 or $cli; run: bash scripts/install-test-deps.sh" >&2
  exit 2
fi
if [[ "$("$node22" -p 'process.versions.node.split(".")[0]')" != 22 ]]; then
  echo "conformance.sh: $node22 is not Node 22 ($("$node22" --version))" >&2
  exit 2
fi

if [[ "${scenarios[0]}" == all ]]; then
  mapfile -t scenarios < <("$node22" "$cli" list 2>/dev/null | sed 's/\x1B\[[0-9;]*m//g' \
    | awk '/^Server scenarios/{on=1; next} /^Client scenarios/{on=0} on && /^  - /{print $2}')
  [[ ${#scenarios[@]} -gt 0 ]] || { echo "conformance.sh: the suite listed no server scenarios" >&2; exit 2; }
fi

extra=()
[[ -n "${CONFORMANCE_OUTPUT_DIR:-}" ]] && extra+=(--output-dir "$CONFORMANCE_OUTPUT_DIR")
[[ "${CONFORMANCE_VERBOSE:-}" == 1 ]] && extra+=(--verbose)

declare -a summary
failed=0
for s in "${scenarios[@]}"; do
  echo "=== conformance scenario: $s ==="
  out="$(timeout "${CONFORMANCE_TIMEOUT:-120}" "$node22" "$cli" server --url "$url" --scenario "$s" ${extra[@]+"${extra[@]}"} 2>&1)"
  rc=$?
  out="$(printf '%s\n' "$out" | sed -E $'s/\x1B\\[[0-9;]*m//g')"   # the suite always prints ANSI colours
  printf '%s\n' "$out"
  # The suite prints "Passed: X/Y, N failed, W warnings" per scenario.
  line="$(printf '%s\n' "$out" | grep -E '^Passed: [0-9]+/[0-9]+' | tail -n1)"
  if [[ $rc -eq 0 && -n "$line" ]]; then
    summary+=("PASS $s: $line")
  else
    summary+=("FAIL $s: ${line:-no result (exit $rc)}")
    failed=$((failed + 1))
  fi
done

total=${#scenarios[@]}
echo
echo "=== conformance summary ($url) ==="
printf '%s\n' "${summary[@]}"
echo "conformance scenarios: $((total - failed))/$total passed"
[[ $failed -eq 0 ]] || exit 1
