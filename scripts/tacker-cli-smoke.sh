#!/usr/bin/env bash
# tacker-cli-smoke.sh - drive a running nfvflow with the real OpenStack `tacker` CLI
# (Debian's python3-tackerclient) against the Kubernetes sandbox, as a Tacker user would:
#
#   vim-register (Tacker-style VIM config file) -> vim-list -> vnfd-create (two Tacker samples)
#   -> vnf-create x2 -> vnf-show until ACTIVE -> events-list -> kubectl shows the objects
#   -> vnf-scale out and in of a scalable CNF (ready pods counted with kubectl, SCALE events, the
#      CLI's own error cases: flags left out, an unknown policy, beyond max_instances), then its
#      alarm URL from vnf-show posted with an Aodh body (a wrong key first: nothing happens)
#   -> heal: a Service deleted with kubectl comes back by itself, a pod healed by hand (curl), an
#      unknown VDU refused; events-list --event-type HEAL says what was healed and why
#   -> vnf-delete -> vnf-show until gone -> kubectl shows nothing -> vnfd-delete -> vim-delete
#
# Every command and its output is printed; the first failure stops the script with a non-zero
# exit, and whatever it created is removed on the way out (also on failure or Ctrl-C).
#
# Needs: nfvflow listening on $NFVFLOW_URL, the sandbox up (scripts/k8s-sandbox.sh up), `tacker`
# (apt-get install python3-tackerclient) and kubectl (installed by k8s-sandbox.sh build).
# Login: NFVFLOW_PASSWORD (or NFVFLOW_ADMIN_PASSWORD) of NFVFLOW_USER (admin): a token from
# nfvflow's identity API for every call.
# Settings: NFVFLOW_URL (http://127.0.0.1:9890), K8S_SANDBOX_DIR (/var/tmp/k8s-sandbox),
# SMOKE_TIMEOUT (seconds to wait for ACTIVE and for deletions, 180).
set -euo pipefail

NFVFLOW_URL=${NFVFLOW_URL:-http://127.0.0.1:9890}
SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
TIMEOUT=${SMOKE_TIMEOUT:-180}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SAMPLES=$ROOT/engine/src/test/resources/it
RUN_ID=$(date +%H%M%S)$((RANDOM % 100))
LABEL=nfvflow.io/vnf-id

TOKEN=
TMP=
VIM_NAME=k8s-smoke-$RUN_ID
VNFDS=()   # names created, removed on exit
VNFS=()    # ids created, removed on exit
VIM_CREATED=0


# shared: log, fail, tacker_, run (prints, masks the token), quiet, vnf_status, wait_active, wait_gone
. "$ROOT/scripts/smoke-lib.sh"

kubectl_() { kubectl --kubeconfig "$SB/kubeconfig" --request-timeout=15s "$@"; }








labelled() {  # names of every object labelled with the VNF id (the kinds a VNF can leave behind)
  kubectl_ get deploy,rs,pods,svc,cm,hpa --all-namespaces -l "$LABEL=$1" -o name 2>/dev/null || echo "kubectl-failed"
}

wait_cluster_empty() {  # id name
  local end=$((SECONDS + 60)) left
  while left=$(labelled "$1") && [[ -n $left ]]; do
    ((SECONDS < end)) || fail "$2: still in the cluster 60s after deletion: $(tr '\n' ' ' <<<"$left")"
    sleep 1
  done
}

cleanup() {
  local rc=$? id name
  trap - EXIT INT TERM
  if ((${#VNFS[@]} + ${#VNFDS[@]} + VIM_CREATED)); then
    log "cleaning up what this run created"
    for id in "${VNFS[@]}"; do
      if vnf_exists "$id"; then
        quiet tacker_ vnf-delete "$id" >/dev/null
        local end=$((SECONDS + TIMEOUT))
        while vnf_exists "$id" && ((SECONDS < end)); do sleep 2; done
      fi
    done
    for name in "${VNFDS[@]}"; do quiet tacker_ vnfd-delete "$name" >/dev/null; done
    ((VIM_CREATED == 0)) || quiet tacker_ vim-delete "$VIM_NAME" >/dev/null
  fi
  nfvflow_logout
  [[ -z $TMP ]] || rm -rf -- "$TMP"
  if ((rc == 0)); then log "PASSED"; else log "FAILED (exit $rc)"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_vnf() { local keep=() id; for id in "${VNFS[@]}"; do [[ $id == "$1" ]] || keep+=("$id"); done; VNFS=("${keep[@]}"); }
forget_vnfd() { local keep=() n; for n in "${VNFDS[@]}"; do [[ $n == "$1" ]] || keep+=("$n"); done; VNFDS=("${keep[@]}"); }

# ------------------------------------------------------------------ preflight
TMP=$(mktemp -d)   # private: holds the VIM config (with the token) while vim-register reads it
chmod 700 "$TMP"
export CLIFF_MAX_TERM_WIDTH=${CLIFF_MAX_TERM_WIDTH:-160}   # keep the CLI's tables readable in logs
command -v tacker >/dev/null || fail "no tacker CLI: apt-get install python3-tackerclient"
command -v kubectl >/dev/null || fail "no kubectl: scripts/k8s-sandbox.sh build installs it"
[[ -r $SB/run/token && -r $SB/run/pki/ca.crt && -r $SB/kubeconfig ]] ||
  fail "no sandbox in $SB: scripts/k8s-sandbox.sh build && scripts/k8s-sandbox.sh up"
kubectl_ get --raw /readyz >/dev/null 2>&1 || fail "the sandbox API server does not answer: scripts/k8s-sandbox.sh up"
curl -s -o /dev/null --max-time 5 "$NFVFLOW_URL/v1.0/vims.json" ||
  fail "nfvflow does not answer on $NFVFLOW_URL (start it: java -jar engine/target/nfvflow.jar)"
nfvflow_login
[[ -r $SAMPLES/tosca-vnfd-containerized.yaml ]] || fail "samples missing in $SAMPLES"

TOKEN=$(<"$SB/run/token")
SMOKE_SECRET=$TOKEN
SMOKE_SECRET_WHAT="bearer token"
API_PORT=$(sed -n 's/^API_PORT=//p' "$SB/run/settings.env" 2>/dev/null || true)
AUTH_URL=https://127.0.0.1:${API_PORT:-6443}
log "nfvflow $NFVFLOW_URL, sandbox $AUTH_URL, tacker $(tacker --version 2>&1)"

# ------------------------------------------------------------------ VIM
VIM_CONFIG=$TMP/vim-config.yaml
(
  umask 077
  {
    echo "auth_url: $AUTH_URL"
    echo "bearer_token: $TOKEN"
    echo "project_name: default"
    echo "type: kubernetes"
    echo "ssl_ca_cert: |"
    sed 's/^/  /' "$SB/run/pki/ca.crt"
  } >"$VIM_CONFIG"
)
chmod 600 "$VIM_CONFIG"
log "VIM config (mode 600, token not shown): $VIM_CONFIG"

VIM_CREATED=1   # from here on, vim-delete on exit (a failed register makes it a no-op)
run tacker_ vim-register --config-file "$VIM_CONFIG" --is-default "$VIM_NAME"
rm -f -- "$VIM_CONFIG"
run tacker_ vim-list
end=$((SECONDS + TIMEOUT))
while [[ $(quiet tacker_ vim-show "$VIM_NAME" -f value -c status) == PENDING ]] && ((SECONDS < end)); do sleep 2; done
run tacker_ vim-show "$VIM_NAME" -f value -c status
[[ $LAST == REACHABLE ]] || fail "VIM $VIM_NAME is '$LAST', expected REACHABLE"

# ------------------------------------------------------------------ VNFDs and VNFs
declare -A VNFD_FILE=(
  [smoke-vnfd-$RUN_ID]=$SAMPLES/tosca-vnfd-containerized.yaml
  [smoke-vnfd-2c-$RUN_ID]=$SAMPLES/tosca-vnfd-containerized-two-containers.yaml
)
VNFD_ORDER=("smoke-vnfd-$RUN_ID" "smoke-vnfd-2c-$RUN_ID")
for vnfd in "${VNFD_ORDER[@]}"; do
  VNFDS+=("$vnfd")
  run tacker_ vnfd-create --vnfd-file "${VNFD_FILE[$vnfd]}" "$vnfd"
done
run tacker_ vnfd-list

declare -A VNF_ID=()
i=0
for vnfd in "${VNFD_ORDER[@]}"; do
  i=$((i + 1))
  vnf=vnf$i-$RUN_ID
  run tacker_ vnf-create --vnfd-name "$vnfd" --vim-name "$VIM_NAME" "$vnf"
  run tacker_ vnf-show "$vnf" -f value -c id
  VNF_ID[$vnf]=$LAST
  VNFS+=("$LAST")
done

for vnf in "${!VNF_ID[@]}"; do
  id=${VNF_ID[$vnf]}
  wait_active "$id" "$vnf"
  run tacker_ vnf-show "$vnf"
  run tacker_ events-list --resource-id "$id"
  [[ $LAST == *CREATE* ]] || fail "no CREATE event for $vnf"
  run kubectl_ get deploy,svc,cm,hpa -l "$LABEL=$id"
  for kind in deployment service horizontalpodautoscaler; do
    [[ -n $(kubectl_ get "$kind" -l "$LABEL=$id" -o name) ]] || fail "$vnf: no $kind labelled $LABEL=$id"
  done
done
run tacker_ vnf-list

# ------------------------------------------------------------------ scale
ready_pods() {  # id: how many of the VNF's pods are Ready
  kubectl_ get pods --all-namespaces -l "$LABEL=$1" \
    -o jsonpath='{range .items[*]}{.metadata.deletionTimestamp}{"|"}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' |
    grep -c '^|True$' || true
}
wait_ready_pods() {  # id n
  local end=$((SECONDS + 60))
  until [[ $(ready_pods "$1") == "$2" ]]; do
    ((SECONDS < end)) || fail "VNF $1: $(ready_pods "$1") ready pods, expected $2"
    sleep 1
  done
  log "VNF $1: $2 ready pods"
}
SCALE_VNFD=smoke-vnfd-scale-$RUN_ID
SCALE_VNF=vnf-scale-$RUN_ID
VNFDS+=("$SCALE_VNFD")
VNFD_ORDER+=("$SCALE_VNFD")
# no cooldown, so that the alarm below may scale right after the CLI's scales
sed 's/cooldown: 30/cooldown: 0/' "$SAMPLES/vnfd-scalable-cnf.yaml" >"$TMP/vnfd-scalable-cnf.yaml"
run tacker_ vnfd-create --vnfd-file "$TMP/vnfd-scalable-cnf.yaml" "$SCALE_VNFD"
run tacker_ vnf-create --vnfd-name "$SCALE_VNFD" --vim-name "$VIM_NAME" "$SCALE_VNF"
run tacker_ vnf-show "$SCALE_VNF" -f value -c id
VNF_ID[$SCALE_VNF]=$LAST
VNFS+=("$LAST")
wait_active "$LAST" "$SCALE_VNF"
wait_scaled "$SCALE_VNF" 2
wait_ready_pods "${VNF_ID[$SCALE_VNF]}" 2
run tacker_ vnf-scale --vnf-name "$SCALE_VNF" --scaling-policy-name SP1 --scaling-type out
wait_scaled "$SCALE_VNF" 3
wait_ready_pods "${VNF_ID[$SCALE_VNF]}" 3
run tacker_ vnf-show "$SCALE_VNF"
run_fails "max_instances is 3" tacker_ vnf-scale --vnf-name "$SCALE_VNF" --scaling-policy-name SP1 --scaling-type out
run_fails "scale.type.*required.*scale.policy.*required" tacker_ vnf-scale --vnf-name "$SCALE_VNF"
run_fails "SP9 does not exist" tacker_ vnf-scale --vnf-name "$SCALE_VNF" --scaling-policy-name SP9 --scaling-type in
run tacker_ vnf-scale --vnf-name "$SCALE_VNF" --scaling-policy-name SP1 --scaling-type in
wait_scaled "$SCALE_VNF" 2
wait_ready_pods "${VNF_ID[$SCALE_VNF]}" 2
# the alarm URL from vnf-show, posted as Aodh would (no login: the URL's key is the credential):
# a wrong key changes nothing, the right one scales
run tacker_ vnf-show "$SCALE_VNF" -f json
ALARM_URL=$(jq -r '.attributes | (if type == "string" then fromjson else . end) | .vdu_hcpu_usage_scaling_out' <<<"$LAST")
[[ $ALARM_URL == "$NFVFLOW_URL/v1.0/vnfs/${VNF_ID[$SCALE_VNF]}/vdu_hcpu_usage_scaling_out/SP1-out/"* ]] ||
  fail "no alarm URL in the attributes of $SCALE_VNF: '$ALARM_URL'"
AODH='{"alarm_id": "smoke-alarm", "current": "alarm", "previous": "ok", "reason": "cpu_util > 80"}'
run_fails "404" curl -sS -f -XPOST -H 'content-type: application/json' -d "$AODH" "${ALARM_URL%/*}/wrongkey"
run curl -sS -f -XPOST -H 'content-type: application/json' -d "$AODH" "$ALARM_URL"
[[ $LAST == *"scale started"* ]] || fail "the alarm did not start a scale: $LAST"
wait_scaled "$SCALE_VNF" 3
wait_ready_pods "${VNF_ID[$SCALE_VNF]}" 3
run tacker_ events-list --resource-id "${VNF_ID[$SCALE_VNF]}" --event-type SCALE
[[ $(grep -c 'PENDING_SCALE_OUT' <<<"$LAST") == 2 && $(grep -c 'PENDING_SCALE_IN' <<<"$LAST") == 1 ]] ||
  fail "expected one SCALE start event per scale (two out, one in)"

# ------------------------------------------------------------------ heal
heal_events() { quiet tacker_ events-list --resource-id "$1" --event-type HEAL -f value -c resource_state | grep -c ACTIVE || true; }
wait_healed() {  # id n: n completed heals (end events) and ACTIVE
  local end=$((SECONDS + TIMEOUT))
  until [[ $(heal_events "$1") -ge $2 && $(vnf_status "$1") == ACTIVE ]]; do
    ((SECONDS < end)) || fail "VNF $1: not healed ($2) within ${TIMEOUT}s"
    sleep 1
  done
  log "VNF $1: heal $2 completed"
}
HEAL_ID=${VNF_ID[$SCALE_VNF]}
# drift: a Service deleted with kubectl comes back by itself
SVC=$(kubectl_ get svc --all-namespaces -l "$LABEL=$HEAL_ID" -o jsonpath='{.items[0].metadata.namespace}/{.items[0].metadata.name}')
run kubectl_ delete svc -n "${SVC%%/*}" "${SVC#*/}"
wait_healed "$HEAL_ID" 1
run kubectl_ get svc -n "${SVC%%/*}" "${SVC#*/}"
# heal by hand (nfvflow's extension of the actions resource): one pod, then a bad request
POD=$(kubectl_ get pods --all-namespaces -l "$LABEL=$HEAL_ID" -o jsonpath='{.items[0].metadata.name}')
run curl_ -sS -f -XPOST -H 'content-type: application/json' \
  -d "{\"heal\": {\"cause\": \"smoke: replace $POD\", \"instances\": [\"$POD\"]}}" "$NFVFLOW_URL/v1.0/vnfs/$SCALE_VNF/actions"
[[ $LAST == *'"operation":"HEAL"'* ]] || fail "the heal did not start: $LAST"
wait_healed "$HEAL_ID" 2
wait_ready_pods "$HEAL_ID" 3
[[ -z $(kubectl_ get pods --all-namespaces -l "$LABEL=$HEAL_ID" -o name | grep "/$POD\$") ]] || fail "pod $POD was not replaced"
run_fails "VDU9 does not exist" curl_ -sS --fail-with-body -XPOST -H 'content-type: application/json' \
  -d '{"heal": {"vdu": ["VDU9"]}}' "$NFVFLOW_URL/v1.0/vnfs/$SCALE_VNF/actions"
run tacker_ events-list --resource-id "$HEAL_ID" --event-type HEAL
run tacker_ events-list --resource-id "$HEAL_ID" --event-type HEAL -f value -c event_details
[[ $LAST == *"is missing"* && $LAST == *"replaced $POD"*"smoke: replace $POD"* ]] ||
  fail "the HEAL events do not say what was healed and why"

# ------------------------------------------------------------------ teardown, checked
for vnf in "${!VNF_ID[@]}"; do
  id=${VNF_ID[$vnf]}
  run tacker_ vnf-delete "$vnf"
  wait_gone "$id" "$vnf"
  wait_cluster_empty "$id" "$vnf"
  run kubectl_ get deploy,rs,pods,svc,cm,hpa --all-namespaces -l "$LABEL=$id"
  forget_vnf "$id"
done
for vnfd in "${VNFD_ORDER[@]}"; do
  run tacker_ vnfd-delete "$vnfd"
  forget_vnfd "$vnfd"
done
run tacker_ vim-delete "$VIM_NAME"
VIM_CREATED=0
run tacker_ vim-list
