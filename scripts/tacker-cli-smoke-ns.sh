#!/usr/bin/env bash
# tacker-cli-smoke-ns.sh - drive a running nfvflow with the real OpenStack `tacker` CLI (Debian's
# python3-tackerclient) through network services (NSD / NS, issue 9), as a Tacker user would:
#
#   openstack network + subnet, a source and a destination port (the classifier's
#   network_src_port_id, network_dst_port_id and ip_dst_prefix)
#   -> vim-register an OpenStack VIM and a Kubernetes VIM on its Neutron (neutron_vim_id, by curl)
#   -> scripts/kuryr-standin.py in the background (Kuryr's part: the CNF pods' Neutron ports)
#   1. Tacker's vnffg-nsd samples, on OpenStack:
#      vnfd-create sample-vnfd1, sample-vnfd2 (tosca-vnfd1/2-sample.yaml on the sandbox) ->
#      nsd-create --nsd-file tosca-single-vnffg-nsd.yaml -> nsd-list -> nsd-template-show ->
#      ns-create --nsd-name --vim-name --param-file -> ACTIVE -> ns-show, ns-list, vnf-list,
#      vnffg-list; networking-sfc holds the symmetric chain; a member VNF cannot be deleted ->
#      ns-delete -> gone, its VNFs and VNFFG gone, no stack and no networking-sfc object left
#   2. a mixed NS: a VM VNF on OpenStack and a CNF (2 pods) on Kubernetes, chained VM then CNF
#      (engine/src/test/resources/it/vnfd-ns-vm.yaml, vnfd-ns-cnf.yaml, nsd-mixed.yaml), the CNF
#      placed with param_values.vims in the param file -> ACTIVE -> the same checks, the CNF's
#      port pair group one pair per pod -> ns-delete -> nothing left on either VIM
#   -> nsd-delete, vnfd-delete, vim-delete; the ports and the network go
#
# Every command and its output is printed; the first failure stops the script with a non-zero
# exit, and whatever it created is removed on the way out (also on failure or Ctrl-C). The last
# line says PASSED or FAILED.
#
# Needs: nfvflow listening on $NFVFLOW_URL, both sandboxes up (scripts/k8s-sandbox.sh up,
# scripts/openstack-sandbox/openstack-up.sh), `tacker` (apt-get install python3-tackerclient),
# `openstack` (installed by openstack-up.sh), kubectl, jq, curl, python3.
# Login: NFVFLOW_PASSWORD (or NFVFLOW_ADMIN_PASSWORD) of NFVFLOW_USER (admin): a token from
# nfvflow's identity API for every call.
# Settings: NFVFLOW_URL (http://127.0.0.1:9890), OPENSTACK_SANDBOX_DIR (/var/tmp/openstack-sandbox),
# K8S_SANDBOX_DIR (/var/tmp/k8s-sandbox), SMOKE_OPENRC (the user and project of the OpenStack VIM;
# default the sandbox's admin-openrc, as the VNFFG smoke test), SMOKE_TIMEOUT (seconds to wait for
# an NS to settle or go, 600: its VNFs' own waits, then its chain's).
set -euo pipefail

NFVFLOW_URL=${NFVFLOW_URL:-http://127.0.0.1:9890}
OS_SB=${OPENSTACK_SANDBOX_DIR:-/var/tmp/openstack-sandbox}
K8S_SB=${K8S_SANDBOX_DIR:-/var/tmp/k8s-sandbox}
OPENRC=${SMOKE_OPENRC:-$OS_SB/admin-openrc}
TIMEOUT=${SMOKE_TIMEOUT:-600}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SAMPLES=$ROOT/engine/src/test/resources/it
RUN_ID=$(date +%H%M%S)$((RANDOM % 100))
IMAGE=fake-img
FLAVOR=m1.tiny
MARKER=nfvflow.io/vnffg-id=

TMP=
NET=ns-smoke-net-$RUN_ID
NS=ns-smoke-$RUN_ID          # the Kubernetes namespace of the CNF
VIM_OS=ns-os-$RUN_ID
VIM_K8S=ns-k8s-$RUN_ID
NSD_SAMPLE=sample-nsd-$RUN_ID
NSD_MIXED=mixed-nsd-$RUN_ID
VNFD_VM=ns-smoke-vm-$RUN_ID
VNFD_CNF=ns-smoke-cnf-$RUN_ID
NS_SAMPLE=ns-sample-$RUN_ID
NS_MIXED=ns-mixed-$RUN_ID
KURYR_PID=
NET_CREATED=0
K8S_NS_CREATED=0
VIMS=()     # names, removed on exit (Kubernetes first: it names the OpenStack one)
VNFDS=()    # names, removed on exit
NSDS=()     # names, removed on exit
NSS=()      # names, removed on exit (with whatever of their members is left)
PASSWORD=
TOKEN=

# shared: log, fail, tacker_, run (prints, masks the secret), run_fails, quiet, vnf_exists
. "$ROOT/scripts/smoke-lib.sh"

# the openstack CLI as the VIM's user; in a subshell so that tacker never sees the OS_* variables
openstack_() { (set +u; . "$OPENRC"; /usr/bin/openstack "$@"); }
kubectl_() { kubectl --kubeconfig "$K8S_SB/kubeconfig" --request-timeout=15s "$@"; }

# run with the Kubernetes bearer token as the secret to mask (and to fail on)
run_k8s() { local saved=$SMOKE_SECRET what=$SMOKE_SECRET_WHAT rc=0
  SMOKE_SECRET=$TOKEN SMOKE_SECRET_WHAT="bearer token"
  run "$@" || rc=$?
  SMOKE_SECRET=$saved SMOKE_SECRET_WHAT=$what
  return $rc
}

ns_status() { quiet tacker_ ns-show "$1" -f value -c status; }
ns_exists() { tacker_ ns-show "$1" -f value -c id >/dev/null 2>&1; }
vnffg_exists() { tacker_ vnffg-show "$1" -f value -c id >/dev/null 2>&1; }

wait_ns() {  # name: until ACTIVE (ERROR fails)
  local end=$((SECONDS + TIMEOUT)) start=$SECONDS status last=
  while :; do
    status=$(ns_status "$1")
    [[ $status != "$last" ]] && log "$1: ${status:-<no answer>} (after $((SECONDS - start))s)" && last=$status
    case $status in
      ACTIVE) return 0 ;;
      ERROR) run tacker_ ns-show "$1"; fail "$1 went ERROR" ;;
    esac
    ((SECONDS < end)) || fail "$1 not ACTIVE after ${TIMEOUT}s (last status: ${status:-none})"
    sleep 1
  done
}

wait_ns_gone() {  # name
  local end=$((SECONDS + TIMEOUT)) start=$SECONDS
  while ns_exists "$1"; do
    ((SECONDS < end)) || fail "$1 still there ${TIMEOUT}s after ns-delete (status: $(ns_status "$1"))"
    sleep 1
  done
  log "$1: gone after $((SECONDS - start))s (ns-show answers not found)"
}

# vnf_ids / vnffg_ids are Python dict reprs: "{'VNF1': '<uuid>', 'VNF2': '<uuid>'}"
dict_value() {  # repr, key
  sed -nE "s/.*'$2': '([^']+)'.*/\1/p" <<<"$1"
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
  curl_ -sf --max-time 15 "$NFVFLOW_URL/v1.0/vnfs/$1" | jq -r --arg cp "$2" '.vnf.instances[]?.ports[$cp] // empty' | sort
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
port_chain_of() {  # VNFFG id: the port chain nfvflow made for it (its SFC's instance_id)
  local nfp sfc
  nfp=$(curl_ -sf --max-time 15 "$NFVFLOW_URL/v1.0/nfps.json" | jq -r --arg v "$1" '[.nfps[] | select(.vnffg_id == $v)][0].id')
  sfc=$(curl_ -sf --max-time 15 "$NFVFLOW_URL/v1.0/sfcs.json" | jq -r --arg n "$nfp" '[.sfcs[] | select(.nfp_id == $n)][0].id')
  quiet tacker_ chain-show "$sfc" -f value -c instance_id
}
stack_exists() { [[ -n $(quiet openstack_ stack list -f value -c 'Stack Name' | grep -x "nfvflow-$1") ]]; }
labelled() { quiet kubectl_ get deploy,rs,pods,svc,cm,hpa -A -l "nfvflow.io/vnf-id=$1" -o name; }
members() {  # NS name: "<name> <id>" of each VNF named <ns name>_<node>
  curl_ -sf --max-time 15 "$NFVFLOW_URL/v1.0/vnfs.json" |
    jq -r --arg p "$1_" '.vnfs[]? | select(.name | startswith($p)) | "\(.name) \(.id)"'
}

template_show() {  # NSD name: nsd-template-show; LAST = the template
  run tacker_ nsd-template-show "$1"
  if [[ $LAST == 'Unable to display NSD template!' ]]; then
    # python-tackerclient 1.12 on Python 3: ShowTemplateNSD indexes the zip that get_data returns
    # (TypeError, caught and hidden by the client), whatever the server answers
    log "client bug: nsd-template-show cannot print any template on Python 3; the same template with nsd-show:"
    run tacker_ nsd-show "$1" -f value -c attributes
  fi
}

# after an ns-delete: the NS, its VNFs and VNFFGs gone from nfvflow, and nothing of them on a VIM
assert_ns_left_nothing() {  # NS name, VNFFG id, VNF ids...
  local ns=$1 vnffg=$2 vnf left
  shift 2
  ! vnffg_exists "$vnffg" || fail "VNFFG $vnffg of $ns is still there"
  [[ -z $(owned_sfc "$vnffg") ]] || fail "networking-sfc objects of $vnffg left: $(owned_sfc "$vnffg")"
  for vnf in "$@"; do
    ! vnf_exists "$vnf" || fail "VNF $vnf of $ns is still there"
    ! stack_exists "$vnf" || fail "the Heat stack nfvflow-$vnf is still there"
    left=$(labelled "$vnf")
    [[ -z $left ]] || fail "cluster objects of VNF $vnf left: $left"
  done
  [[ -z $(members "$ns") ]] || fail "VNFs named after $ns left: $(members "$ns")"
  log "nothing of $ns left: no VNF, VNFFG, Heat stack, cluster object or networking-sfc object"
}

cleanup() {
  local rc=$? name id end kind line
  trap - EXIT INT TERM
  if ((${#NSS[@]} + ${#VNFDS[@]} + ${#NSDS[@]} + ${#VIMS[@]} + NET_CREATED + K8S_NS_CREATED)); then
    log "cleaning up what this run created"
    for name in "${NSS[@]}"; do
      # the members, before the NS goes: to find what it may leave behind
      local vnf_ids vnffg_ids
      vnf_ids=$(quiet tacker_ ns-show "$name" -f value -c vnf_ids)
      vnffg_ids=$(quiet tacker_ ns-show "$name" -f value -c vnffg_ids)
      if ns_exists "$name"; then
        end=$((SECONDS + TIMEOUT))
        while [[ $(ns_status "$name") == PENDING_CREATE ]] && ((SECONDS < end)); do sleep 2; done
        quiet tacker_ ns-delete "$name" >/dev/null
        while ns_exists "$name" && ((SECONDS < end)); do sleep 2; done
      fi
      for id in $(grep -oE "[0-9a-f]{8}-[0-9a-f-]{27}" <<<"$vnffg_ids"); do
        owned_sfc "$id" | while IFS='|' read -r kind id2 line; do
          log "deleting $kind $id2 ($line) left behind"
          # shellcheck disable=SC2086
          quiet openstack_ sfc $kind delete "$id2"
        done
      done
      while read -r line id; do
        [[ -n $id ]] || continue
        log "deleting VNF $line ($id) left behind"
        quiet tacker_ vnf-delete "$id" >/dev/null
      done <<<"$(members "$name")"
      for id in $(grep -oE "[0-9a-f]{8}-[0-9a-f-]{27}" <<<"$vnf_ids"); do
        end=$((SECONDS + TIMEOUT))
        while vnf_exists "$id" && ((SECONDS < end)); do sleep 2; done
        if stack_exists "$id"; then
          log "deleting the stack nfvflow-$id left behind"
          quiet openstack_ stack delete --yes --wait "nfvflow-$id" >/dev/null
        fi
      done
    done
    for name in "${NSDS[@]}"; do quiet tacker_ nsd-delete "$name" >/dev/null; done
    for name in "${VNFDS[@]}"; do quiet tacker_ vnfd-delete "$name" >/dev/null; done
    for name in "${VIMS[@]}"; do quiet tacker_ vim-delete "$name" >/dev/null; done
    if [[ -n $KURYR_PID ]]; then
      sleep 3   # let the stand-in remove the ports of the pods that went
      kill "$KURYR_PID" 2>/dev/null || true
      wait "$KURYR_PID" 2>/dev/null || true
    fi
    ((K8S_NS_CREATED == 0)) || quiet kubectl_ delete namespace "$NS" --wait=false >/dev/null
    if ((NET_CREATED)); then
      for id in $(quiet openstack_ port list --network "$NET" -f value -c ID); do quiet openstack_ port delete "$id"; done
      quiet openstack_ subnet delete "$NET-subnet"
      quiet openstack_ network delete "$NET"
    fi
  elif [[ -n $KURYR_PID ]]; then
    kill "$KURYR_PID" 2>/dev/null || true
  fi
  if [[ -n $TMP && -s $TMP/kuryr.log && $rc != 0 ]]; then
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
[[ $(curl_ -s -o /dev/null -w '%{http_code}' --max-time 5 "$NFVFLOW_URL/v1.0/nss.json") == 200 ]] ||
  fail "nfvflow on $NFVFLOW_URL has no /v1.0/nss (a build without network services?)"
for f in tosca-vnfd1-sample.yaml tosca-vnfd2-sample.yaml tosca-single-vnffg-nsd.yaml \
  vnfd-ns-vm.yaml vnfd-ns-cnf.yaml nsd-mixed.yaml; do
  [[ -r $SAMPLES/$f ]] || fail "sample missing: $SAMPLES/$f"
done
for name in sample-vnfd1 sample-vnfd2; do
  ! tacker_ vnfd-show "$name" -f value -c id >/dev/null 2>&1 ||
    fail "a VNFD named $name is onboarded already (Tacker's NSD imports these names): remove it first"
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

# ------------------------------------------------------------------ network, the classifier's ports
NET_CREATED=1
run openstack_ network create "$NET" -f value -c id
run openstack_ subnet create --network "$NET" --subnet-range 10.197.$((RANDOM % 250)).0/24 "$NET-subnet" -f value -c id
run openstack_ port create --network "$NET" "ns-smoke-src-$RUN_ID" -f value -c id
SRC_PORT=$LAST
run openstack_ port create --network "$NET" "ns-smoke-dst-$RUN_ID" -f json
DST_PORT=$(jq -r '.id' <<<"$LAST")
DST_IP=$(jq -r '.fixed_ips | if type == "string" then . else .[0].ip_address end' <<<"$LAST" |
  grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+' | head -1)
[[ -n $DST_PORT && -n $DST_IP ]] || fail "no id or address of the destination port: $LAST"

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
  end=$((SECONDS + 300))
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
run tacker_ vim-show "$VIM_K8S" -f value -c neutron_vim_id
[[ $LAST == "$VIM_OS_ID" ]] || fail "neutron_vim_id of $VIM_K8S is '$LAST', expected $VIM_OS_ID"

# ------------------------------------------------------------------ Kuryr's part: the stand-in, for the CNF's namespace
K8S_NS_CREATED=1
run kubectl_ create namespace "$NS"
log "starting scripts/kuryr-standin.py for namespace $NS on network $NET (log: $TMP/kuryr.log)"
python3 "$ROOT/scripts/kuryr-standin.py" --kubeconfig "$K8S_SB/kubeconfig" --namespace "$NS" \
  --network "$NET" --openrc "$OS_SB/admin-openrc" --project "$PROJECT" --resync 10 >"$TMP/kuryr.log" 2>&1 &
KURYR_PID=$!
sleep 1
kill -0 "$KURYR_PID" 2>/dev/null || fail "kuryr-standin.py exited at once: $(cat "$TMP/kuryr.log")"

# ================================================================== 1. Tacker's vnffg-nsd samples
log "=== 1. Tacker's vnffg-nsd samples: sample-vnfd1, sample-vnfd2, tosca-single-vnffg-nsd.yaml"
# on the sandbox: its image, every VL on our network. CP22 of sample-vnfd2 has port security on
# (no anti_spoofing_protection: false), yet the chain passes through it: networking-sfc would drop
# the chained traffic at that port, and nfvflow refuses to chain a port with port security on, so
# the copy turns it off as sample-vnfd1 does for its CPs
for n in 1 2; do
  sed -e "s/image: cirros-0.5.2-x86_64-disk/image: $IMAGE/" \
    -e "s/network_name: net_mgmt\$/network_name: $NET/" \
    -e "s/network_name: net0\$/network_name: $NET/" \
    "$SAMPLES/tosca-vnfd$n-sample.yaml" >"$TMP/sample-vnfd$n.yaml"
done
sed -i '/^    CP22:$/{n;s/^\(      type: tosca.nodes.nfv.CP.Tacker\)$/\1\n      properties:\n        anti_spoofing_protection: false/}' "$TMP/sample-vnfd2.yaml"
grep -A3 '^    CP22:' "$TMP/sample-vnfd2.yaml" | grep -q 'anti_spoofing_protection: false' ||
  fail "CP22 of the sample-vnfd2 copy was not rewritten: $TMP/sample-vnfd2.yaml"
for n in 1 2; do
  grep -qE 'cirros|network_name: net(_mgmt|0)$' "$TMP/sample-vnfd$n.yaml" && fail "the sample was not rewritten: $TMP/sample-vnfd$n.yaml"
  log "Tacker's tosca-vnfd$n-sample.yaml on the sandbox:"
  diff "$SAMPLES/tosca-vnfd$n-sample.yaml" "$TMP/sample-vnfd$n.yaml" >&2 || true
done
VNFDS=(sample-vnfd1)
run tacker_ vnfd-create --vnfd-file "$TMP/sample-vnfd1.yaml" sample-vnfd1
VNFDS=(sample-vnfd1 sample-vnfd2)
run tacker_ vnfd-create --vnfd-file "$TMP/sample-vnfd2.yaml" sample-vnfd2
run tacker_ vnfd-list

NSDS=("$NSD_SAMPLE")
run tacker_ nsd-create --nsd-file "$SAMPLES/tosca-single-vnffg-nsd.yaml" "$NSD_SAMPLE"
run tacker_ nsd-list
[[ $LAST == *"$NSD_SAMPLE"* ]] || fail "nsd-list lacks $NSD_SAMPLE"
run tacker_ nsd-show "$NSD_SAMPLE"
template_show "$NSD_SAMPLE"
[[ $LAST == *sample-vnfd1* && $LAST == *Forwarding_path1* ]] || fail "nsd-template-show of $NSD_SAMPLE is not the sample"

# Tacker's ns_param.yaml with the sandbox's network and ports
cat >"$TMP/ns-param-sample.yaml" <<EOP
nsd:
  vl1_name: $NET
  vl2_name: $NET
  net_src_port_id: $SRC_PORT
  ip_dest_prefix: $DST_IP/32
  net_dst_port_id: $DST_PORT
EOP
run cat "$TMP/ns-param-sample.yaml"
NSS=("$NS_SAMPLE")
run tacker_ ns-create --nsd-name "$NSD_SAMPLE" --vim-name "$VIM_OS" --param-file "$TMP/ns-param-sample.yaml" "$NS_SAMPLE"
wait_ns "$NS_SAMPLE"
run tacker_ ns-show "$NS_SAMPLE"
run tacker_ ns-show "$NS_SAMPLE" -f value -c vnf_ids
VNF_IDS=$LAST
run tacker_ ns-show "$NS_SAMPLE" -f value -c vnffg_ids
VNFFG_IDS=$LAST
S_VNF1=$(dict_value "$VNF_IDS" VNF1)
S_VNF2=$(dict_value "$VNF_IDS" VNF2)
S_VNFFG=$(dict_value "$VNFFG_IDS" VNFFG1)
[[ -n $S_VNF1 && -n $S_VNF2 ]] || fail "vnf_ids is not {'VNF1': .., 'VNF2': ..}: $VNF_IDS"
[[ -n $S_VNFFG ]] || fail "vnffg_ids is not {'VNFFG1': ..}: $VNFFG_IDS"
run tacker_ ns-list
[[ $LAST == *"$NS_SAMPLE"* ]] || fail "ns-list lacks $NS_SAMPLE"
run tacker_ vnf-list
[[ $LAST == *"${NS_SAMPLE}_VNF1"* && $LAST == *"${NS_SAMPLE}_VNF2"* ]] || fail "vnf-list lacks the members ${NS_SAMPLE}_VNF1/_VNF2"
run tacker_ vnf-show "${NS_SAMPLE}_VNF1" -f value -c status
[[ $LAST == ACTIVE ]] || fail "${NS_SAMPLE}_VNF1 is $LAST"
run tacker_ vnffg-list
[[ $LAST == *"${NS_SAMPLE}_VNFFG1"* ]] || fail "vnffg-list lacks ${NS_SAMPLE}_VNFFG1"
run tacker_ vnffg-show "${NS_SAMPLE}_VNFFG1"
for id in "$S_VNF1" "$S_VNF2"; do
  run openstack_ stack show "nfvflow-$id" -f value -c stack_status
  [[ $LAST == CREATE_COMPLETE ]] || fail "stack nfvflow-$id is $LAST"
done
PC=$(port_chain_of "$S_VNFFG")
[[ -n $PC ]] || fail "no port chain of $S_VNFFG in nfvflow's SFCs"
show_chain "$PC"
run openstack_ sfc port chain show "$PC" -f json
grep -qiE '"?symmetric"?[^,}]*true' <<<"$(jq -c '."Chain Parameters"' <<<"$LAST")" ||
  fail "the sample's path is symmetrical: true, the port chain's parameters are not symmetric"
[[ $(ppg_ports "$(ppg_of_hop "$PC" 0)") == "$(cp_ports "$S_VNF1" CP12)" ]] || fail "the first hop's PPG does not hold VNF1's CP12 port"
[[ $(ppg_ports "$(ppg_of_hop "$PC" 1)") == "$(cp_ports "$S_VNF2" CP22)" ]] || fail "the second hop's PPG does not hold VNF2's CP22 port"
FC=$(jq -r '."Flow Classifiers"[0]' <<<"$LAST")
run openstack_ sfc flow classifier show "$FC"
[[ $LAST == *"$SRC_PORT"* && $LAST == *"$DST_PORT"* && $LAST == *"$DST_IP/32"* ]] || fail "flow classifier $FC does not carry the param file's ports and prefix"
log "Neutron matches: a symmetric chain CP12 -> CP22, the classifier from ns_param"

# members belong to the NS
run_fails 'in use|409|[Cc]onflict|NS' tacker_ vnf-delete "${NS_SAMPLE}_VNF1"
run_fails 'in use|409|[Cc]onflict|NS' tacker_ vnffg-delete "${NS_SAMPLE}_VNFFG1"
run tacker_ vnf-show "${NS_SAMPLE}_VNF1" -f value -c status
[[ $LAST == ACTIVE ]] || fail "${NS_SAMPLE}_VNF1 is $LAST after the refused delete"

run tacker_ ns-delete "$NS_SAMPLE"
wait_ns_gone "$NS_SAMPLE"
assert_ns_left_nothing "$NS_SAMPLE" "$S_VNFFG" "$S_VNF1" "$S_VNF2"
NSS=()
run tacker_ ns-list
run tacker_ nsd-delete "$NSD_SAMPLE"
NSDS=()
run tacker_ vnfd-delete sample-vnfd2
run tacker_ vnfd-delete sample-vnfd1
VNFDS=()

# ================================================================== 2. a mixed NS: VM on OpenStack, CNF on Kubernetes
log "=== 2. a mixed NS: VNF1 a VM on $VIM_OS, VNF2 a CNF on $VIM_K8S (param_values.vims), chained"
fill() {  # file, KEY=value...: the @KEY@ placeholders (quoted or in text) replaced, as NsIT does
  local file=$1 kv
  shift
  local args=()
  for kv in "$@"; do
    args+=(-e "s|\"@${kv%%=*}@\"|${kv#*=}|g" -e "s|@${kv%%=*}@|${kv#*=}|g")
  done
  sed "${args[@]}" "$file"
}
fill "$SAMPLES/vnfd-ns-vm.yaml" IMAGE=$IMAGE FLAVOR=$FLAVOR >"$TMP/vnfd-vm.yaml"
fill "$SAMPLES/vnfd-ns-cnf.yaml" IMAGE=nginx NAMESPACE=$NS CHAIN_NET=$NET >"$TMP/vnfd-cnf.yaml"
fill "$SAMPLES/nsd-mixed.yaml" VM_VNFD=$VNFD_VM CNF_VNFD=$VNFD_CNF >"$TMP/nsd-mixed.yaml"
grep -q '@[A-Z_]*@' "$TMP/vnfd-vm.yaml" "$TMP/vnfd-cnf.yaml" "$TMP/nsd-mixed.yaml" && fail "placeholders left in the mixed descriptors"
VNFDS=("$VNFD_VM")
run tacker_ vnfd-create --vnfd-file "$TMP/vnfd-vm.yaml" "$VNFD_VM"
VNFDS=("$VNFD_VM" "$VNFD_CNF")
run tacker_ vnfd-create --vnfd-file "$TMP/vnfd-cnf.yaml" "$VNFD_CNF"
NSDS=("$NSD_MIXED")
run tacker_ nsd-create --nsd-file "$TMP/nsd-mixed.yaml" "$NSD_MIXED"
run tacker_ nsd-list
template_show "$NSD_MIXED"
[[ $LAST == *"$VNFD_CNF"* ]] || fail "nsd-template-show of $NSD_MIXED does not import $VNFD_CNF"

LOW=$((20000 + RANDOM % 40000))
cat >"$TMP/ns-param-mixed.yaml" <<EOP
nsd:
  chain_net: $NET
  net_src_port_id: $SRC_PORT
  dst_port_range: $LOW-$((LOW + 9))
vims:
  VNF2: $VIM_K8S
EOP
run cat "$TMP/ns-param-mixed.yaml"
NSS=("$NS_MIXED")
run tacker_ ns-create --nsd-name "$NSD_MIXED" --vim-name "$VIM_OS" --param-file "$TMP/ns-param-mixed.yaml" "$NS_MIXED"
wait_ns "$NS_MIXED"
run tacker_ ns-show "$NS_MIXED"
run tacker_ ns-show "$NS_MIXED" -f value -c vnf_ids
M_VNF1=$(dict_value "$LAST" VNF1)
M_VNF2=$(dict_value "$LAST" VNF2)
run tacker_ ns-show "$NS_MIXED" -f value -c vnffg_ids
M_VNFFG=$(dict_value "$LAST" VNFFG1)
[[ -n $M_VNF1 && -n $M_VNF2 && -n $M_VNFFG ]] || fail "vnf_ids / vnffg_ids of $NS_MIXED incomplete"
run tacker_ ns-list
run tacker_ vnf-list
run tacker_ vnf-show "${NS_MIXED}_VNF1" -f value -c vim_id
[[ $LAST == "$VIM_OS_ID" ]] || fail "${NS_MIXED}_VNF1 runs on $LAST, expected $VIM_OS ($VIM_OS_ID)"
run tacker_ vnf-show "${NS_MIXED}_VNF2" -f value -c vim_id
[[ $LAST == "$VIM_K8S_ID" ]] || fail "${NS_MIXED}_VNF2 runs on $LAST, expected $VIM_K8S ($VIM_K8S_ID)"
run tacker_ vnffg-list
run openstack_ stack show "nfvflow-$M_VNF1" -f value -c stack_status
[[ $LAST == CREATE_COMPLETE ]] || fail "stack nfvflow-$M_VNF1 is $LAST"
run kubectl_ get deploy,pods -n "$NS" -l "nfvflow.io/vnf-id=$M_VNF2"
end=$((SECONDS + 120))
until [[ $(cp_ports "$M_VNF2" CP2 | grep -c .) == 2 ]]; do
  ((SECONDS < end)) || fail "the CNF's 2 pods have no Kuryr ports after 120s"
  sleep 1
done
PC=$(port_chain_of "$M_VNFFG")
[[ -n $PC ]] || fail "no port chain of $M_VNFFG"
end=$((SECONDS + 120))
until [[ $(ppg_ports "$(ppg_of_hop "$PC" 1)") == "$(cp_ports "$M_VNF2" CP2)" ]]; do
  ((SECONDS < end)) || fail "the CNF's PPG does not hold its 2 pods' ports: '$(ppg_ports "$(ppg_of_hop "$PC" 1)" | tr '\n' ' ')'"
  sleep 1
done
show_chain "$PC"
[[ $(ppg_ports "$(ppg_of_hop "$PC" 0)") == "$(cp_ports "$M_VNF1" CP1)" ]] || fail "the VM's PPG does not hold its CP1 port"
log "Neutron matches: the VM's PPG holds its CP1 port, the CNF's PPG one pair per pod (2)"
run_fails 'in use|409|[Cc]onflict|NS' tacker_ vnf-delete "${NS_MIXED}_VNF2"

run tacker_ ns-delete "$NS_MIXED"
wait_ns_gone "$NS_MIXED"
assert_ns_left_nothing "$NS_MIXED" "$M_VNFFG" "$M_VNF1" "$M_VNF2"
NSS=()
end=$((SECONDS + 60))
while [[ -n $(quiet openstack_ port list --network "$NET" --device-owner compute:kuryr -f value -c ID) ]]; do
  ((SECONDS < end)) || fail "the pods' ports are still on $NET 60s after the NS went"
  sleep 2
done
run openstack_ port list --network "$NET"
run openstack_ sfc port chain list
run tacker_ ns-list

# ------------------------------------------------------------------ teardown, checked
run tacker_ nsd-delete "$NSD_MIXED"
NSDS=()
run tacker_ vnfd-delete "$VNFD_CNF"
run tacker_ vnfd-delete "$VNFD_VM"
VNFDS=()
run tacker_ vim-delete "$VIM_K8S"
run tacker_ vim-delete "$VIM_OS"
VIMS=()
kill "$KURYR_PID" 2>/dev/null || true
wait "$KURYR_PID" 2>/dev/null || true
KURYR_PID=
run kubectl_ delete namespace "$NS" --wait=false
K8S_NS_CREATED=0
run openstack_ port delete "$SRC_PORT" "$DST_PORT"
run openstack_ subnet delete "$NET-subnet"
run openstack_ network delete "$NET"
NET_CREATED=0
