#!/usr/bin/env bash
# Transfer throughput (1 GiB file up and down): the engine's backends vs the SDK's S3TransferManager, same server,
# same run, on S3Proxy and Ceph RGW (127.0.0.1). Stops by itself and prints a table.
# Usage: scripts/bench-transfer-throughput.sh [-Dbench.targets=s3proxy] [-Dbench.sizeMiB=1024] [-Dbench.rounds=3]
#        [-Dbench.only=".*(defaults|TransferManager).*"]  (a regular expression matching whole contender names)
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor run: the classpath then names this checkout's freshly built jars, not whatever an earlier build left in
# the local Maven repository (stale there, or missing on a fresh machine)
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/benchmarks.classpath
cp=$(cat benchmarks/target/benchmarks.classpath)
# RGW keeps objects in RAM (memstore, 2 GiB by default) and frees deleted ones ~30-60 s later: give it room
export MEMSTORE_BYTES=${MEMSTORE_BYTES:-12884901888}
exec java -Xmx2g "$@" -cp "benchmarks/target/classes:$cp" io.reactives3.benchmarks.TransferThroughputBenchmark
