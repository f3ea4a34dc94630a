#!/usr/bin/env bash
# Print the nginx server block for a built site: scripts/nginx-site.sh SITE_ROOT PORT [PREFIX]
# SITE_ROOT holds the site so that PREFIX maps to it: with PREFIX "/medborgarloften/", the
# files are in SITE_ROOT/medborgarloften/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
site_root=$1 port=$2 prefix=${3:-/}
sed -e "s|@ROOT@|$site_root|g" -e "s|@PORT@|$port|g" -e "s|@PREFIX@|$prefix|g" \
    -e "s|@HEADERS@|$ROOT/deploy/security-headers.conf|g" "$ROOT/deploy/medborgarloften.conf"
