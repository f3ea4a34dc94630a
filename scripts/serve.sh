#!/usr/bin/env bash
# Serve a built site with nginx in the foreground, as in production:
#   scripts/serve.sh [DIST] [PORT] [PREFIX]     (defaults: dist 8080 /)
# Used by `make serve` and by the end-to-end tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
dist=$(cd "${1:-$ROOT/dist}" && pwd) port=${2:-8080} prefix=${3:-/}
run=$(mktemp -d "${TMPDIR:-/tmp}/medborgarloften-nginx.XXXXXX")
mkdir -p "$run/logs" "$run/tmp"
if [ "$prefix" = "/" ]; then
  site_root=$dist
else
  # nginx maps PREFIX to SITE_ROOT/PREFIX: put the build there.
  site_root=$run/site
  mkdir -p "$site_root$(dirname "${prefix%/}")"
  ln -s "$dist" "$site_root${prefix%/}"
fi
# Debian's package enables the module for the system's nginx; this nginx reads only this file.
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$brotli_module" ] || { echo "serve.sh: $brotli_module is missing: run make setup" >&2; exit 1; }
cat > "$run/nginx.conf" <<CONF
load_module $brotli_module;
daemon off;
worker_processes 1;
pid $run/nginx.pid;
error_log stderr warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $run/tmp/body;
    proxy_temp_path $run/tmp/proxy;
    fastcgi_temp_path $run/tmp/fastcgi;
    uwsgi_temp_path $run/tmp/uwsgi;
    scgi_temp_path $run/tmp/scgi;
    sendfile on;
$("$ROOT/scripts/nginx-site.sh" "$site_root" "127.0.0.1:$port" "$prefix" | sed 's/^/    /')
}
CONF
trap 'rm -rf "$run"' EXIT
echo "Serving $dist at http://127.0.0.1:$port$prefix (nginx; Ctrl-C stops)"
nginx -p "$run" -c "$run/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$run"' EXIT INT TERM
wait $nginx_pid
