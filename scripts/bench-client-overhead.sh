#!/usr/bin/env bash
# Client overhead: reactive client vs raw S3AsyncClient, same server, same run. Stops by itself (127.0.0.1 only).
# Usage: scripts/bench-client-overhead.sh --paired [-Dbench.targets=s3proxy,ceph-rgw] [-Dbench.rounds=30]
#          interleaved rounds, prints the reactive/raw ratio per operation (the figure the README reports)
#        scripts/bench-client-overhead.sh [-p target=s3proxy,ceph-rgw] [extra JMH args, e.g. -f 1 -wi 2 -i 3]
#          the JMH benchmark ClientOverheadBenchmark (absolute times; raw and reactive run minutes apart)
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor run: the classpath then names this checkout's freshly built jars, not whatever an earlier build left in
# the local Maven repository (stale there, or missing on a fresh machine)
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/benchmarks.classpath
cp=$(cat benchmarks/target/benchmarks.classpath)
if [[ "${1:-}" == "--paired" ]]; then
  shift
  exec java -Xmx2g "$@" -cp "benchmarks/target/classes:$cp" io.reactives3.benchmarks.PairedOverheadBenchmark
fi
props=(); jmh=()
for a in "$@"; do case "$a" in -D*) props+=("$a");; *) jmh+=("$a");; esac; done
exec java "${props[@]}" -cp "benchmarks/target/classes:$cp" org.openjdk.jmh.Main ClientOverheadBenchmark ${props:+-jvmArgsAppend "${props[*]}"} "${jmh[@]}"
