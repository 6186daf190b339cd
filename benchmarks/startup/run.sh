#!/usr/bin/env bash
# Time from process start to the first successful response, and peak memory, for the Hello sample published with
# Native AOT and without (JIT), side by side with the same page as ASP.NET Core Minimal APIs (MinimalHello/,
# CreateSlimBuilder and one MapGet) published the same two ways: the floor of the stack Flagon runs on. Each is
# started RUNS times by hyperfine, the four interleaved in one run (docs/performance.md, "Start-up"). About four
# minutes (the AOT publishes are most of it). --install apt-installs hyperfine first.
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

publish() { # project, kind (aot|jit), output folder
  local log="$out/$(basename "$3").log"
  if [ "$2" = aot ]; then
    dotnet publish "$1" -c Release -r linux-x64 -p:Aot=true -p:TreatWarningsAsErrors=false -o "$3" >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
  else
    dotnet publish "$1" -c Release -r linux-x64 --self-contained false -o "$3" >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
  fi
}
echo "publishing samples/Hello and the Minimal APIs Hello, each with Native AOT and without"
publish "$repo/samples/Hello" aot "$out/aot"
publish "$repo/samples/Hello" jit "$out/jit"
publish "$here/MinimalHello" aot "$out/minimal-aot"
publish "$here/MinimalHello" jit "$out/minimal-jit"
port=$((20000 + RANDOM % 20000))
hyperfine --warmup 2 --runs "$runs" --export-markdown "$out/table.md" --style basic \
  -n "Flagon, Native AOT" "$here/first-response.sh $out/aot/Hello $port $out/aot.rss" \
  -n "Minimal APIs, Native AOT" "$here/first-response.sh $out/minimal-aot/MinimalHello $port $out/minimal-aot.rss" \
  -n "Flagon, JIT" "$here/first-response.sh $out/jit/Hello $port $out/jit.rss" \
  -n "Minimal APIs, JIT" "$here/first-response.sh $out/minimal-jit/MinimalHello $port $out/minimal-jit.rss"
echo
cat "$out/table.md"
echo
for kind in aot minimal-aot jit minimal-jit; do
  sort -n "$out/$kind.rss" | awk -v kind="$kind" '{v[NR]=$1} END {printf "%s: peak RSS at the first response, median of %d: %.1f MB (min %.1f, max %.1f)\n", kind, NR, v[int((NR+1)/2)]/1024, v[1]/1024, v[NR]/1024}'
done
echo "executables: Flagon Native AOT $(du -m "$out/aot/Hello" | cut -f1) MB, Minimal APIs Native AOT $(du -m "$out/minimal-aot/MinimalHello" | cut -f1) MB; JIT folders (without the shared runtime): Flagon $(du -sm "$out/jit" | cut -f1) MB, Minimal APIs $(du -sm "$out/minimal-jit" | cut -f1) MB"
