#!/usr/bin/env bash
# `npm test`: every check in order — system packages, lint, types, node tests, screen tests, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
step() { echo; echo "── $1"; }
step "system packages";  bash test/system-deps.sh
step "lint";             npm run -s lint
step "typecheck";        npm run -s typecheck
step "screen tests";     npm run -s test:renderer
step "end-to-end";       npm run -s e2e
# Node's test runner goes last so its summary closes the output.
step "node tests";       npm run -s test:node
