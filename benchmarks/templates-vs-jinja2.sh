#!/usr/bin/env bash
# The seed's /template page (benchmarks/templates/template.html, 191 bytes) rendered by Flagon (BenchmarkDotNet) and
# by Jinja2 (Debian's python3-jinja2, installed here when missing), one after the other on this machine.
set -euo pipefail
cd "$(dirname "$0")"
if ! /usr/bin/python3 -c 'import jinja2' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jinja2 >/dev/null
fi
/usr/bin/python3 jinja2_template.py
cd Flagon.Benchmarks
dotnet run -c Release -- --filter '*TemplateBenchmarks*' "$@" | grep -E '^\| (Method|FlagonRenderTemplate|FluidDirect)'
