#!/usr/bin/env bash
# Installs Ceph's S3 gateway (ceph-mon, ceph-osd, radosgw) from Debian when missing, so the testkit can start a
# single-node cluster on loopback. ~57 packages, ~70 MB download, ~1 minute. Needs root or passwordless sudo.
set -euo pipefail
missing=()
for b in ceph ceph-mon ceph-osd radosgw radosgw-admin monmaptool curl; do
  command -v "$b" >/dev/null 2>&1 || missing+=("$b")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "[install-ceph-rgw] missing ${missing[*]}; run as root: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw curl" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "[install-ceph-rgw] no apt-get: install Ceph RGW (mon, osd, radosgw) by other means" >&2; exit 1; }
echo "[install-ceph-rgw] installing ceph-mon ceph-osd radosgw (missing: ${missing[*]})" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw curl >/dev/null
echo "[install-ceph-rgw] installed" >&2
