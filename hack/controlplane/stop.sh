#!/usr/bin/env bash
# Stops the control plane that hack/controlplane/start.sh started in <state-dir>.
#
# Usage: hack/controlplane/stop.sh <state-dir>
#
# kube-apiserver first, then etcd: SIGTERM, wait up to STOP_TIMEOUT seconds (default 20), then
# SIGKILL. Only the processes whose pids start.sh recorded (<state-dir>/*.pid) are signalled, and
# only if that pid still runs the binary start.sh launched. Idempotent: a missing state dir, a
# missing pid file or a process that is already gone is fine. Leaves logs and data in place.
set -euo pipefail

log() { echo "controlplane/stop: $*" >&2; }

[[ $# -eq 1 && -n "$1" ]] || { log "usage: $0 <state-dir>"; exit 1; }
state="$1"
[[ -d "$state" ]] || exit 0
timeout="${STOP_TIMEOUT:-20}"

# A process is alive while /proc has it and it is not a zombie (a zombie whose parent does not
# reap it, e.g. under a minimal container init, must not count as running).
alive() { # alive <pid>
  local st
  st="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z && "$st" != X ]]
}

stop_one() { # stop_one <name>
  local name="$1" pidfile="$state/$1.pid" pid exe
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [[ ! "$pid" =~ ^[0-9]+$ ]]; then
    rm -f "$pidfile"
    return 0
  fi
  # Guard against a recycled pid: the process must still be the binary we started.
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  if [[ "${exe##*/}" != "$name" && "${exe##*/}" != "$name (deleted)" ]]; then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if alive "$pid" && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" == "$exe" ]]; then
    log "$name (pid $pid) did not stop within ${timeout}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      alive "$pid" || break
      sleep 0.1
    done
  fi
  rm -f "$pidfile"
}

stop_one kube-apiserver
stop_one etcd
