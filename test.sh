#!/usr/bin/env bash
# Runs every test suite against real S3 servers: embedded S3Proxy and LocalS3, and Ceph RGW as local processes.
# Installs the Ceph RGW packages from Debian when they are missing (needs root or passwordless sudo); without
# them the RGW tests are reported skipped, unless REACTIVE_S3_REQUIRE=ceph-rgw (as in CI) makes them fail.
# Extra arguments go to Maven, e.g. ./test.sh -pl core-async -Dtest=ListingTest. A whole run then builds consumer/
# (scripts/consumer-check.sh), which installs the starter and the testkit into the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")"
command -v mvn >/dev/null || { echo "Maven (mvn) is required: apt-get install maven" >&2; exit 1; }
scripts/install-ceph-rgw.sh || echo "[test.sh] Ceph RGW is not installed: its tests will be skipped" >&2
mvn -B verify "$@"
# then consumer/, a Spring Boot project that uses the installed artifacts (only on a whole run, not -pl/-Dtest)
for arg in "$@"; do
  case "$arg" in -pl|--projects|-rf|--resume-from|-Dtest=*) echo "[test.sh] partial run: consumer/ not built"; exit 0 ;; esac
done
exec scripts/consumer-check.sh "$@"
