#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the bench: initdb + pg_ctl in a fresh
# temporary folder, loopback only, trust auth, stopped and removed by "stop".
#
# Usage: scripts/pg_test_cluster.sh start STATE_DIR [-c name=value ...]
#        scripts/pg_test_cluster.sh stop STATE_DIR
#   start  first stops and removes a cluster that a killed run left behind in STATE_DIR,
#          then writes STATE_DIR/url (postgresql://dongelek@127.0.0.1:PORT/postgres),
#          STATE_DIR/port and STATE_DIR/cluster (the temporary folder). Extra -c options go
#          to the server (the tests turn fsync off; the bench keeps the defaults).
#   stop   stops the cluster (fast shutdown) and removes its folder and the state files.
# As root, initdb and pg_ctl run as the `postgres` user Debian's package creates (they
# refuse to run as root); as any other user they run directly.
# Environment: DONGELEK_PG_BIN (default: the newest /usr/lib/postgresql/*/bin, 15 preferred).
set -euo pipefail

cmd=${1:-}
STATE=${2:-}
if [ -z "$cmd" ] || [ -z "$STATE" ] || { [ "$cmd" != start ] && [ "$cmd" != stop ]; }; then
  echo "usage: $0 start|stop STATE_DIR [-c name=value ...]" >&2
  exit 2
fi
shift 2

PG_BIN=${DONGELEK_PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    PG_BIN=/usr/lib/postgresql/15/bin
  else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
fi
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg_test_cluster: no PostgreSQL server found (apt-get install postgresql, or set DONGELEK_PG_BIN)" >&2
  exit 1
fi

log() { echo "pg_test_cluster: $*" >&2; }

# initdb and pg_ctl as the cluster's owner. The working directory is the cluster folder,
# because the postgres user may not be allowed into the caller's.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$CLUSTER" && runuser -u postgres -- "$@")
  else
    (cd "$CLUSTER" && "$@")
  fi
}

# The folder a state dir points at, only when it is one of ours (never rm -rf anything else).
recorded_cluster() {
  [ -f "$STATE/cluster" ] || return 1
  local dir
  dir=$(cat "$STATE/cluster")
  case "$(basename "$dir")" in
    dk-pg.*) [ -d "$dir" ] && { echo "$dir"; return 0; } ;;
  esac
  return 1
}

stop_cluster() { # mode: fast (normal stop) or immediate (leftovers)
  local mode=$1
  if CLUSTER=$(recorded_cluster); then
    if [ -f "$CLUSTER/data/postmaster.pid" ]; then
      if ! as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -m "$mode" -w -t 30 stop >/dev/null 2>&1; then
        # pg_ctl could not stop it (damaged data dir?): end the postmaster we started, by its pid.
        local pid
        pid=$(head -1 "$CLUSTER/data/postmaster.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && grep -q "$CLUSTER" "/proc/$pid/cmdline" 2>/dev/null; then
          kill -QUIT "$pid" 2>/dev/null || true
          for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
      fi
    fi
    rm -rf "$CLUSTER"
  fi
  rm -f "$STATE/cluster" "$STATE/url" "$STATE/port"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ "$cmd" = stop ]; then
  stop_cluster fast
  exit 0
fi

# start
mkdir -p "$STATE"
if recorded_cluster >/dev/null; then
  log "removing a cluster left by an earlier run"
  stop_cluster immediate
fi
# Short path under /tmp: the server's Unix socket lives in it (108-byte limit).
CLUSTER=$(mktemp -d /tmp/dk-pg.XXXXXX)
echo "$CLUSTER" > "$STATE/cluster" # recorded first, so a start killed midway is cleaned next time
trap 'status=$?; if [ $status != 0 ]; then stop_cluster immediate; fi' EXIT
if [ "$(id -u)" = 0 ]; then chown postgres: "$CLUSTER"; fi

if ! as_owner "$PG_BIN/initdb" -D "$CLUSTER/data" -U dongelek --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$CLUSTER/initdb.log" 2>&1; then
  log "initdb failed:"
  cat "$CLUSTER/initdb.log" >&2
  exit 1
fi

started=0
for _ in 1 2 3 4 5 6 7 8; do
  PORT=$((20000 + RANDOM % 40000))
  port_in_use "$PORT" && continue
  if as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 60 \
    -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 $*" start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ $started != 1 ]; then
  log "the server did not start; its log:"
  cat "$CLUSTER/server.log" >&2 || true
  exit 1
fi
echo "$PORT" > "$STATE/port"
echo "postgresql://dongelek@127.0.0.1:$PORT/postgres" > "$STATE/url"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($CLUSTER)"
