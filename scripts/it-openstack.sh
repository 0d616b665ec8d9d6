#!/usr/bin/env bash
# it-openstack.sh - start and stop the OpenStack sandbox around Maven's integration tests
# (engine/pom.xml calls it in pre-/post-integration-test, like it-sandbox.sh for Kubernetes).
#
#   it-openstack.sh start   install the sandbox's missing Debian packages (in the foreground:
#                           apt must not run next to the Kubernetes sandbox build's apt-get, which
#                           does not wait for the dpkg lock; 2-5 min once, a no-op afterwards),
#                           then run scripts/openstack-sandbox/openstack-up.sh in the background,
#                           its output to a log file, and return: the Kubernetes sandbox is built
#                           and started meanwhile (OpenStack takes 2-3.5 min to start)
#   it-openstack.sh wait    wait for that start-up, printing its log in one piece; fails when it
#                           failed or took longer than IT_OPENSTACK_TIMEOUT seconds (default 1800)
#   it-openstack.sh up      start + wait (by hand)
#   it-openstack.sh down    stop the sandbox only if `start` above started it: a cloud that was
#                           already running (a developer's, or one kept on purpose) stays up
#
# A sandbox this build started never outlives the build: the background job keeps watching the
# process that called `start` (Maven) and stops the sandbox if that process ends before `down`
# ran (a failed Kubernetes build, Ctrl-C, a build that stops before post-integration-test).
# `start`, `wait` and `down` take --skip=true to do nothing (-Dopenstack.sandbox.skip=true).
#
# Stop a kept sandbox with scripts/openstack-sandbox/openstack-down.sh.
# Settings: OPENSTACK_SANDBOX_DIR (default /var/tmp/openstack-sandbox), IT_OPENSTACK_TIMEOUT.
# The sandbox runs as root (it installs Debian packages and runs MariaDB as root); as another
# user this script runs itself through `sudo -n`.
set -euo pipefail

if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "[it-openstack] ERROR: needs root or sudo" >&2; exit 1; }
  export IT_OPENSTACK_OWNER_PID=${IT_OPENSTACK_OWNER_PID:-$PPID}
  exec sudo -n --preserve-env=OPENSTACK_SANDBOX_DIR,IT_OPENSTACK_TIMEOUT,IT_OPENSTACK_OWNER_PID \
    bash "${BASH_SOURCE[0]}" "$@"
fi

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
UP=$HERE/openstack-sandbox/openstack-up.sh
DOWN=$HERE/openstack-sandbox/openstack-down.sh
SB=${OPENSTACK_SANDBOX_DIR:-/var/tmp/openstack-sandbox}
export OPENSTACK_SANDBOX_DIR=$SB
STATE=$SB/run/it          # this script's state (openstack-up.sh --fresh keeps run/)
LOCK=$STATE/lock          # serialises start-ups and stops of concurrent builds
MARK=$STATE/started-by-it # PID of the keystone that a build's start-up started
OWNER=${IT_OPENSTACK_OWNER_PID:-$PPID}   # the build: Maven's JVM, the parent of this script
USER_DIR=$STATE/builds/$OWNER            # one per build using the sandbox:
JOB=$USER_DIR/job.pid     #   the background job (openstack-up.sh, then the watchdog)
LOG=$USER_DIR/up.log      #   output of openstack-up.sh
RC=$USER_DIR/up.rc        #   its exit code, written when it ends
STARTED=$USER_DIR/started.at
BEFORE=$USER_DIR/before   #   "running" when every service already ran before openstack-up.sh
TIMEOUT=${IT_OPENSTACK_TIMEOUT:-1800}
SERVICES="mysqld rabbitmq keystone heat-engine heat-api neutron-server placement glance-api nova-api nova-conductor nova-scheduler nova-compute"

log() { printf '[it-openstack] %s\n' "$*" >&2; }

alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }
pid_of() { local f=$SB/run/$1.pid; if [[ -s $f ]]; then cat "$f"; fi; }
keystone_pid() { local p; p=$(pid_of keystone); if alive "$p"; then echo "$p"; fi; }
all_running() {
  local n
  for n in $SERVICES; do alive "$(pid_of "$n")" || return 1; done
  curl -sf -o /dev/null -m 5 http://127.0.0.1:5000/v3
}
ours() {  # true when the running sandbox is the one a build's start-up started
  local mark
  mark=$(cat "$MARK" 2>/dev/null || true)
  [[ -n $mark && $mark == "$(keystone_pid)" ]]
}
other_builds() {  # the other live builds registered as users of the sandbox
  local d
  for d in "$STATE"/builds/*; do
    [[ -d $d && ${d##*/} != "$OWNER" ]] || continue
    if alive "${d##*/}"; then echo "${d##*/}"; else rm -rf -- "$d"; fi
  done
}

skip=false
parse() { local a; for a in "$@"; do case $a in --skip=*) skip=${a#--skip=} ;; *) log "unknown option $a"; exit 2 ;; esac; done; }

release() {  # this build no longer uses the sandbox; the last build out stops it if a build started it
  local others
  exec 9>"$LOCK"
  flock 9
  rm -rf -- "$USER_DIR"
  others=$(other_builds | tr '\n' ' ')
  if ! ours; then
    rm -f "$MARK"
    echo "OpenStack sandbox not started by a build - leaving it as it is"
  elif [[ -n $others ]]; then
    echo "OpenStack sandbox still used by build(s) $others- the last one stops it"
  else
    echo "stopping the OpenStack sandbox (a build started it; no other build uses it)"
    "$DOWN"
    rm -f "$MARK"
  fi
  flock -u 9
}

# ------------------------------------------------------------------ background job
job() {  # openstack-up.sh (one at a time), record the outcome, then watch the build
  local rc=0
  exec 9>"$LOCK"
  flock 9
  if all_running; then echo running >"$BEFORE"; else echo stopped >"$BEFORE"; fi
  "$UP" || rc=$?
  if [[ $(cat "$BEFORE") != running ]]; then
    if ((rc == 0)); then
      keystone_pid >"$MARK"
    else
      echo "openstack-up.sh failed (exit $rc) - stopping what it started"
      "$DOWN" || true
    fi
  fi
  flock -u 9
  exec 9>&-
  echo "$rc" >"$RC.tmp" && mv "$RC.tmp" "$RC"
  # watchdog: `down` ends this job; if the build ends first, release the sandbox for it
  while alive "$OWNER"; do sleep 5; done
  if [[ -d $USER_DIR ]]; then
    echo "[$(date +%T)] build $OWNER ended without it-openstack.sh down"
    release
  fi
}

cmd_start() {
  if [[ $skip == true ]]; then log "skipped (openstack.sandbox.skip=true)"; return; fi
  mkdir -p "$STATE/builds"
  if alive "$(cat "$JOB" 2>/dev/null || true)"; then
    log "ERROR: this build started the OpenStack sandbox already (job $(cat "$JOB"))"
    exit 1
  fi
  rm -rf -- "$USER_DIR"
  mkdir -p "$USER_DIR"
  date +%s >"$STARTED"
  if ! "$UP" --packages 2>&1 | sed 's/^/[openstack-up] /' >&2; then
    log "ERROR: the OpenStack sandbox's packages could not be installed (log: $SB/log/apt-install.log)"
    rm -rf -- "$USER_DIR"
    exit 1
  fi
  IT_OPENSTACK_OWNER_PID=$OWNER setsid bash "${BASH_SOURCE[0]}" _job >"$LOG" 2>&1 </dev/null &
  echo $! >"$JOB"
  log "openstack-up.sh started in the background (job $!, log $LOG); 'wait' picks it up"
}

cmd_wait() {
  if [[ $skip == true ]]; then log "skipped (openstack.sandbox.skip=true)"; return; fi
  [[ -s $JOB && -s $STARTED ]] || { log "ERROR: 'it-openstack.sh start' did not run in this build"; exit 1; }
  local started offset=0 size rc
  started=$(cat "$STARTED")
  log "---- OpenStack sandbox start-up (running for $(($(date +%s) - started))s); output of openstack-up.sh:"
  while :; do
    size=$(stat -c %s "$LOG" 2>/dev/null || echo 0)
    if ((size > offset)); then
      # head reads the file and tail reads all of head: no reader closes early, so pipefail
      # cannot turn a SIGPIPE into a failed build while the log grows
      head -c "$size" "$LOG" | tail -c +$((offset + 1)) | sed 's/^/[openstack-up] /' >&2
      offset=$size
    fi
    [[ -s $RC ]] && break
    alive "$(cat "$JOB")" || { log "ERROR: the start-up job died without a result (log $LOG)"; exit 1; }
    if (($(date +%s) - started > TIMEOUT)); then
      log "ERROR: the OpenStack sandbox is not up after ${TIMEOUT}s (IT_OPENSTACK_TIMEOUT); log $LOG"
      exit 1
    fi
    sleep 2
  done
  size=$(stat -c %s "$LOG")
  ((size <= offset)) || tail -c +$((offset + 1)) "$LOG" | sed 's/^/[openstack-up] /' >&2
  rc=$(cat "$RC")
  log "---- end of openstack-up.sh output ($(($(date +%s) - started))s after start)"
  if ((rc != 0)); then
    log "ERROR: the OpenStack sandbox did not start (exit $rc; logs: $SB/log/)"
    exit 1
  fi
  all_running || { log "ERROR: openstack-up.sh succeeded but not every service runs (logs: $SB/log/)"; exit 1; }
  if [[ $(cat "$BEFORE") != running ]]; then
    log "sandbox started for this build; post-integration-test stops it"
  elif ours; then
    log "sandbox left running by an earlier, interrupted test run (or started by a concurrent build); stopped after the build"
  else
    log "sandbox was already running; it stays up after the build (stop: scripts/openstack-sandbox/openstack-down.sh)"
  fi
}

cmd_down() {
  if [[ $skip == true ]]; then log "skipped (openstack.sandbox.skip=true)"; return; fi
  local job
  job=$(cat "$JOB" 2>/dev/null || true)
  if alive "$job" && [[ ! -s $RC ]]; then
    log "the start-up is still running - waiting for it before stopping"
    while alive "$job" && [[ ! -s $RC ]]; do sleep 2; done
  fi
  if alive "$job"; then kill "$job" 2>/dev/null || true; fi   # the watchdog: no longer needed
  if [[ ! -d $USER_DIR ]]; then
    log "OpenStack sandbox not started by this build - leaving it as it is"
    return
  fi
  release 2>&1 | sed 's/^/[it-openstack] /' >&2
}

cmd=${1:-}
shift || true
case $cmd in
  start) parse "$@"; cmd_start ;;
  wait) parse "$@"; cmd_wait ;;
  up) parse "$@"; cmd_start; cmd_wait ;;
  down) parse "$@"; cmd_down ;;
  _job) job ;;
  *) echo "usage: $0 start|wait|up|down [--skip=true|false]" >&2; exit 2 ;;
esac
