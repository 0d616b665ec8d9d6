#!/usr/bin/env bash
# smoke-lib.sh - what the tacker CLI smoke scripts share: logging in to nfvflow (a token from its
# identity API), printing each command with its output, masking the VIM secret and nfvflow's token
# and password (and failing if one ever shows), and waiting for a VNF's status.
# Sourced, not run. The sourcing script sets NFVFLOW_URL, TIMEOUT, TMP (a private temp dir) and,
# once known, SMOKE_SECRET (the value to mask) and SMOKE_SECRET_WHAT (what to call it); it calls
# nfvflow_login once TMP exists and nfvflow_logout on its way out.
# Login: NFVFLOW_USER (admin) and NFVFLOW_PASSWORD (default: NFVFLOW_ADMIN_PASSWORD).

SMOKE_SECRET=${SMOKE_SECRET:-}
SMOKE_SECRET_WHAT=${SMOKE_SECRET_WHAT:-secret}
NFVFLOW_USER=${NFVFLOW_USER:-admin}
NFVFLOW_PASSWORD=${NFVFLOW_PASSWORD:-${NFVFLOW_ADMIN_PASSWORD:-}}
NFVFLOW_TOKEN=
LAST=
LEAKED=0

log() { printf '[smoke] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# the token goes by environment (OS_TOKEN) and header file, never on a command line
tacker_() { OS_TOKEN=$NFVFLOW_TOKEN tacker --os-auth-strategy noauth --os-url "$NFVFLOW_URL" "$@"; }
curl_() { curl -H @"$TMP/nfvflow-auth-header" "$@"; }  # curl with nfvflow's token

nfvflow_login() {  # POST /identity/v3/auth/tokens as NFVFLOW_USER: the token in X-Subject-Token
  [[ -n $NFVFLOW_PASSWORD ]] ||
    fail "set NFVFLOW_PASSWORD (or NFVFLOW_ADMIN_PASSWORD) to the password of nfvflow user $NFVFLOW_USER"
  local body status
  body=$(NFVFLOW_PASSWORD=$NFVFLOW_PASSWORD jq -n --arg u "$NFVFLOW_USER" \
    '{auth: {identity: {methods: ["password"], password: {user: {name: $u, domain: {name: "Default"}, password: $ENV.NFVFLOW_PASSWORD}}}}}')
  status=$(curl -s -o "$TMP/login.json" -D "$TMP/login.headers" -w '%{http_code}' --max-time 15 \
    -XPOST "$NFVFLOW_URL/identity/v3/auth/tokens" -H 'Content-Type: application/json' -d @- <<<"$body") || status=000
  [[ $status == 201 ]] ||
    fail "login to nfvflow as $NFVFLOW_USER failed (HTTP $status): $(jq -r '.error.message // empty' "$TMP/login.json" 2>/dev/null)"
  NFVFLOW_TOKEN=$(sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *\([^[:space:]]*\).*/\1/p' "$TMP/login.headers")
  [[ -n $NFVFLOW_TOKEN ]] || fail "nfvflow issued no token (no X-Subject-Token header)"
  (umask 077; printf 'X-Auth-Token: %s\n' "$NFVFLOW_TOKEN" >"$TMP/nfvflow-auth-header")
  rm -f "$TMP/login.headers"
  log "logged in to nfvflow as $NFVFLOW_USER (roles $(jq -r '[.token.roles[].name] | join(",")' "$TMP/login.json"), token until $(jq -r .token.expires_at "$TMP/login.json"))"
}

nfvflow_logout() {  # revoke the token (best effort: called on the way out)
  [[ -n $NFVFLOW_TOKEN && -r $TMP/nfvflow-auth-header ]] || return 0
  printf 'X-Subject-Token: %s\n' "$NFVFLOW_TOKEN" >"$TMP/nfvflow-subject-header"
  curl -s -o /dev/null --max-time 10 -XDELETE -H @"$TMP/nfvflow-auth-header" \
    -H @"$TMP/nfvflow-subject-header" "$NFVFLOW_URL/identity/v3/auth/tokens" || true
  NFVFLOW_TOKEN=
}

mask() {  # the VIM secret, nfvflow's token and password must never be shown: mask, remember the leak
  local text=$1 secret
  for secret in "$SMOKE_SECRET" "$NFVFLOW_TOKEN" "$NFVFLOW_PASSWORD"; do
    if ((${#secret} >= 8)) && [[ $text == *"$secret"* ]]; then
      LEAKED=1
      text=${text//"$secret"/***}
    fi
  done
  printf '%s' "$text"
}

run() {  # print the command, run it, print its output; fail on a non-zero exit or a leaked secret.
         # LAST = its stdout (the CLI prints a deprecation notice on stderr)
  local out err rc=0
  LEAKED=0
  printf '\n$ %s\n' "$*"
  out=$("$@" 2>"$TMP/stderr") || rc=$?
  err=$(grep -v '^Deprecated: tacker command line is deprecated' "$TMP/stderr" || true)
  out=$(mask "$out")
  err=$(mask "$err")
  [[ -z $out ]] || printf '%s\n' "$out"
  [[ -z $err ]] || printf '%s\n' "$err"
  ((LEAKED == 0)) || fail "a secret (the VIM $SMOKE_SECRET_WHAT, or nfvflow's token or password) appears in the output of: $*"
  ((rc == 0)) || fail "exit $rc: $*"
  LAST=$out
}

quiet() { "$@" 2>/dev/null || true; }  # for polls: output only, failures are answers

vnf_status() { quiet tacker_ vnf-show "$1" -f value -c status; }

vnf_exists() {  # 0 while the API still knows the VNF
  tacker_ vnf-show "$1" -f value -c id >/dev/null 2>&1
}

wait_active() {  # id name
  local end=$((SECONDS + TIMEOUT)) status last=
  while :; do
    status=$(vnf_status "$1")
    [[ $status != "$last" ]] && log "$2: ${status:-<no answer>}" && last=$status
    case $status in
      ACTIVE) return 0 ;;
      ERROR | DEAD)
        run tacker_ vnf-show "$1"
        fail "$2 went $status" ;;
    esac
    ((SECONDS < end)) || fail "$2 not ACTIVE after ${TIMEOUT}s (last status: ${status:-none})"
    sleep 2
  done
}

wait_gone() {  # id name
  local end=$((SECONDS + TIMEOUT))
  while vnf_exists "$1"; do
    ((SECONDS < end)) || fail "$2 still there ${TIMEOUT}s after vnf-delete (status: $(vnf_status "$1"))"
    sleep 2
  done
  log "$2: gone (vnf-show answers not found)"
}

run_fails() {  # pattern cmd...: the command must fail and say something matching the pattern
  local pattern=$1 out rc=0
  shift
  printf '\n$ %s   (must fail)\n' "$*"
  out=$("$@" 2>&1) || rc=$?
  out=$(mask "$(grep -v '^Deprecated: tacker command line is deprecated' <<<"$out" || true)")
  printf '%s\n' "$out"
  ((rc != 0)) || fail "expected a failure: $*"
  grep -Eq "$pattern" <<<"$out" || fail "the failure of '$*' does not say /$pattern/"
}

scale_level() {  # name: the first scaling policy's current instances, from vnf-show (the legacy
                 # client prints a list one element per line, each a JSON object)
  quiet tacker_ vnf-show "$1" -f json |
    jq -r '.scale_status | (if type == "string" then (split("\n")[0] | fromjson) else . end)
           | (if type == "array" then .[0] else . end) | .current // empty'
}

wait_scaled() {  # name instances: ACTIVE at that level, operation COMPLETED
  local end=$((SECONDS + TIMEOUT)) level
  while :; do
    level=$(scale_level "$1")
    if [[ $(vnf_status "$1") == ACTIVE && $level == "$2" ]]; then
      log "$1: ACTIVE at $2 instances"
      return 0
    fi
    ((SECONDS < end)) || fail "$1 not ACTIVE at $2 instances after ${TIMEOUT}s (status $(vnf_status "$1"), level ${level:-?})"
    sleep 2
  done
}
