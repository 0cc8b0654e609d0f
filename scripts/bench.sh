#!/usr/bin/env bash
# One command for issue 14: the library against the tools users have today (boto3, aws s3, rclone) and the
# server's own ceiling, on S3Proxy (embedded, its own JVM) and Ceph RGW (local processes, when installed), all on
# 127.0.0.1. Builds the benchmarks, installs missing peers from Debian, starts the servers, generates the data, runs
# every case interleaved (A B A B ...) for BENCH_ROUNDS rounds and writes benchmarks/results/<date>.md.
#
# Usage: scripts/bench.sh                      # the issue's sizes (1 GiB, 100,000 keys, ...): about an hour per server
#        BENCH_QUICK=1 scripts/bench.sh        # small sizes on S3Proxy only: a few minutes
# Knobs (environment; defaults are the issue's sizes):
#   BENCH_SIZE_MB=1024      the upload/download object
#   BENCH_KEYS=100000       keys listed
#   BENCH_DELETE_KEYS=$BENCH_KEYS  keys deleted per contender and round (each seeded anew, untimed)
#   BENCH_SMALL=10000       4 KiB objects PUT then GET at concurrency 64
#   BENCH_STREAM_MB=2048    the object streamed through a slow consumer at -Xmx128m
#   BENCH_SLOW_MIBPS=64     that consumer's rate
#   BENCH_ROUNDS=3          rounds of every case (at least 3 for a median with a spread)
#   BENCH_TARGETS=s3proxy,ceph-rgw   (ceph-rgw is skipped when radosgw is not installed)
#   BENCH_COPY_OBJECTS=1000 objects copied bucket to bucket (90 % 16 KiB, 9 % 1 MiB, 1 % 17 MiB)
#   BENCH_CASES=transfer,tiny,crcdown,list,delete,copy,small,memory,jfr,profile   (run in this order; crcdown: a
#                           download of an object whose store keeps a CRC32; jfr: where a one-shot tiny upload spends
#                           start-up; profile: JFR of warm uploads and downloads in the library JVM)
#   BENCH_OUT=benchmarks/results/<UTC date-time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BENCH_QUICK:-}" ]; then
  export BENCH_SIZE_MB=${BENCH_SIZE_MB:-64} BENCH_KEYS=${BENCH_KEYS:-2000} BENCH_SMALL=${BENCH_SMALL:-1000}
  export BENCH_STREAM_MB=${BENCH_STREAM_MB:-256} BENCH_TARGETS=${BENCH_TARGETS:-s3proxy}
fi
targets=${BENCH_TARGETS:-s3proxy,ceph-rgw}
if [[ "$targets" == *ceph-rgw* ]] && ! command -v radosgw >/dev/null; then
  echo "radosgw not installed (scripts/install-ceph-rgw.sh): Ceph RGW skipped" >&2
  targets=${targets//ceph-rgw/}; targets=${targets//,,/,}; targets=${targets#,}; targets=${targets%,}
fi
export BENCH_TARGETS=$targets
# the peers, from Debian
missing=()
[ -x /usr/bin/aws ] || missing+=(awscli)
[ -x /usr/bin/rclone ] || missing+=(rclone)
/usr/bin/python3 -c 'import boto3' 2>/dev/null || missing+=(python3-boto3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# rclone and the aws CLI on plain http: a CA bundle from the environment only gets in the way
unset AWS_CA_BUNDLE AWS_PROFILE
# one reactor run: the classpath names this checkout's freshly built jars
mvn -B -q -o -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/benchmarks.classpath
# jars only (no class directory): an AppCDS archive needs them
cp="$(ls "$PWD"/benchmarks/target/reactive-s3-benchmarks-*.jar | head -1):$(cat benchmarks/target/benchmarks.classpath)"
# the command-line module's launcher (./rs3 cp is a contender of the tiny cp case): build it now, not while timed
if [ -x rs3 ] && [ -d cli ]; then ./rs3 --help >/dev/null 2>&1 || echo "rs3 did not build: ./rs3 cp not measured" >&2; fi
mkdir -p benchmarks/results
out=${BENCH_OUT:-benchmarks/results/$(date -u +%Y-%m-%d-%H%M).md}
exec /usr/bin/python3 scripts/bench.py "$cp" "$out"
