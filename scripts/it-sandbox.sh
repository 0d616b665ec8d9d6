#!/usr/bin/env bash
# it-sandbox.sh - start and stop the Kubernetes sandbox around Maven's integration tests
# (engine/pom.xml calls it in pre-/post-integration-test, after `k8s-sandbox.sh build`).
#
#   it-sandbox.sh up     k8s-sandbox.sh up, with the admin token masked in the output (it goes
#                        to the build log); remembers whether this call started the API server
#   it-sandbox.sh down   stops the sandbox only if `up` above started it: a cluster that was
#                        already running (a developer's, or one kept on purpose) stays up
#
# Stop a kept sandbox with `scripts/k8s-sandbox.sh down` (`down --wipe` also drops its data).
# Settings: K8S_SANDBOX_DIR (default /var/tmp/k8s-sandbox) and the other K8S_SANDBOX_* variables
# of k8s-sandbox.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SANDBOX=$HERE/k8s-sandbox.sh
SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
MARK=$SB/run/started-by-it   # holds the PID of the kube-apiserver that `up` started

log() { printf '[it-sandbox] %s\n' "$*" >&2; }

apiserver_pid() {  # PID of the running kube-apiserver of this sandbox, or nothing
  "$SANDBOX" status 2>/dev/null | awk '$1 == "kube-apiserver" && $2 == "running" { gsub(/[^0-9]/, "", $4); print $4 }' || true
}

mask_token() { sed -E 's/^(Token[[:space:]]*:[[:space:]]*)[^[:space:]]+/\1***/'; }

cmd_up() {
  local before after
  before=$(apiserver_pid)
  if ! "$SANDBOX" up | mask_token; then
    if [[ -z $before ]]; then
      log "k8s-sandbox.sh up failed - stopping what it started"
      "$SANDBOX" down || true
    fi
    log "ERROR: the Kubernetes sandbox did not start (logs: $SB/run/logs/)"
    exit 1
  fi
  after=$(apiserver_pid)
  [[ -n $after ]] || { log "ERROR: kube-apiserver is not running after up"; exit 1; }
  if [[ $after != "$before" ]]; then
    echo "$after" >"$MARK"
    log "sandbox started for this build; post-integration-test stops it"
  elif [[ $(cat "$MARK" 2>/dev/null || true) == "$after" ]]; then
    log "sandbox left running by an earlier, interrupted test run; post-integration-test stops it"
  else
    log "sandbox was already running; it stays up after the build (stop: scripts/k8s-sandbox.sh down)"
  fi
}

cmd_down() {
  local started
  started=$(cat "$MARK" 2>/dev/null || true)
  if [[ -n $started && $started == "$(apiserver_pid)" ]]; then
    log "stopping the sandbox this build started"
    "$SANDBOX" down
    rm -f "$MARK"
  else
    rm -f "$MARK"
    log "sandbox not started by this build - leaving it as it is"
  fi
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
