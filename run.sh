#!/usr/bin/env bash
# The main job: builds the project and runs the examples' main program on an embedded S3 server (S3Proxy).
# To run it against a real endpoint instead, set REACTIVE_S3_ENDPOINT, REACTIVE_S3_ACCESS_KEY and
# REACTIVE_S3_SECRET_KEY (optionally REACTIVE_S3_REGION, REACTIVE_S3_PATH_STYLE, REACTIVE_S3_PROFILE); see README.md.
set -euo pipefail
cd "$(dirname "$0")"
command -v mvn >/dev/null || { echo "Maven (mvn) is required: apt-get install maven" >&2; exit 1; }
# `package` (not `compile`): exec:java resolves test scope across the reactor, and the test-jars that some modules
# share with others exist only once packaged, so this works from a fresh clone with an empty local repository.
# Arguments: -D... go to Maven (e.g. -Dmaven.repo.local=...), the rest to the tour (e.g. --server rgw).
# `./run.sh transfer [--size 256MiB] [--objects 10000] [--server ...]` runs the transfer demo instead of the tour.
maven=() tour=()
if [ "${1-}" = transfer ]; then
  maven+=(-Dmain.class=io.reactives3.examples.TransferDemo)
  shift
fi
for arg in "$@"; do
  case "$arg" in -D*) maven+=("$arg") ;; *) tour+=("$arg") ;; esac
done
# javadoc and sources jars are for publishing; the tour does not need them
exec mvn -B -q -pl examples -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  ${maven[@]+"${maven[@]}"} package exec:java -Dexec.args="${tour[*]-}"
