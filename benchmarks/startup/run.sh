#!/usr/bin/env bash
# Time from process start to the first successful response, and peak memory, for the Hello sample published with
# Native AOT and without (JIT), each started RUNS times by hyperfine (docs/performance.md, "Start-up"). About two
# minutes (the AOT publish is most of it). --install apt-installs hyperfine first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-20}"
if [ "${1:-}" = "--install" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine (or run.sh --install)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "publishing samples/Hello with Native AOT, and without"
dotnet publish "$repo/samples/Hello" -c Release -r linux-x64 -p:Aot=true -p:TreatWarningsAsErrors=false -o "$out/aot" >"$out/aot.log" 2>&1 || { tail -30 "$out/aot.log"; exit 1; }
dotnet publish "$repo/samples/Hello" -c Release -r linux-x64 --self-contained false -o "$out/jit" >"$out/jit.log" 2>&1 \
  || { tail -30 "$out/jit.log"; exit 1; }
port=$((20000 + RANDOM % 20000))
hyperfine --warmup 2 --runs "$runs" --export-markdown "$out/table.md" --style basic \
  -n "Native AOT" "$here/first-response.sh $out/aot/Hello $port $out/aot.rss" \
  -n "JIT" "$here/first-response.sh $out/jit/Hello $port $out/jit.rss"
echo
cat "$out/table.md"
echo
for kind in aot jit; do
  sort -n "$out/$kind.rss" | awk -v kind="$kind" '{v[NR]=$1} END {printf "%s: peak RSS at the first response, median of %d: %.1f MB (min %.1f, max %.1f)\n", kind, NR, v[int((NR+1)/2)]/1024, v[1]/1024, v[NR]/1024}'
done
echo "executables: Native AOT $(du -m "$out/aot/Hello" | cut -f1) MB; JIT $(du -sm "$out/jit" | cut -f1) MB (the folder, without the shared runtime)"
