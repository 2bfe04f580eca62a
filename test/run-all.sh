#!/usr/bin/env bash
# `npm test`: every check — system packages, lint and types, screen tests, then end-to-end, reliability and node tests.
# CI machines have two cores and the checks used under half of them one after another, so groups that do not share a
# port or a file run side by side (end-to-end mostly waits on the browser and the host; node tests on the CPU). Each
# one's output is printed whole, in a fixed order, after all finish; any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
step() { echo; echo "── $1 (at ${SECONDS}s)"; }

# side_by_side NAME COMMAND [NAME COMMAND …]: runs the commands at once, then prints each one's output in turn.
side_by_side() {
  local names=() pids=() failed=0
  while [ $# -gt 0 ]; do
    names+=("$1")
    bash -c "$2" >"$logs/$1.log" 2>&1 &
    pids+=($!)
    shift 2
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then status="passed"; else status="FAILED"; failed=1; fi
    echo "── ${names[$i]}: $status (at ${SECONDS}s)"
    cat "$logs/${names[$i]}.log"
  done
  return $failed
}

step "system packages"
bash test/system-deps.sh
step "lint and typecheck"
side_by_side lint "npm run -s lint" typecheck "npm run -s typecheck"
step "screen tests"
npm run -s test:renderer
step "end-to-end, reliability and node tests"
# Node's test runner is printed last so its summary closes the output. The reliability tests follow the end-to-end
# ones in their lane: by then the node tests run alone on one core and leave the other free. Their figures
# (docs/reliability.md) are repeated at the very end, one line each.
side_by_side "end-to-end and reliability" "npm run -s e2e && npm run -s test:reliability" "node tests" "npm run -s test:node"
echo "── reliability figures"
grep -ho 'FIGURE .*' "$logs"/*.log || true
echo "── all checks passed in ${SECONDS}s"
