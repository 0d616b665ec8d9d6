#!/usr/bin/env bash
# tacker-cli-smoke-vnffg.sh - drive a running nfvflow with the real OpenStack `tacker` CLI
# (Debian's python3-tackerclient) through a service function chain (VNFFG, issue 8) of a VM VNF on
# the OpenStack sandbox and a containerised VNF on the Kubernetes sandbox, as a Tacker user would,
# printing networking-sfc's view (`openstack sfc port chain show` and its port pair groups) at
# each step:
#
#   openstack network + subnet + a source port (the classifier's network_src_port_id)
#   -> vim-register an OpenStack VIM and a Kubernetes VIM; the Kubernetes VIM names the OpenStack
#      one as the Neutron of its pods' ports (neutron_vim_id, set with curl: no CLI flag for it)
#   -> scripts/kuryr-standin.py in the background, giving the CNF's pods Neutron ports (Kuryr's part)
#   -> vnfd-create VNFD1 (Tacker's tosca-vnffg-vnfd1.yaml on the sandbox) and CNFD1 (a CNF of 2 pods)
#   -> vnf-create a VM VNF and two CNFs -> ACTIVE, every pod with its port
#   -> vnffgd-create of Tacker's tosca-vnffgd-sample.yaml (its source port set to ours) and of a
#      mixed one (VNFD1 -> CNFD1, with inputs) -> vnffgd-list -> vnffgd-template-show
#   -> vnffg-create --vnffgd-name --vnf-mapping VNFD1:vm,CNFD1:cnf --param-file -> ACTIVE
#      -> vnffg-show, nfp-list/show, chain-list/show, classifier-list/show; Neutron: 2 PPGs, the
#      CNF's with one pair per pod
#   -> vnf-scale the CNF out to 3 pods -> its PPG gets the third pair by itself (UPDATE event)
#   -> vnffg-update --vnf-mapping CNFD1:cnf2 -> the CNF's PPG holds cnf2's pods' ports
#   -> vnffg-delete -> gone, nothing with its owner marker left in networking-sfc
#   -> vnf-delete, vnfd-delete, vnffgd-delete, vim-delete; the network goes
#
# Every command and its output is printed; the first failure stops the script with a non-zero
# exit, and whatever it created is removed on the way out (also on failure or Ctrl-C).
#
# Needs: nfvflow listening on $NFVFLOW_URL, both sandboxes up (scripts/k8s-sandbox.sh up,
# scripts/openstack-sandbox/openstack-up.sh), `tacker` (apt-get install python3-tackerclient),
# `openstack` (installed by openstack-up.sh), kubectl, jq, curl, python3.
# Login: NFVFLOW_PASSWORD (or NFVFLOW_ADMIN_PASSWORD) of NFVFLOW_USER (admin): a token from
# nfvflow's identity API for every call.
# Settings: NFVFLOW_URL (http://127.0.0.1:9890), OPENSTACK_SANDBOX_DIR (/var/tmp/openstack-sandbox),
# K8S_SANDBOX_DIR (/var/tmp/k8s-sandbox), SMOKE_OPENRC (the user and project of the OpenStack VIM;
# default the sandbox's admin-openrc: Tacker's VNFD1 sizes its VDU with nfv_compute, for which a
# flavor may have to be made, which only an admin may do), SMOKE_TIMEOUT (seconds to wait, 300).
set -euo pipefail

NFVFLOW_URL=${NFVFLOW_URL:-http://127.0.0.1:9890}
OS_SB=${OPENSTACK_SANDBOX_DIR:-/var/tmp/openstack-sandbox}
K8S_SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
OPENRC=${SMOKE_OPENRC:-$OS_SB/admin-openrc}
TIMEOUT=${SMOKE_TIMEOUT:-300}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SAMPLES=$ROOT/engine/src/test/resources/it
RUN_ID=$(date +%H%M%S)$((RANDOM % 100))
IMAGE=fake-img
MARKER=nfvflow.io/vnffg-id=

TMP=
NET=vnffg-smoke-net-$RUN_ID
SRC_PORT_NAME=vnffg-smoke-src-$RUN_ID
NS=vnffg-smoke-$RUN_ID
VIM_OS=vnffg-os-$RUN_ID
VIM_K8S=vnffg-k8s-$RUN_ID
VNF_VM=vnffg-smoke-vm-$RUN_ID
VNF_CNF=vnffg-smoke-cnf-$RUN_ID
VNF_CNF2=vnffg-smoke-cnf2-$RUN_ID
VNFFGD_SAMPLE=vnffgd-sample-$RUN_ID
VNFFGD_MIXED=vnffgd-mixed-$RUN_ID
VNFFG=vnffg-smoke-$RUN_ID
VNFFG_ID=
KURYR_PID=
NET_CREATED=0
NS_CREATED=0
VIMS=()     # names, removed on exit (Kubernetes first: it names the OpenStack one)
VNFDS=()    # names, removed on exit
VNFFGDS=()  # names, removed on exit
VNFS=()     # ids, removed on exit
PASSWORD=
TOKEN=

# shared: log, fail, tacker_, run (prints, masks the secret), quiet, vnf_status, wait_active, wait_gone,
# wait_scaled
. "$ROOT/scripts/smoke-lib.sh"

# the openstack CLI as the VIM's user; in a subshell so that tacker never sees the OS_* variables
openstack_() { (set +u; . "$OPENRC"; /usr/bin/openstack "$@"); }
kubectl_() { kubectl --kubeconfig "$K8S_SB/kubeconfig" --request-timeout=15s "$@"; }
api_get() { curl_ -sf --max-time 15 "$NFVFLOW_URL/v1.0/$1"; }

# run with the Kubernetes bearer token as the secret to mask (and to fail on)
run_k8s() { local saved=$SMOKE_SECRET what=$SMOKE_SECRET_WHAT rc=0
  SMOKE_SECRET=$TOKEN SMOKE_SECRET_WHAT="bearer token"
  run "$@" || rc=$?
  SMOKE_SECRET=$saved SMOKE_SECRET_WHAT=$what
  return $rc
}

vnffg_status() { quiet tacker_ vnffg-show "$1" -f value -c status; }
vnffg_exists() { tacker_ vnffg-show "$1" -f value -c id >/dev/null 2>&1; }

wait_vnffg() {  # name: until ACTIVE (ERROR fails)
  local end=$((SECONDS + TIMEOUT)) status last=
  while :; do
    status=$(vnffg_status "$1")
    [[ $status != "$last" ]] && log "$1: ${status:-<no answer>}" && last=$status
    case $status in
      ACTIVE) return 0 ;;
      ERROR) run tacker_ vnffg-show "$1"; fail "$1 went ERROR" ;;
    esac
    ((SECONDS < end)) || fail "$1 not ACTIVE after ${TIMEOUT}s (last status: ${status:-none})"
    sleep 1
  done
}

wait_vnffg_gone() {  # name
  local end=$((SECONDS + TIMEOUT))
  while vnffg_exists "$1"; do
    ((SECONDS < end)) || fail "$1 still there ${TIMEOUT}s after vnffg-delete (status: $(vnffg_status "$1"))"
    sleep 1
  done
  log "$1: gone (vnffg-show answers not found)"
}

# networking-sfc's view: the port chain, then each of its port pair groups with its pairs' ports
show_chain() {  # port chain id
  local ppg
  run openstack_ sfc port chain show "$1"
  for ppg in $(jq -r '."Port Pair Groups"[]' <<<"$(openstack_ sfc port chain show "$1" -f json)"); do
    run openstack_ sfc port pair group show "$ppg" -c ID -c Name -c "Port Pair" -c Description
    log "  its pairs' ingress ports: $(ppg_ports "$ppg" | tr '\n' ' ')"
  done
}
ppg_of_hop() {  # port chain id, hop index: the PPG id
  jq -r --argjson i "$2" '."Port Pair Groups"[$i]' <<<"$(quiet openstack_ sfc port chain show "$1" -f json)"
}
ppg_ports() {  # PPG id: the ingress port of each pair, sorted
  local pp
  for pp in $(quiet openstack_ sfc port pair group show "$1" -f json | jq -r '."Port Pair"[]'); do
    quiet openstack_ sfc port pair show "$pp" -f json | jq -r '."Ingress Logical Port"'
  done | sort
}
cp_ports() {  # VNF id, CP: the Neutron port of the CP of each instance (from nfvflow), sorted
  api_get "vnfs/$1" | jq -r --arg cp "$2" '.vnf.instances[]?.ports[$cp] // empty' | sort
}
wait_cp_ports() {  # VNF id, CP, count: until that many instances have a port for the CP
  local end=$((SECONDS + TIMEOUT))
  until [[ $(cp_ports "$1" "$2" | grep -c .) == "$3" ]]; do
    ((SECONDS < end)) || fail "VNF $1: not $3 instances with a port for $2 after ${TIMEOUT}s: $(api_get "vnfs/$1" | jq -c '.vnf.instances')"
    sleep 1
  done
  log "VNF $1: $3 instances with a $2 port: $(cp_ports "$1" "$2" | tr '\n' ' ')"
}
wait_ppg_ports() {  # PPG id, expected ports (sorted, newline-separated): until the PPG holds exactly them
  local end=$((SECONDS + TIMEOUT))
  until [[ $(ppg_ports "$1") == "$2" ]]; do
    ((SECONDS < end)) || fail "PPG $1 holds '$(ppg_ports "$1" | tr '\n' ' ')', expected '$(tr '\n' ' ' <<<"$2")'"
    sleep 1
  done
}
owned_sfc() {  # VNFFG id: every networking-sfc object whose description carries its marker, as
              # "<kind>|<id>|<name>" lines, chains first (the order they must be deleted in)
  local kind
  for kind in "port chain" "port pair group" "port pair" "flow classifier"; do
    # shellcheck disable=SC2086
    quiet openstack_ sfc $kind list --long -f json |
      jq -r --arg m "$MARKER$1" --arg k "$kind" '.[] | select((.Description // "") | contains($m)) | "\($k)|\(.ID)|\(.Name)"'
  done
}
chain_updates() { quiet tacker_ events-list --resource-id "$1" --event-type UPDATE -f value -c resource_state | grep -c ACTIVE || true; }

cleanup() {
  local rc=$? id name end port
  trap - EXIT INT TERM
  if [[ -n $VNFFG_ID ]] || ((${#VNFS[@]} + ${#VNFDS[@]} + ${#VNFFGDS[@]} + ${#VIMS[@]} + NET_CREATED + NS_CREATED)); then
    log "cleaning up what this run created"
    if [[ -n $VNFFG_ID ]]; then
      if vnffg_exists "$VNFFG_ID"; then
        quiet tacker_ vnffg-delete "$VNFFG_ID" >/dev/null
        end=$((SECONDS + TIMEOUT))
        while vnffg_exists "$VNFFG_ID" && ((SECONDS < end)); do sleep 2; done
      fi
      owned_sfc "$VNFFG_ID" | while IFS='|' read -r kind id name; do
        log "deleting $kind $id ($name) left behind"
        # shellcheck disable=SC2086
        quiet openstack_ sfc $kind delete "$id"
      done
    fi
    for id in "${VNFS[@]}"; do
      if vnf_exists "$id"; then
        quiet tacker_ vnf-delete "$id" >/dev/null
        end=$((SECONDS + TIMEOUT))
        while vnf_exists "$id" && ((SECONDS < end)); do sleep 3; done
      fi
      if [[ -n $(quiet openstack_ stack list -f value -c 'Stack Name' | grep -x "nfvflow-$id") ]]; then
        log "deleting the stack nfvflow-$id left behind"
        quiet openstack_ stack delete --yes --wait "nfvflow-$id" >/dev/null
      fi
    done
    for name in "${VNFFGDS[@]}"; do quiet tacker_ vnffgd-delete "$name" >/dev/null; done
    for name in "${VNFDS[@]}"; do quiet tacker_ vnfd-delete "$name" >/dev/null; done
    for name in "${VIMS[@]}"; do quiet tacker_ vim-delete "$name" >/dev/null; done
    if [[ -n $KURYR_PID ]]; then
      sleep 3   # let the stand-in remove the ports of the pods that went
      kill "$KURYR_PID" 2>/dev/null || true
      wait "$KURYR_PID" 2>/dev/null || true
    fi
    ((NS_CREATED == 0)) || quiet kubectl_ delete namespace "$NS" --wait=false >/dev/null
    if ((NET_CREATED)); then
      for port in $(quiet openstack_ port list --network "$NET" -f value -c ID); do quiet openstack_ port delete "$port"; done
      quiet openstack_ network delete "$NET"
    fi
  elif [[ -n $KURYR_PID ]]; then
    kill "$KURYR_PID" 2>/dev/null || true
  fi
  if [[ -n $TMP && -s $TMP/kuryr.log ]]; then
    log "kuryr-standin.py's log:"
    sed 's/^/    /' "$TMP/kuryr.log" >&2
  fi
  nfvflow_logout
  [[ -z $TMP ]] || rm -rf -- "$TMP"
  if ((rc == 0)); then log "PASSED"; else log "FAILED (exit $rc)"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ preflight
TMP=$(mktemp -d)   # private: holds the VIM configs (with the secrets) while vim-register reads them
chmod 700 "$TMP"
export CLIFF_MAX_TERM_WIDTH=${CLIFF_MAX_TERM_WIDTH:-160}   # keep the CLI's tables readable in logs
for tool in tacker kubectl jq curl python3; do
  command -v "$tool" >/dev/null || fail "no $tool"
done
[[ -x /usr/bin/openstack ]] || fail "no openstack CLI: scripts/openstack-sandbox/openstack-up.sh installs it"
[[ -r $OPENRC && -r $OS_SB/admin-openrc ]] || fail "no $OPENRC: scripts/openstack-sandbox/openstack-up.sh"
[[ -r $K8S_SB/run/token && -r $K8S_SB/run/pki/ca.crt && -r $K8S_SB/kubeconfig ]] ||
  fail "no Kubernetes sandbox in $K8S_SB: scripts/k8s-sandbox.sh build && scripts/k8s-sandbox.sh up"
[[ -r $ROOT/scripts/kuryr-standin.py ]] || fail "no scripts/kuryr-standin.py in $ROOT"
openstack_ token issue -f value -c id >/dev/null 2>&1 ||
  fail "the OpenStack sandbox does not answer: scripts/openstack-sandbox/openstack-up.sh"
openstack_ extension show sfc -f value -c alias >/dev/null 2>&1 || fail "networking-sfc is not enabled in Neutron"
kubectl_ get --raw /readyz >/dev/null 2>&1 || fail "the Kubernetes sandbox does not answer: scripts/k8s-sandbox.sh up"
curl -s -o /dev/null --max-time 5 "$NFVFLOW_URL/v1.0/vims.json" ||
  fail "nfvflow does not answer on $NFVFLOW_URL (start it: java -jar engine/target/nfvflow.jar)"
nfvflow_login
for f in tosca-vnffgd-sample.yaml tosca-vnffgd-mixed-sample.yaml tosca-vnffg-vnfd1.yaml vnfd-chain-cnf.yaml; do
  [[ -r $SAMPLES/$f ]] || fail "sample missing: $SAMPLES/$f"
done

# shellcheck disable=SC1090
eval "$(set +u; . "$OPENRC"; printf 'AUTH_URL=%q USERNAME=%q PASSWORD=%q PROJECT=%q PROJECT_DOMAIN=%q USER_DOMAIN=%q' \
  "$OS_AUTH_URL" "$OS_USERNAME" "$OS_PASSWORD" "$OS_PROJECT_NAME" "${OS_PROJECT_DOMAIN_NAME:-Default}" "${OS_USER_DOMAIN_NAME:-Default}")"
SMOKE_SECRET=$PASSWORD
SMOKE_SECRET_WHAT=password
TOKEN=$(<"$K8S_SB/run/token")
K8S_PORT=$(sed -n 's/^API_PORT=//p' "$K8S_SB/run/settings.env" 2>/dev/null || true)
K8S_URL=https://127.0.0.1:${K8S_PORT:-6443}
log "nfvflow $NFVFLOW_URL, OpenStack $AUTH_URL as $USERNAME in project $PROJECT, Kubernetes $K8S_URL, tacker $(tacker --version 2>&1)"

# ------------------------------------------------------------------ network and the traffic source
NET_CREATED=1
run openstack_ network create "$NET" -f value -c id
run openstack_ subnet create --network "$NET" --subnet-range 10.198.$((RANDOM % 250)).0/24 "$NET-subnet" -f value -c id
run openstack_ port create --network "$NET" "$SRC_PORT_NAME" -f value -c id
SRC_PORT=$LAST

# ------------------------------------------------------------------ VIMs: OpenStack, and Kubernetes on its Neutron
(
  umask 077
  {
    echo "auth_url: '$AUTH_URL'"
    echo "username: '$USERNAME'"
    echo "password: '$PASSWORD'"
    echo "project_name: '$PROJECT'"
    echo "project_domain_name: '$PROJECT_DOMAIN'"
    echo "user_domain_name: '$USER_DOMAIN'"
    echo "cert_verify: 'False'"
  } >"$TMP/os-vim.yaml"
  {
    echo "auth_url: $K8S_URL"
    echo "bearer_token: $TOKEN"
    echo "project_name: default"
    echo "type: kubernetes"
    echo "ssl_ca_cert: |"
    sed 's/^/  /' "$K8S_SB/run/pki/ca.crt"
  } >"$TMP/k8s-vim.yaml"
)
VIMS=("$VIM_OS")
run tacker_ vim-register --config-file "$TMP/os-vim.yaml" "$VIM_OS"
VIMS=("$VIM_K8S" "$VIM_OS")
run_k8s tacker_ vim-register --config-file "$TMP/k8s-vim.yaml" "$VIM_K8S"
rm -f -- "$TMP/os-vim.yaml" "$TMP/k8s-vim.yaml"
for vim in "$VIM_OS" "$VIM_K8S"; do
  end=$((SECONDS + TIMEOUT))
  while [[ $(quiet tacker_ vim-show "$vim" -f value -c status) == PENDING ]] && ((SECONDS < end)); do sleep 2; done
  run_k8s tacker_ vim-show "$vim" -f value -c status
  [[ $LAST == REACHABLE ]] || fail "VIM $vim is '$LAST', expected REACHABLE"
done
run tacker_ vim-show "$VIM_OS" -f value -c id
VIM_OS_ID=$LAST
run tacker_ vim-show "$VIM_K8S" -f value -c id
VIM_K8S_ID=$LAST
# the tacker CLI has no flag for it: the user guide's curl
run curl_ -s -X PUT "$NFVFLOW_URL/v1.0/vims/$VIM_K8S_ID" -H 'Content-Type: application/json' \
  -d "{\"vim\": {\"neutron_vim_id\": \"$VIM_OS\"}}" -o /dev/null -w '%{http_code}\n'
[[ $LAST == 200 ]] || fail "PUT neutron_vim_id answered $LAST"
run_k8s tacker_ vim-show "$VIM_K8S"
run tacker_ vim-show "$VIM_K8S" -f value -c neutron_vim_id
[[ $LAST == "$VIM_OS_ID" ]] || fail "neutron_vim_id of $VIM_K8S is '$LAST', expected $VIM_OS_ID"
run tacker_ vim-list

# ------------------------------------------------------------------ Kuryr's part: the stand-in, for the CNFs' namespace
NS_CREATED=1
run kubectl_ create namespace "$NS"
log "starting scripts/kuryr-standin.py for namespace $NS on network $NET (log: $TMP/kuryr.log)"
python3 "$ROOT/scripts/kuryr-standin.py" --kubeconfig "$K8S_SB/kubeconfig" --namespace "$NS" \
  --network "$NET" --openrc "$OS_SB/admin-openrc" --project "$PROJECT" --resync 10 >"$TMP/kuryr.log" 2>&1 &
KURYR_PID=$!
sleep 1
kill -0 "$KURYR_PID" 2>/dev/null || fail "kuryr-standin.py exited at once: $(cat "$TMP/kuryr.log")"

# ------------------------------------------------------------------ VNFDs: Tacker's VNFD1 on the sandbox, a CNF
sed -e "s/image: cirros-0.5.2-x86_64-disk/image: $IMAGE/" \
  -e "s/network_name: net_mgmt\$/network_name: $NET/" \
  -e "s/network_name: net0\$/network_name: $NET/" \
  -e "s/network_name: net1\$/network_name: $NET/" "$SAMPLES/tosca-vnffg-vnfd1.yaml" >"$TMP/vnfd1.yaml"
grep -qE 'cirros|network_name: net(_mgmt|0|1)$' "$TMP/vnfd1.yaml" && fail "the sample was not rewritten: $TMP/vnfd1.yaml"
log "Tacker's tosca-vnffg-vnfd1.yaml with image $IMAGE and all three VLs on $NET:"
diff "$SAMPLES/tosca-vnffg-vnfd1.yaml" "$TMP/vnfd1.yaml" >&2 || true
sed -e "s/\"@CHAIN_NET@\"/$NET/" -e "s/namespace: default/namespace: $NS/" "$SAMPLES/vnfd-chain-cnf.yaml" >"$TMP/cnfd1.yaml"
VNFDS=(VNFD1)
run tacker_ vnfd-create --vnfd-file "$TMP/vnfd1.yaml" VNFD1
VNFDS=(VNFD1 CNFD1)
run tacker_ vnfd-create --vnfd-file "$TMP/cnfd1.yaml" CNFD1
run tacker_ vnfd-list

# ------------------------------------------------------------------ VNFs: a VM, two CNFs
declare -A VNF_ID
for spec in "$VNF_VM:VNFD1:$VIM_OS" "$VNF_CNF:CNFD1:$VIM_K8S" "$VNF_CNF2:CNFD1:$VIM_K8S"; do
  IFS=: read -r name vnfd vim <<<"$spec"
  run tacker_ vnf-create --vnfd-name "$vnfd" --vim-name "$vim" "$name"
  run tacker_ vnf-show "$name" -f value -c id
  VNF_ID[$name]=$LAST
  VNFS+=("$LAST")
done
for name in "$VNF_VM" "$VNF_CNF" "$VNF_CNF2"; do wait_active "${VNF_ID[$name]}" "$name"; done
wait_cp_ports "${VNF_ID[$VNF_VM]}" CP12 1
wait_cp_ports "${VNF_ID[$VNF_CNF]}" CP2 2
wait_cp_ports "${VNF_ID[$VNF_CNF2]}" CP2 2
VM_PORT=$(cp_ports "${VNF_ID[$VNF_VM]}" CP12)
run kubectl_ get pods -n "$NS" -o 'custom-columns=POD:.metadata.name,UID:.metadata.uid,VNF:.metadata.labels.nfvflow\.io/vnf-id'
run kubectl_ get pods -n "$NS" -o 'jsonpath={range .items[*]}{.metadata.name}{" "}{.metadata.annotations.openstack\.org/kuryr-vif}{"\n"}{end}'
run openstack_ port list --network "$NET" --long -c ID -c Name -c Status -c 'Device Owner'
run tacker_ vnf-list

# ------------------------------------------------------------------ VNFFGDs
sed "s/network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974/network_src_port_id: $SRC_PORT/" \
  "$SAMPLES/tosca-vnffgd-sample.yaml" >"$TMP/tosca-vnffgd-sample.yaml"
grep -q "$SRC_PORT" "$TMP/tosca-vnffgd-sample.yaml" || fail "the sample's network_src_port_id was not rewritten"
VNFFGDS=("$VNFFGD_SAMPLE")
run tacker_ vnffgd-create --vnffgd-file "$TMP/tosca-vnffgd-sample.yaml" "$VNFFGD_SAMPLE"
VNFFGDS=("$VNFFGD_SAMPLE" "$VNFFGD_MIXED")
run tacker_ vnffgd-create --vnffgd-file "$SAMPLES/tosca-vnffgd-mixed-sample.yaml" "$VNFFGD_MIXED"
run tacker_ vnffgd-list
[[ $LAST == *"$VNFFGD_SAMPLE"* && $LAST == *"$VNFFGD_MIXED"* ]] || fail "vnffgd-list lacks one of the two"
template_show() {  # name: vnffgd-template-show; LAST = the template
  run tacker_ vnffgd-template-show "$1"
  if [[ $LAST == 'Unable to display VNFFGD template!' ]]; then
    # python-tackerclient 1.12 on Python 3: ShowTemplateVNFFGD indexes the zip that get_data
    # returns ("'zip' object is not subscriptable" with --debug), whatever the server answers
    log "client bug: vnffgd-template-show cannot print any template on Python 3; the same template with vnffgd-show:"
    run tacker_ vnffgd-show "$1" -f value -c template
  fi
}
template_show "$VNFFGD_SAMPLE"
[[ $LAST == *"$SRC_PORT"* && $LAST == *Forwarding_path1* ]] || fail "the template of $VNFFGD_SAMPLE is not the sample"
template_show "$VNFFGD_MIXED"
[[ $LAST == *CNFD1* ]] || fail "the template of $VNFFGD_MIXED does not name CNFD1"

# ------------------------------------------------------------------ VNFFG: create
LOW=$((20000 + RANDOM % 40000))
cat >"$TMP/vnffg-params.yaml" <<EOP
net_src_port_id: $SRC_PORT
dst_port_range: $LOW-$((LOW + 9))
EOP
run tacker_ vnffg-create --vnffgd-name "$VNFFGD_MIXED" --vnf-mapping "VNFD1:$VNF_VM,CNFD1:$VNF_CNF" \
  --param-file "$TMP/vnffg-params.yaml" "$VNFFG"
run tacker_ vnffg-show "$VNFFG" -f value -c id
VNFFG_ID=$LAST
wait_vnffg "$VNFFG"
run tacker_ vnffg-show "$VNFFG"
run tacker_ vnffg-list
run tacker_ nfp-list
run tacker_ nfp-show "$(api_get "nfps.json" | jq -r --arg v "$VNFFG_ID" '[.nfps[] | select(.vnffg_id == $v)][0].id')"
NFP_ID=$(api_get "nfps.json" | jq -r --arg v "$VNFFG_ID" '[.nfps[] | select(.vnffg_id == $v)][0].id')
[[ -n $NFP_ID && $NFP_ID != null ]] || fail "no NFP of $VNFFG"
run tacker_ chain-list
SFC_ID=$(api_get "sfcs.json" | jq -r --arg n "$NFP_ID" '[.sfcs[] | select(.nfp_id == $n)][0].id')
run tacker_ chain-show "$SFC_ID"
run tacker_ chain-show "$SFC_ID" -f value -c instance_id
PC=$LAST
run tacker_ classifier-list
FC_ID=$(api_get "classifiers.json" | jq -r --arg n "$NFP_ID" '[.classifiers[] | select(.nfp_id == $n)][0].id')
run tacker_ classifier-show "$FC_ID"
run tacker_ classifier-show "$FC_ID" -f value -c instance_id
FC=$LAST
show_chain "$PC"
run openstack_ sfc flow classifier show "$FC"
[[ $LAST == *"$SRC_PORT"* && $LAST == *"$LOW"* && $LAST == *tcp* ]] || fail "flow classifier $FC does not match what the VNFFGD says"
PPG_VM=$(ppg_of_hop "$PC" 0)
PPG_CNF=$(ppg_of_hop "$PC" 1)
[[ $(ppg_ports "$PPG_VM") == "$VM_PORT" ]] || fail "PPG $PPG_VM of the VM holds '$(ppg_ports "$PPG_VM")', expected $VM_PORT"
[[ $(ppg_ports "$PPG_CNF") == "$(cp_ports "${VNF_ID[$VNF_CNF]}" CP2)" ]] || fail "PPG $PPG_CNF of the CNF does not hold its 2 pods' ports"
log "Neutron matches: the VM's PPG holds its CP12 port, the CNF's PPG one pair per pod (2)"

# ------------------------------------------------------------------ scale the CNF: its PPG follows
UPDATES=$(chain_updates "$VNFFG_ID")
wait_scaled "$VNF_CNF" 2
run tacker_ vnf-scale --vnf-name "$VNF_CNF" --scaling-policy-name SP1 --scaling-type out
wait_scaled "$VNF_CNF" 3
SCALED=$SECONDS
wait_cp_ports "${VNF_ID[$VNF_CNF]}" CP2 3
wait_ppg_ports "$PPG_CNF" "$(cp_ports "${VNF_ID[$VNF_CNF]}" CP2)"
log "the CNF's PPG holds its 3 pods' ports, seen $((SECONDS - SCALED))s after the scale was seen complete (coarse: CLI polling; the events below date the follow)"
end=$((SECONDS + TIMEOUT))
until (($(chain_updates "$VNFFG_ID") > UPDATES)); do
  ((SECONDS < end)) || fail "no UPDATE event of $VNFFG after the scale"
  sleep 1
done
run tacker_ events-list --resource-id "$VNFFG_ID"
show_chain "$PC"
run tacker_ vnffg-show "$VNFFG" -f value -c status
[[ $LAST == ACTIVE ]] || fail "$VNFFG is $LAST after following the scale"

# ------------------------------------------------------------------ vnffg-update: the CNF hop to cnf2
run tacker_ vnffg-update --vnf-mapping "CNFD1:$VNF_CNF2" "$VNFFG"
wait_vnffg "$VNFFG"
run tacker_ vnffg-show "$VNFFG"
[[ $LAST == *"${VNF_ID[$VNF_CNF2]}"* ]] || fail "vnf_mapping of $VNFFG does not name $VNF_CNF2"
wait_ppg_ports "$(ppg_of_hop "$PC" 1)" "$(cp_ports "${VNF_ID[$VNF_CNF2]}" CP2)"
show_chain "$PC"
[[ $(ppg_ports "$(ppg_of_hop "$PC" 0)") == "$VM_PORT" ]] || fail "the VM's PPG changed in the update"
log "Neutron matches: the same port chain $PC, the CNF hop now holds $VNF_CNF2's 2 pods' ports"
run tacker_ chain-show "$SFC_ID"

# ------------------------------------------------------------------ vnffg-delete
run tacker_ vnffg-delete "$VNFFG"
wait_vnffg_gone "$VNFFG_ID"
run openstack_ sfc port chain list
[[ $LAST != *"$PC"* ]] || fail "port chain $PC is still listed"
LEFT=$(owned_sfc "$VNFFG_ID")
[[ -z $LEFT ]] || fail "networking-sfc objects of $VNFFG left: $LEFT"
log "nothing with $MARKER$VNFFG_ID left in networking-sfc"
run tacker_ nfp-list
run tacker_ vnffg-list
VNFFG_ID=

# ------------------------------------------------------------------ teardown, checked
for name in "$VNF_CNF2" "$VNF_CNF" "$VNF_VM"; do
  run tacker_ vnf-delete "$name"
done
for name in "$VNF_CNF2" "$VNF_CNF" "$VNF_VM"; do wait_gone "${VNF_ID[$name]}" "$name"; done
VNFS=()
end=$((SECONDS + 60))
while [[ -n $(quiet openstack_ port list --network "$NET" --device-owner compute:kuryr -f value -c ID) ]]; do
  ((SECONDS < end)) || fail "the pods' ports are still on $NET 60s after their VNFs went"
  sleep 2
done
run openstack_ port list --network "$NET"
for name in "$VNFFGD_SAMPLE" "$VNFFGD_MIXED"; do run tacker_ vnffgd-delete "$name"; done
VNFFGDS=()
run tacker_ vnfd-delete CNFD1
run tacker_ vnfd-delete VNFD1
VNFDS=()
run tacker_ vim-delete "$VIM_K8S"
run tacker_ vim-delete "$VIM_OS"
VIMS=()
kill "$KURYR_PID" 2>/dev/null || true
wait "$KURYR_PID" 2>/dev/null || true
KURYR_PID=
run kubectl_ delete namespace "$NS" --wait=false
NS_CREATED=0
run openstack_ port delete "$SRC_PORT"
run openstack_ subnet delete "$NET-subnet"
run openstack_ network delete "$NET"
NET_CREATED=0
