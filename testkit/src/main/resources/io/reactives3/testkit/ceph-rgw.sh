#!/usr/bin/env bash
# A throwaway single-node Ceph RADOS Gateway (S3) on 127.0.0.1 for tests and demos:
# one ceph-mon, one ceph-osd on memstore (RAM, grows as data is written), one radosgw (beast frontend).
# No systemd, cephadm or Docker; everything lives in one state folder that `stop` removes.
#
#   ceph-rgw.sh start [STATE_DIR]   prints STATE_DIR=... and S3_ENDPOINT=... when S3 answers authenticated requests
#   ceph-rgw.sh stop STATE_DIR      stops only the daemons recorded in STATE_DIR/pids, then removes STATE_DIR
#   ceph-rgw.sh check               exits 0 when the binaries are installed, else prints what is missing
#
# Environment: RGW_PORT (18480), MON_V2_PORT (18300), MON_V1_PORT (18789), MEMSTORE_BYTES (2 GiB),
#              RGW_GC_MIN_WAIT and RGW_GC_PERIOD (seconds, 30 each: when the RAM of overwritten and deleted
#              objects is given back; a full memstore makes Ceph hold every write, and RGW stops answering),
#              ACCESS_KEY, SECRET_KEY, STARTUP_TIMEOUT (seconds, 120), KEEP_STATE=1 keeps logs on stop.
# Binaries (Debian 12): apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw
set -euo pipefail

RGW_PORT=${RGW_PORT:-18480}
MON_V2_PORT=${MON_V2_PORT:-18300}
MON_V1_PORT=${MON_V1_PORT:-18789}
MEMSTORE_BYTES=${MEMSTORE_BYTES:-2147483648}
RGW_GC_MIN_WAIT=${RGW_GC_MIN_WAIT:-30}
RGW_GC_PERIOD=${RGW_GC_PERIOD:-30}
ACCESS_KEY=${ACCESS_KEY:-AKIDREACTIVES3RGW}
SECRET_KEY=${SECRET_KEY:-reactive-s3-rgw-secret-key-0123456789}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-120}
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
REQUIRED_BINARIES="ceph ceph-mon ceph-osd radosgw radosgw-admin monmaptool curl"

say() { echo "[ceph-rgw $(date +%T)] $*" >&2; }

check_binaries() {
  local missing=() b
  for b in $REQUIRED_BINARIES; do command -v "$b" >/dev/null 2>&1 || missing+=("$b"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "missing ${missing[*]} (install: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw curl)"
    return 1
  fi
}

# Runs "$@" until it succeeds or the timeout passes; fails early if daemon $1's pid died.
wait_until() {
  local daemon=$1 what=$2; shift 2
  local deadline=$((SECONDS + STARTUP_TIMEOUT))
  until "$@"; do
    kill -0 "$(cat "$STATE/pids/$daemon")" 2>/dev/null || { say "$daemon exited while waiting for $what"; return 1; }
    [ $SECONDS -lt $deadline ] || { say "timed out waiting for $what"; return 1; }
    sleep 0.2
  done
}

stop_cluster() {
  local dir name pid i
  dir=$(cd "$1" 2>/dev/null && pwd) || { say "no state folder $1"; return 0; }
  for name in rgw osd mon; do
    [ -f "$dir/pids/$name" ] || continue
    pid=$(cat "$dir/pids/$name")
    # signal only the daemon started with this state folder's config (pids get reused)
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/ceph.conf"; then
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pids/$name"
  done
  if [ "${KEEP_STATE:-0}" = 1 ]; then say "stopped; logs kept in $dir"; else rm -rf -- "$dir"; fi
}

mon_answers() { timeout 10 ceph -c "$CONF" --connect-timeout 5 mon stat >/dev/null 2>&1; }
osd_is_up() {
  [ "$(timeout 10 ceph -c "$CONF" osd stat -f json 2>/dev/null | grep -o '"num_up_osds":[0-9]*' | cut -d: -f2)" = 1 ]
}
rgw_answers() { curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/"; }
credentials_accepted() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --user "$ACCESS_KEY:$SECRET_KEY" \
        -H "x-amz-content-sha256: $EMPTY_SHA256" --aws-sigv4 "aws:amz:us-east-1:s3" \
        "http://127.0.0.1:$RGW_PORT/" || true)" = 200 ]
}

start_cluster() {
  check_binaries >&2 || return 1
  STATE=${1:-$(mktemp -d "${TMPDIR:-/tmp}/reactive-s3-rgw.XXXXXX")}
  mkdir -p "$STATE"/{mon.a,osd.0,run,log,pids,crash}
  STATE=$(cd "$STATE" && pwd)
  CONF=$STATE/ceph.conf
  export CEPH_CONF=$CONF
  local t0=$SECONDS p
  trap 'rc=$?; if [ $rc -ne 0 ]; then say "start failed (exit $rc); last log lines:"; tail -n 15 "$STATE"/log/*.log >&2 2>/dev/null || true; stop_cluster "$STATE"; fi' EXIT

  for p in "$MON_V2_PORT" "$MON_V1_PORT" "$RGW_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then say "port 127.0.0.1:$p is already in use"; return 1; fi
  done

  local fsid osd_uuid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  cat > "$CONF" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_V2_PORT,v1:127.0.0.1:$MON_V1_PORT]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv4 = true
ms bind ipv6 = false
# no cephx on a throwaway loopback cluster; with auth off only the "crc" wire mode works for daemons
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
keyring = $STATE/keyring
run dir = $STATE/run
admin socket = $STATE/run/\$name.asok
pid file = $STATE/run/\$name.pid
log file = $STATE/log/\$name.log
crash dir = $STATE/crash
log to stderr = false
err to stderr = true
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1

[mon]
mon data = $STATE/mon.\$id
mon cluster log file = $STATE/log/cluster.log
mon allow pool delete = true
# RGW creates ~8 pools at first start; commit map changes in 0.1 s instead of batching them for 1 s each
paxos propose interval = 0.1
paxos min wait = 0.01

[osd]
osd data = $STATE/osd.\$id
osd objectstore = memstore
memstore device bytes = $MEMSTORE_BYTES
osd crush update on start = true

[client]
log file = $STATE/log/\$name.log

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw thread pool size = 64
rgw enable ops log = false
# give the RAM of deleted and overwritten objects back after 30 s instead of 2 h
rgw gc obj min wait = $RGW_GC_MIN_WAIT
rgw gc processor period = $RGW_GC_PERIOD
CONF
  : > "$STATE/keyring"

  say "state folder $STATE: starting ceph-mon"
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_V2_PORT,v1:127.0.0.1:$MON_V1_PORT]" "$STATE/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$STATE/monmap" >"$STATE/log/mon-mkfs.out" 2>&1
  ceph-mon -c "$CONF" -i a -f >"$STATE/log/mon.stdout" 2>&1 &
  echo $! > "$STATE/pids/mon"
  wait_until mon "the monitor" mon_answers

  say "starting ceph-osd (memstore, at most $MEMSTORE_BYTES bytes)"
  local osd_id
  osd_id=$(timeout 30 ceph -c "$CONF" osd new "$osd_uuid")
  [ "$osd_id" = 0 ] || { say "unexpected osd id '$osd_id'"; return 1; }
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$STATE/log/osd-mkfs.out" 2>&1
  ceph-osd -c "$CONF" -i 0 -f >"$STATE/log/osd.stdout" 2>&1 &
  echo $! > "$STATE/pids/osd"
  wait_until osd "the OSD to come up" osd_is_up

  say "starting radosgw on 127.0.0.1:$RGW_PORT"
  radosgw -c "$CONF" -n client.rgw.a -f >"$STATE/log/rgw.stdout" 2>&1 &
  echo $! > "$STATE/pids/rgw"
  wait_until rgw "radosgw to answer" rgw_answers

  say "creating the S3 user $ACCESS_KEY"
  timeout 60 radosgw-admin -c "$CONF" -n client.admin user create --uid=reactive-s3 --display-name="reactive-s3 tests" \
      --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >"$STATE/log/user-create.json" 2>"$STATE/log/user-create.err"
  wait_until rgw "the S3 credentials to be accepted" credentials_accepted

  trap - EXIT
  say "S3 endpoint ready after $((SECONDS - t0)) s"
  echo "STATE_DIR=$STATE"
  echo "S3_ENDPOINT=http://127.0.0.1:$RGW_PORT"
}

case "${1:-}" in
  start) start_cluster "${2:-}" ;;
  stop) [ -n "${2:-}" ] || { echo "usage: $0 stop STATE_DIR" >&2; exit 2; }; stop_cluster "$2" ;;
  check) check_binaries ;;
  *) echo "usage: $0 start [STATE_DIR] | stop STATE_DIR | check" >&2; exit 2 ;;
esac
