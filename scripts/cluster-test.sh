#!/usr/bin/env bash
# cluster-test.sh - two nfvflow nodes on one PostgreSQL, the VIM's watcher killed with kill -9 in
# the middle of a batch of CNF instantiations (issue 11's cluster test; see scripts/cluster_test.py
# and docs/operations.md for what it checks and the figures it prints).
#
#   scripts/cluster-test.sh               # 50 CNFs across both nodes
#   scripts/cluster-test.sh --vnfs 20     # shorter
#
# Needs the Kubernetes sandbox up (scripts/k8s-sandbox.sh up); starts the PostgreSQL sandbox
# (scripts/postgres-sandbox.sh up, installing Debian's postgresql-15 when missing) and leaves it
# running. Builds the jar when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f engine/target/nfvflow.jar ]]; then
  mvn -B -q package -DskipTests
fi
SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
export PATH="$SB/bin:$PATH"
exec python3 scripts/cluster_test.py "$@"
