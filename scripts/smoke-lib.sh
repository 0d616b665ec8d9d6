#!/usr/bin/env bash
# smoke-lib.sh - what the tacker CLI smoke scripts share: printing each command with its output,
# masking the VIM secret (and failing if it ever shows), and waiting for a VNF's status.
# Sourced, not run. The sourcing script sets NFVFLOW_URL, TIMEOUT, TMP (a private temp dir) and,
# once known, SMOKE_SECRET (the value to mask) and SMOKE_SECRET_WHAT (what to call it).

SMOKE_SECRET=${SMOKE_SECRET:-}
SMOKE_SECRET_WHAT=${SMOKE_SECRET_WHAT:-secret}
LAST=
LEAKED=0

log() { printf '[smoke] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

tacker_() { tacker --os-auth-strategy noauth --os-url "$NFVFLOW_URL" "$@"; }

mask() {  # the VIM secret must never be shown: mask it and remember that it leaked
  local text=$1
  if ((${#SMOKE_SECRET} >= 8)) && [[ $text == *"$SMOKE_SECRET"* ]]; then
    LEAKED=1
    text=${text//"$SMOKE_SECRET"/***}
  fi
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
  ((LEAKED == 0)) || fail "the VIM $SMOKE_SECRET_WHAT appears in the output of: $*"
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
