#!/usr/bin/env bash
# Builds consumer/, a Spring Boot 3.5 project that uses reactive-s3 as a user would: only through installed artifacts,
# with spring-boot-dependencies imported. Installs the modules it needs into the local Maven repository first
# (jars only: tests, javadoc and sources are skipped). -D... arguments go to both Maven runs
# (e.g. -Dmaven.repo.local=...); test.sh runs this after the reactor's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
maven=()
for arg in "$@"; do
  case "$arg" in -D*) maven+=("$arg") ;; esac
done
echo "[consumer-check] installing the starter, the testkit and what they need"
mvn -B -q install -pl bom,spring-boot-starter,testkit -am -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true -Dmdep.analyze.skip=true ${maven[@]+"${maven[@]}"}
echo "[consumer-check] building consumer/ against them"
exec mvn -B -f consumer/pom.xml verify ${maven[@]+"${maven[@]}"}
