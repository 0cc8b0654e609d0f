#!/usr/bin/env bash
# A service's load in a small heap: 200 uploads of unknown length (0 B to 64 MiB) and 20 slowly consumed stream
# downloads at once, through the transfer engine and through the SDK's S3AsyncClient (Java multipart and CRT), each
# contender in its own JVM with the same heap, interleaved (engine, sdk-java, sdk-crt, engine, ...) for a number of
# rounds, on 127.0.0.1. The S3 server runs in a JVM (or processes) of its own, so only the client's heap is measured.
# Prints every run's line and a table of medians. Stops by itself.
# Usage: scripts/bench-service-load.sh [targets (default: s3proxy,ceph-rgw)] [rounds (default: 3)] [heap (default: 128m)]
# CONTENDERS="engine sdk-java" limits the contenders (default: engine sdk-java sdk-crt).
set -euo pipefail
cd "$(dirname "$0")/.."
targets="${1:-s3proxy,ceph-rgw}"
rounds="${2:-3}"
heap="${3:-128m}"
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/benchmarks.classpath
cp="benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
# Ceph RGW keeps objects in RAM (memstore, 2 GiB by default): room for the runs and what failed runs leave behind
export MEMSTORE_BYTES=${MEMSTORE_BYTES:-12884901888}
out="$(mktemp)"
for target in ${targets//,/ }; do
  profile=S3PROXY; [ "$target" = ceph-rgw ] && profile=CEPH
  coproc SERVER { exec timeout 7200 java -Xmx2g -cp "$cp" io.reactives3.benchmarks.BenchServer "$target" 2>/dev/null; }
  ready=""
  while read -r line <&"${SERVER[0]}"; do
    case "$line" in READY*) ready="$line"; break;; esac
  done
  [ -n "$ready" ] || { echo "the $target server did not start" >&2; exit 1; }
  read -r _ endpoint region access secret <<<"$ready"
  for round in $(seq 1 "$rounds"); do
    for contender in ${CONTENDERS:-engine sdk-java sdk-crt}; do
      line=$(REACTIVE_S3_ENDPOINT="$endpoint" REACTIVE_S3_REGION="$region" REACTIVE_S3_ACCESS_KEY="$access" \
          REACTIVE_S3_SECRET_KEY="$secret" timeout 300 java "-Xmx$heap" -Dbench.target=external \
          -Dbench.label="$target" -Dbench.profile="$profile" -Dbench.contender="$contender" -cp "$cp" \
          io.reactives3.benchmarks.ServiceLoadBenchmark 2>/dev/null | grep '^RESULT' || true)
      [ -n "$line" ] || line="RESULT target=$target contender=$contender outcome=no_result_within_300s_or_crashed"
      echo "$line round=$round" | tee -a "$out"
    done
  done
  eval "exec ${SERVER[1]}>&-"    # closing the server's input stops it
  wait "$SERVER_PID" || true
done
echo
/usr/bin/python3 - "$out" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    kv = dict(p.split('=', 1) for p in line.split()[1:] if '=' in p)
    rows[(kv['target'], kv['contender'])].append(kv)
print("| target | contender | runs ok | MiB/s (median) | upload p50 / p99 ms | stream p50 / p99 ms | peak heap MiB (median, max) | failures |")
print("|---|---|---|---|---|---|---|---|")
for (target, contender), runs in rows.items():
    ok = [r for r in runs if r.get('outcome') == 'ok' and r.get('failures') == '0']
    def med(key):
        vals = [float(r[key]) for r in ok if key in r]
        return statistics.median(vals) if vals else float('nan')
    peaks = [float(r['peak_heap_MiB']) for r in runs if 'peak_heap_MiB' in r]
    outcomes = ",".join(sorted({r.get('outcome', '?') + ("" if r.get('failures', '0') == '0' else "+" + r['failures'] + "_failed") for r in runs}))
    print(f"| {target} | {contender} | {len(ok)}/{len(runs)} | {med('MiBps'):.1f} | {med('upload_p50_ms'):.0f} / {med('upload_p99_ms'):.0f} "
          f"| {med('stream_p50_ms'):.0f} / {med('stream_p99_ms'):.0f} | {statistics.median(peaks) if peaks else float('nan'):.1f}, {max(peaks) if peaks else float('nan'):.1f} | {outcomes} |")
PY
rm -f "$out"
