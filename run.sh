#!/usr/bin/env bash
# The main job: builds the project and runs the examples' main program on an embedded S3 server (S3Proxy).
# To run it against a real endpoint instead, set REACTIVE_S3_ENDPOINT, REACTIVE_S3_ACCESS_KEY and
# REACTIVE_S3_SECRET_KEY (optionally REACTIVE_S3_REGION, REACTIVE_S3_PATH_STYLE, REACTIVE_S3_PROFILE); see README.md.
set -euo pipefail
cd "$(dirname "$0")"
command -v mvn >/dev/null || { echo "Maven (mvn) is required: apt-get install maven" >&2; exit 1; }
# `package` (not `compile`): exec:java resolves test scope across the reactor, and the test-jars that some modules
# share with others exist only once packaged, so this works from a fresh clone with an empty local repository.
# javadoc and sources jars are for publishing; the tour does not need them
exec mvn -B -q -pl examples -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package exec:java "$@"
