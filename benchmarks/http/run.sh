#!/usr/bin/env bash
# The seed's benchmark table over real HTTP (docs/performance.md, "Over HTTP"): builds and starts on 127.0.0.1 only
# Flagon, ASP.NET Core Minimal APIs and raw Kestrel (Release), measured side by side, cell by cell, in rotating rounds;
# then Flask, Bottle, Django, Pyramid (gunicorn) and Tornado, one at a time; checks each page's bytes once; runs
# ab -c 1, ab -c 100, wrk -c100 and wrk -c1000; prints the table with ratios and writes docs/http-benchmark.svg. About 8
# minutes with the defaults; stops every server it started.
#
#   benchmarks/http/run.sh [--install] [--smoke] [--frameworks flagon,minimal,kestrel,flask,...] [--requests N]
#                          [--duration S] [--rounds R] [--table FILE] [--chart FILE|none]   (--help for all)
#
# --install first installs what it uses from Debian (apache2-utils, wrk, python3-flask, gunicorn, python3-bottle,
# python3-django, python3-pyramid, python3-tornado, python3-jinja2); needs root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
args=()
for arg in "$@"; do
  if [ "$arg" = "--install" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-utils wrk python3-flask gunicorn python3-bottle \
      python3-django python3-pyramid python3-tornado python3-jinja2 >/dev/null
  else
    args+=("$arg")
  fi
done
# wrk -c1000 and the servers behind it need more than the usual 1024 open files.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
dotnet build -c Release --nologo -v q "$here/HttpTable" >/dev/null
exec dotnet "$here/HttpTable/bin/Release/net10.0/HttpTable.dll" "${args[@]}"
