#!/usr/bin/env bash
# Client overhead benchmark (JMH): reactive client vs raw S3AsyncClient, same server, same run.
# Usage: scripts/bench-client-overhead.sh [-Dbench.target=ceph-rgw] [extra JMH args, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
props=(); jmh=()
for a in "$@"; do case "$a" in -D*) props+=("$a");; *) jmh+=("$a");; esac; done
mvn -B -q -pl benchmarks -am -DskipTests package
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/benchmarks.classpath
cp=$(cat benchmarks/target/benchmarks.classpath)
exec java "${props[@]}" -cp "benchmarks/target/classes:$cp" org.openjdk.jmh.Main ClientOverheadBenchmark ${props:+-jvmArgsAppend "${props[*]}"} "${jmh[@]}"
