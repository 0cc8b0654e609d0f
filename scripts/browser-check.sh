#!/usr/bin/env bash
# The WebFlux example's upload page in a real browser: installs Debian's chromium if it is missing (apt-get, as root
# or through sudo), starts the example on its embedded S3Proxy (the README's run command, on a free port), lets
# headless Chromium open /upload, choose a generated file and submit the presigned POST form straight to S3
# (scripts/browser-check.py), then downloads the object through the example and compares the bytes.
# -D... and -o arguments go to Maven (e.g. -Dmaven.repo.local=...). Exit code 0 when the bytes match.
# WebFluxExampleTest runs browser-check.py against its own server when chromium and python3 are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
maven=()
for arg in "$@"; do
  case "$arg" in -D*|-o) maven+=("$arg") ;; esac
done

chromium="$(command -v chromium || true)"
if [ -z "$chromium" ]; then
  echo "[browser-check] installing chromium"
  as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo -n)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
    || { "${as_root[@]}" apt-get update -q >/dev/null \
         && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
  chromium="$(command -v chromium)"
fi
echo "[browser-check] $("$chromium" --version 2>/dev/null)"

work="$(mktemp -d -t browser-check-XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$work/example.log"
app=""
cleanup() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "[browser-check] starting the WebFlux example on port $port (log: $log)"
mvn -B -q -pl examples-webflux -am package exec:java -DskipTests -Dserver.port="$port" \
    ${maven[@]+"${maven[@]}"} >"$log" 2>&1 &
app=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  if curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "[browser-check] the example stopped:" >&2; tail -50 "$log" >&2; exit 1
  fi
  sleep 0.5
done
curl -sf "$base/actuator/health" | grep -q '"status":"UP"' \
  || { echo "[browser-check] the example did not come up within 300 s" >&2; tail -50 "$log" >&2; exit 1; }

name="browser-check-$(date +%s)-$$.bin"
head -c 300000 /dev/urandom >"$work/upload.bin"
echo "[browser-check] Chromium uploads $name (300000 bytes) from $base/upload"
answer="$(python3 scripts/browser-check.py "$chromium" "$base/upload" "$name" "$work/upload.bin")"
echo "[browser-check] S3 answered: $(echo "$answer" | tr '\n' ' ')"
echo "$answer" | grep -qx "Key=browser/$name" \
  || { echo "[browser-check] S3's answer does not name the key browser/$name" >&2; exit 1; }

curl -sf "$base/objects/browser%2F$name" -o "$work/downloaded.bin"
if cmp -s "$work/upload.bin" "$work/downloaded.bin"; then
  echo "[browser-check] OK: browser/$name holds the 300000 bytes the browser sent"
else
  echo "[browser-check] FAILED: browser/$name differs from what the browser sent" \
       "($(wc -c <"$work/downloaded.bin") bytes)" >&2
  exit 1
fi
