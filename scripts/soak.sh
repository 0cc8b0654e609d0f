#!/usr/bin/env bash
# Soak (issue 15, not part of the test run): 100 concurrent loops of mixed operations (put, get, list, delete, and
# a multipart upload read back as a stream every tenth step) for a bounded number of minutes against each store,
# the client in a JVM of its own (-Xmx512m, SOAK_HEAP), the store in another (S3Proxy) or in its own processes (Ceph RGW).
# Prints a SAMPLE line every 10 s (heap after GC, threads, open file descriptors) and one SOAK line per store; exits
# non-zero when any operation failed on the client side.
# Operations still running SOAK_GRACE seconds (150) after the end are reported as STUCK, by kind, and fail the run.
# Usage: scripts/soak.sh [minutes (default 3)] [targets (default s3proxy,ceph-rgw)] [workers (default 100)]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-3}"
targets="${2:-s3proxy,ceph-rgw}"
workers="${3:-100}"
if [[ "$targets" == *ceph-rgw* ]] && ! command -v radosgw >/dev/null; then
  echo "radosgw not installed (scripts/install-ceph-rgw.sh): Ceph RGW skipped" >&2
  targets=${targets//ceph-rgw/}; targets=${targets//,,/,}; targets=${targets#,}; targets=${targets%,}
fi
mvn -B -q -o -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/benchmarks.classpath
cp="benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
# Ceph RGW keeps objects in RAM (memstore, 2 GiB by default). The soak keeps about 1.1 GiB of objects, has up to
# 1.1 GiB of multipart uploads in flight, and replaces its objects at up to ~80 MiB/s; RGW gives the RAM of a
# replaced object back only after its garbage collection (RGW_GC_MIN_WAIT, then the next RGW_GC_PERIOD). When the
# memstore fills, Ceph marks the OSD full and holds every write: RGW stops answering and the client's requests end
# in S3TimeoutException (the stall seen after ~85 s with 6 GiB and a 30 s GC period). Room and a faster GC:
export MEMSTORE_BYTES=${MEMSTORE_BYTES:-10737418240}
export RGW_GC_PERIOD=${RGW_GC_PERIOD:-10}
status=0
for target in ${targets//,/ }; do
  profile=S3PROXY; [ "$target" = ceph-rgw ] && profile=CEPH
  coproc SERVER { exec timeout 7200 java -Xmx2g -cp "$cp" io.reactives3.benchmarks.BenchServer "$target" 2>/dev/null; }
  ready=""
  while read -r line <&"${SERVER[0]}"; do
    case "$line" in READY*) ready="$line"; break;; esac
  done
  [ -n "$ready" ] || { echo "the $target server did not start" >&2; exit 1; }
  read -r _ endpoint region access secret <<<"$ready"
  echo "== $target ($endpoint), $minutes min, $workers workers"
  S3_ACCESS_KEY="$access" S3_SECRET_KEY="$secret" java -Xmx${SOAK_HEAP:-512m} -Dsoak.grace.seconds=${SOAK_GRACE:-150} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$cp" io.reactives3.benchmarks.Soak "$endpoint" "$region" "$profile" "$minutes" "$workers" || status=1
  exec {SERVER[1]}>&-
  wait "$SERVER_PID" 2>/dev/null || true
done
exit $status
