#!/usr/bin/env bash
# postgres-sandbox.sh - a PostgreSQL 15 (Debian's postgresql-15) for tests, on 127.0.0.1 only.
#
#   postgres-sandbox.sh up             install postgresql-15 if missing, create the cluster at first
#                                      use, start it (a no-op when it runs), make the test role and
#                                      database; prints the JDBC URL (`up --skip=true`: does
#                                      nothing, for Maven's -Dpostgres.sandbox.skip=true)
#   postgres-sandbox.sh down [--wipe]  stop it; --wipe also deletes its data
#   postgres-sandbox.sh status         exit 0 when it runs, 3 when not
#   postgres-sandbox.sh psql [args]    psql as the test role on the test database
#
# Settings (environment): PG_SANDBOX_DIR (default /var/tmp/pg-sandbox), PG_SANDBOX_PORT (55432),
# PG_SANDBOX_USER / PG_SANDBOX_PASSWORD / PG_SANDBOX_DB (nfvflow_test / nfvflow_test / nfvflow_test),
# PG_SANDBOX_BIN (/usr/lib/postgresql/15/bin).
#
# The server runs as the current user, or as the `postgres` system user when started by root (the
# server refuses to run as root). It is tuned for tests, not for data you want to keep: fsync and
# synchronous commit are off. Clients reach it over TCP on 127.0.0.1 with a password; the
# superuser only through the Unix socket in $PG_SANDBOX_DIR/run, which only the server's user can
# open. `mvn -Ppostgres ...` (engine/pom.xml) runs the engine's tests against it.
set -euo pipefail

log() { printf '[pg-sandbox] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

SB=${PG_SANDBOX_DIR:-/var/tmp/pg-sandbox}
[[ $SB == /* ]] || die "PG_SANDBOX_DIR must be an absolute path"
SB=$(realpath -m "$SB")
[[ $SB != / ]] || die "PG_SANDBOX_DIR must not be /"
PORT=${PG_SANDBOX_PORT:-55432}
DB_USER=${PG_SANDBOX_USER:-nfvflow_test}
DB_PASSWORD=${PG_SANDBOX_PASSWORD:-nfvflow_test}
DB_NAME=${PG_SANDBOX_DB:-nfvflow_test}
PGBIN=${PG_SANDBOX_BIN:-/usr/lib/postgresql/15/bin}
DATA=$SB/data
RUN=$SB/run      # the Unix socket and the lock
LOGFILE=$SB/postgres.log
[[ $PORT =~ ^[0-9]+$ ]] || die "invalid PG_SANDBOX_PORT '$PORT'"
[[ $DB_USER =~ ^[a-z_][a-z0-9_]*$ && $DB_NAME =~ ^[a-z_][a-z0-9_]*$ ]] ||
  die "PG_SANDBOX_USER and PG_SANDBOX_DB must be plain lower-case SQL names"
[[ $DB_PASSWORD != *\'* ]] || die "PG_SANDBOX_PASSWORD must not contain a single quote"

SUDO=
if [[ $(id -u) != 0 ]]; then command -v sudo >/dev/null && SUDO=sudo; fi

# the server's user: PostgreSQL does not run as root
if [[ $(id -u) == 0 ]]; then OWNER=postgres; else OWNER=$(id -un); fi
as_owner() {
  if [[ $(id -un) == "$OWNER" ]]; then "$@"; else runuser -u "$OWNER" -- "$@"; fi
}

lock() {  # serialise up/down on one sandbox dir
  mkdir -p "$SB"
  exec 9>"$SB/.lock"
  flock -w 300 9 || die "another postgres-sandbox command holds $SB/.lock"
}

ensure_binaries() {
  [[ -x $PGBIN/initdb && -x $PGBIN/pg_ctl && -x $PGBIN/postgres && -x $PGBIN/psql ]] && return 0
  [[ $PGBIN == /usr/lib/postgresql/15/bin ]] || die "no PostgreSQL binaries in PG_SANDBOX_BIN=$PGBIN"
  log "installing postgresql-15 (log: $SB/apt.log)"
  { $SUDO apt-get update -qq &&
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15; } \
    >"$SB/apt.log" 2>&1 || { tail -20 "$SB/apt.log" >&2; die "apt-get install postgresql-15 failed (log: $SB/apt.log)"; }
  [[ -x $PGBIN/initdb ]] || die "postgresql-15 is installed but $PGBIN/initdb is missing"
}

running() { [[ -f $DATA/PG_VERSION ]] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

init_cluster() {
  [[ -f $DATA/PG_VERSION ]] && return 0
  id "$OWNER" >/dev/null 2>&1 || die "user '$OWNER' does not exist (the postgresql-15 package creates it)"
  log "creating the cluster in $DATA (server user $OWNER)"
  mkdir -p "$DATA" "$RUN"
  if [[ $(id -un) != "$OWNER" ]]; then chown "$OWNER:" "$SB" "$DATA" "$RUN"; fi
  chmod 700 "$DATA" "$RUN"
  as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$SB/initdb.log" 2>&1 ||
    { tail -20 "$SB/initdb.log" >&2; die "initdb failed (log: $SB/initdb.log)"; }
  # the local superuser is the server's OS user, whatever its name (peer authentication)
  if [[ $OWNER != postgres ]]; then
    sed -i "1i local all postgres peer map=owner" "$DATA/pg_hba.conf"
    echo "owner $OWNER postgres" >>"$DATA/pg_ident.conf"
  fi
  cat >>"$DATA/postgresql.conf" <<EOF

# postgres-sandbox.sh: loopback only, tuned for tests (data may be lost on a crash)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$RUN'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

superuser_psql() { as_owner "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U postgres "$@"; }

ensure_database() {
  local exists
  exists=$(superuser_psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")
  if [[ $exists != 1 ]]; then
    log "creating role $DB_USER"
    superuser_psql -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD' CREATEDB"
  fi
  exists=$(superuser_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
  if [[ $exists != 1 ]]; then
    log "creating database $DB_NAME"
    superuser_psql -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
  fi
}

port_taken() { ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q .; }

cmd_up() {
  lock
  ensure_binaries
  if running; then
    ensure_database
    log "already running on 127.0.0.1:$PORT"
  else
    port_taken && die "port $PORT is taken by another process (set PG_SANDBOX_PORT)"
    init_cluster
    [[ -d $RUN ]] || { mkdir -p "$RUN"; [[ $(id -un) == "$OWNER" ]] || chown "$OWNER:" "$RUN"; }
    : >>"$LOGFILE"
    [[ $(id -un) == "$OWNER" ]] || chown "$OWNER:" "$LOGFILE"
    log "starting on 127.0.0.1:$PORT (log: $LOGFILE)"
    # fd 9 (the lock) must not stay open in the server
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 -o "-p $PORT" start >/dev/null 9>&- ||
      { tail -20 "$LOGFILE" >&2; die "PostgreSQL did not start (log: $LOGFILE)"; }
    ensure_database
  fi
  echo "jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME user=$DB_USER"
}

cmd_down() {
  lock
  if running; then
    log "stopping"
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  else
    log "not running"
  fi
  if [[ ${1:-} == --wipe ]]; then
    log "deleting $SB"
    rm -rf "$DATA" "$RUN" "$LOGFILE" "$SB/initdb.log"
  fi
}

cmd_status() {
  if [[ -x $PGBIN/pg_ctl ]] && running; then
    echo "running on 127.0.0.1:$PORT, data $DATA"
  else
    echo "not running"
    exit 3
  fi
}

case ${1:-} in
  up) [[ ${2:-} == --skip=true ]] || cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  psql) shift; PGPASSWORD=$DB_PASSWORD exec "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" "$@" ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
