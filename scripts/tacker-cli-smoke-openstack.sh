#!/usr/bin/env bash
# tacker-cli-smoke-openstack.sh - drive a running nfvflow with the real OpenStack `tacker` CLI
# (Debian's python3-tackerclient) against the OpenStack sandbox, as a Tacker user would:
#
#   openstack network create (one network for the sample's three VLs)
#   -> vim-register (Tacker's VIM config file) -> vim-show REACHABLE
#   -> vnfd-create (Tacker's hello-world sample, image and networks set to the sandbox's)
#   -> vnf-create -> vnf-show until ACTIVE -> vnf-resource-list -> events-list
#   -> vnf-scale out (two servers, two management addresses) and in, with SCALE events
#   -> a server set to ERROR (admin) is replaced by nfvflow's heal, with HEAL events
#   -> `openstack stack list` shows the stack nfvflow-<id>, `openstack server list` its server
#   -> vnf-delete -> vnf-show until gone -> no stack, no port left -> vnfd-delete -> vim-delete
#   -> the network goes
#
# Every command and its output is printed; the first failure stops the script with a non-zero
# exit, and whatever it created is removed on the way out (also on failure or Ctrl-C).
#
# Needs: nfvflow listening on $NFVFLOW_URL, the sandbox up (scripts/openstack-sandbox/openstack-up.sh),
# `tacker` (apt-get install python3-tackerclient) and `openstack` (installed by openstack-up.sh).
# Login: NFVFLOW_PASSWORD (or NFVFLOW_ADMIN_PASSWORD) of NFVFLOW_USER (admin): a token from
# nfvflow's identity API for every call.
# Settings: NFVFLOW_URL (http://127.0.0.1:9890), OPENSTACK_SANDBOX_DIR (/var/tmp/openstack-sandbox),
# SMOKE_OPENRC (the user and project of the VIM; default the sandbox's admin-openrc: the sample
# sizes its VDU with nfv_compute, for which a flavor may have to be created, which only an admin
# may do; $OPENSTACK_SANDBOX_DIR/demo-openrc works when no flavor is made),
# SMOKE_TIMEOUT (seconds to wait for ACTIVE and for deletions, 300).
set -euo pipefail

NFVFLOW_URL=${NFVFLOW_URL:-http://127.0.0.1:9890}
SB=${OPENSTACK_SANDBOX_DIR:-/var/tmp/openstack-sandbox}
OPENRC=${SMOKE_OPENRC:-$SB/admin-openrc}
TIMEOUT=${SMOKE_TIMEOUT:-300}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SAMPLE=$ROOT/engine/src/test/resources/it/tosca-vnfd-hello-world.yaml
RUN_ID=$(date +%H%M%S)$((RANDOM % 100))
IMAGE=fake-img

TMP=
VIM_NAME=os-smoke-$RUN_ID
VNFD_NAME=smoke-hello-vnfd-$RUN_ID
VNF_NAME=smoke-hello-$RUN_ID
NET=smoke-net-$RUN_ID
VNF_ID=
NET_CREATED=0
VNFD_CREATED=0
VIM_CREATED=0
PASSWORD=


# the openstack CLI as the VIM's user; in a subshell so that tacker never sees the OS_* variables
# shared: log, fail, tacker_, run (prints, masks the password), quiet, vnf_status, wait_active, wait_gone
. "$ROOT/scripts/smoke-lib.sh"

openstack_() { (set +u; . "$OPENRC"; /usr/bin/openstack "$@"); }




stack_of() { quiet openstack_ stack list -f value -c 'Stack Name' -c 'Stack Status' | awk -v n="nfvflow-$1" '$1 == n'; }
ports_on_net() { quiet openstack_ port list --network "$NET" -f value -c ID -c Name; }



wait_cloud_empty() {  # id: no stack nfvflow-<id>, no port on the network
  local end=$((SECONDS + 120)) stack ports
  while stack=$(stack_of "$1") ports=$(ports_on_net) && [[ -n $stack || -n $ports ]]; do
    ((SECONDS < end)) || fail "still in the cloud 120s after deletion: stack '${stack}' ports '$(tr '\n' ' ' <<<"$ports")'"
    sleep 2
  done
}

cleanup() {
  local rc=$? end port
  trap - EXIT INT TERM
  if [[ -n $VNF_ID ]] || ((NET_CREATED + VNFD_CREATED + VIM_CREATED)); then
    log "cleaning up what this run created"
    if [[ -n $VNF_ID ]] && vnf_exists "$VNF_ID"; then
      quiet tacker_ vnf-delete "$VNF_ID" >/dev/null
      end=$((SECONDS + TIMEOUT))
      while vnf_exists "$VNF_ID" && ((SECONDS < end)); do sleep 3; done
    fi
    if [[ -n $VNF_ID && -n $(stack_of "$VNF_ID") ]]; then
      log "deleting the stack nfvflow-$VNF_ID left behind"
      quiet openstack_ stack delete --yes --wait "nfvflow-$VNF_ID" >/dev/null
    fi
    ((VNFD_CREATED == 0)) || quiet tacker_ vnfd-delete "$VNFD_NAME" >/dev/null
    ((VIM_CREATED == 0)) || quiet tacker_ vim-delete "$VIM_NAME" >/dev/null
    if ((NET_CREATED)); then
      for port in $(ports_on_net | awk '{print $1}'); do quiet openstack_ port delete "$port"; done
      quiet openstack_ network delete "$NET"
    fi
  fi
  nfvflow_logout
  [[ -z $TMP ]] || rm -rf -- "$TMP"
  if ((rc == 0)); then log "PASSED"; else log "FAILED (exit $rc)"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ preflight
TMP=$(mktemp -d)   # private: holds the VIM config (with the password) while vim-register reads it
chmod 700 "$TMP"
export CLIFF_MAX_TERM_WIDTH=${CLIFF_MAX_TERM_WIDTH:-160}   # keep the CLI's tables readable in logs
command -v tacker >/dev/null || fail "no tacker CLI: apt-get install python3-tackerclient"
[[ -x /usr/bin/openstack ]] || fail "no openstack CLI: scripts/openstack-sandbox/openstack-up.sh installs it"
[[ -r $OPENRC ]] || fail "no $OPENRC: scripts/openstack-sandbox/openstack-up.sh"
openstack_ token issue -f value -c id >/dev/null 2>&1 ||
  fail "the OpenStack sandbox does not answer: scripts/openstack-sandbox/openstack-up.sh"
curl -s -o /dev/null --max-time 5 "$NFVFLOW_URL/v1.0/vims.json" ||
  fail "nfvflow does not answer on $NFVFLOW_URL (start it: java -jar engine/target/nfvflow.jar)"
nfvflow_login
[[ -r $SAMPLE ]] || fail "sample missing: $SAMPLE"

# the VIM's credentials, from the openrc file
# shellcheck disable=SC1090
eval "$(set +u; . "$OPENRC"; printf 'AUTH_URL=%q USERNAME=%q PASSWORD=%q PROJECT=%q PROJECT_DOMAIN=%q USER_DOMAIN=%q' \
  "$OS_AUTH_URL" "$OS_USERNAME" "$OS_PASSWORD" "$OS_PROJECT_NAME" "${OS_PROJECT_DOMAIN_NAME:-Default}" "${OS_USER_DOMAIN_NAME:-Default}")"
SMOKE_SECRET=$PASSWORD
SMOKE_SECRET_WHAT=password
log "nfvflow $NFVFLOW_URL, OpenStack $AUTH_URL as $USERNAME in project $PROJECT, tacker $(tacker --version 2>&1)"

# ------------------------------------------------------------------ a network for the sample
NET_CREATED=1
run openstack_ network create "$NET" -f value -c id
run openstack_ subnet create --network "$NET" --subnet-range 10.199.$((RANDOM % 250)).0/24 "$NET-subnet" -f value -c id

# ------------------------------------------------------------------ VIM
VIM_CONFIG=$TMP/vim-config.yaml
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
  } >"$VIM_CONFIG"
)
log "VIM config (mode 600, password not shown): $VIM_CONFIG"

VIM_CREATED=1   # from here on, vim-delete on exit (a failed register makes it a no-op)
run tacker_ vim-register --config-file "$VIM_CONFIG" "$VIM_NAME"
rm -f -- "$VIM_CONFIG"
end=$((SECONDS + TIMEOUT))
while [[ $(quiet tacker_ vim-show "$VIM_NAME" -f value -c status) == PENDING ]] && ((SECONDS < end)); do sleep 2; done
run tacker_ vim-show "$VIM_NAME"
run tacker_ vim-show "$VIM_NAME" -f value -c status
[[ $LAST == REACHABLE ]] || fail "VIM $VIM_NAME is '$LAST', expected REACHABLE"
run tacker_ vim-show "$VIM_NAME" -f value -c auth_cred
[[ $LAST == *'***'* && $LAST != *"\"password\": \"$PASSWORD\""* ]] || fail "auth_cred.password is not masked"
run tacker_ vim-show "$VIM_NAME" -f value -c placement_attr
[[ $LAST == *RegionOne* ]] || fail "placement_attr of $VIM_NAME does not name RegionOne"
run tacker_ vim-list

# ------------------------------------------------------------------ VNFD: the hello-world sample, on the sandbox
VNFD_FILE=$TMP/tosca-vnfd-hello-world.yaml
sed -e "s/image: cirros-0.5.2-x86_64-disk/image: $IMAGE/" \
  -e "s/network_name: net_mgmt\$/network_name: $NET/" \
  -e "s/network_name: net0\$/network_name: $NET/" \
  -e "s/network_name: net1\$/network_name: $NET/" "$SAMPLE" >"$VNFD_FILE"
grep -qE 'cirros|network_name: net(_mgmt|0|1)$' "$VNFD_FILE" && fail "the sample was not rewritten: $VNFD_FILE"
# and made scalable: VDU1 in a scaling group of 1..2 servers, for vnf-scale below
cat >>"$VNFD_FILE" <<'EOP'

  policies:
    - SP1:
        type: tosca.policies.tacker.Scaling
        targets: [VDU1]
        properties: {min_instances: 1, max_instances: 2, default_instances: 1, increment: 1}
EOP
log "the sample with image $IMAGE and all three VLs on $NET:"
diff "$SAMPLE" "$VNFD_FILE" >&2 || true
VNFD_CREATED=1
run tacker_ vnfd-create --vnfd-file "$VNFD_FILE" "$VNFD_NAME"
run tacker_ vnfd-list

# ------------------------------------------------------------------ VNF
run tacker_ vnf-create --vnfd-name "$VNFD_NAME" --vim-name "$VIM_NAME" "$VNF_NAME"
run tacker_ vnf-show "$VNF_NAME" -f value -c id
VNF_ID=$LAST
wait_active "$VNF_ID" "$VNF_NAME"
run tacker_ vnf-show "$VNF_NAME"
run tacker_ vnf-show "$VNF_NAME" -f value -c mgmt_ip_address
[[ $LAST == *VDU1* ]] || fail "no management address of VDU1 in mgmt_ip_address: '$LAST'"
run tacker_ vnf-resource-list "$VNF_NAME"
[[ $LAST == *OS::Nova::Server* ]] || fail "vnf-resource-list shows no OS::Nova::Server"
run tacker_ events-list --resource-id "$VNF_ID"
[[ $LAST == *CREATE* ]] || fail "no CREATE event for $VNF_NAME"

run openstack_ stack list --tags "nfvflow-vnf-$VNF_ID" -f value -c "Stack Name" -c "Stack Status"
[[ $LAST == *"nfvflow-$VNF_ID"*CREATE_COMPLETE* ]] || fail "no stack nfvflow-$VNF_ID in CREATE_COMPLETE tagged nfvflow-vnf-$VNF_ID"
run openstack_ stack resource list -n 5 "nfvflow-$VNF_ID"
run openstack_ server list
run openstack_ port list --network "$NET" --long
[[ $(grep -c ACTIVE <<<"$LAST") -ge 3 ]] || fail "expected the sample's three ports ACTIVE on $NET"
run tacker_ vnf-list

# ------------------------------------------------------------------ scale: one more server, then back
wait_scaled "$VNF_NAME" 1
run tacker_ vnf-scale --vnf-name "$VNF_NAME" --scaling-policy-name SP1 --scaling-type out
wait_scaled "$VNF_NAME" 2
run tacker_ vnf-show "$VNF_NAME" -f value -c mgmt_ip_address
[[ $(grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+' <<<"$LAST" | wc -l) == 2 ]] || fail "expected two management addresses: '$LAST'"
run openstack_ stack show "nfvflow-$VNF_ID" -f value -c stack_status
[[ $LAST == UPDATE_COMPLETE ]] || fail "stack nfvflow-$VNF_ID is '$LAST', expected UPDATE_COMPLETE"
run openstack_ server list
run_fails "max_instances is 2" tacker_ vnf-scale --vnf-name "$VNF_NAME" --scaling-policy-name SP1 --scaling-type out
run tacker_ vnf-scale --vnf-name "$VNF_NAME" --scaling-policy-name SP1 --scaling-type in
wait_scaled "$VNF_NAME" 1
run tacker_ events-list --resource-id "$VNF_ID" --event-type SCALE

# ------------------------------------------------------------------ heal: a server set to ERROR is replaced
heal_ends() { quiet tacker_ events-list --resource-id "$1" --event-type HEAL -f value -c resource_state | grep -c ACTIVE || true; }
run tacker_ vnf-show "$VNF_NAME" -f json
OLD_SERVER=$(jq -r '.instances | (if type == "string" then fromjson else . end) | (if type == "array" then .[0] else . end) | .id' <<<"$LAST")
[[ -n $OLD_SERVER && $OLD_SERVER != null ]] || fail "no instance in vnf-show of $VNF_NAME"
# an admin's act (as an operator would see a hypervisor failure); nfvflow's survey finds it
run bash -c "set +u; . '$SB/admin-openrc'; /usr/bin/openstack server set --state error $OLD_SERVER"
end=$((SECONDS + TIMEOUT))
until [[ $(heal_ends "$VNF_ID") -ge 1 && $(vnf_status "$VNF_NAME") == ACTIVE ]]; do
  ((SECONDS < end)) || fail "$VNF_NAME not healed within ${TIMEOUT}s"
  sleep 2
done
run tacker_ vnf-show "$VNF_NAME" -f json
[[ $LAST != *"$OLD_SERVER"* ]] || fail "server $OLD_SERVER is still an instance of $VNF_NAME"
run tacker_ events-list --resource-id "$VNF_ID" --event-type HEAL -f value -c event_details
[[ $LAST == *"$OLD_SERVER"*"is ERROR"* && $LAST == *"replaced"* ]] || fail "the HEAL events do not say what was healed and why"
run openstack_ server list

# ------------------------------------------------------------------ teardown, checked
run tacker_ vnf-delete "$VNF_NAME"
wait_gone "$VNF_ID" "$VNF_NAME"
wait_cloud_empty "$VNF_ID"
run openstack_ stack list
[[ $LAST != *"nfvflow-$VNF_ID"* ]] || fail "the stack nfvflow-$VNF_ID is still listed"
run openstack_ port list --network "$NET"
VNF_ID=
run tacker_ vnfd-delete "$VNFD_NAME"
VNFD_CREATED=0
run tacker_ vim-delete "$VIM_NAME"
VIM_CREATED=0
run tacker_ vim-list
run openstack_ subnet delete "$NET-subnet"
run openstack_ network delete "$NET"
NET_CREATED=0
