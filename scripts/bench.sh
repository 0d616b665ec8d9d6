#!/usr/bin/env bash
# bench.sh - nfvflow's benchmark harness (issue 10): figures side by side, measured in one run.
#
#   scripts/bench.sh                      # 30 runs per operation, a batch of 20 CNFs; prints a table
#   scripts/bench.sh --runs 5 --batch 10  # a short run
#   scripts/bench.sh --write              # also writes the table into docs/performance.md
#
# Needs the Kubernetes sandbox up (scripts/k8s-sandbox.sh up), kubectl (installed by the sandbox
# build), python3, and the jar (built here when missing). Nothing is asserted about time; see
# docs/performance.md for what each figure means.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f engine/target/nfvflow.jar ]]; then
  mvn -B -q package -DskipTests
fi
SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
export PATH="$SB/bin:$PATH"
exec python3 scripts/bench.py "$@"
