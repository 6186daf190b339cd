#!/usr/bin/env bash
# Load and soak for the real-world sample (docs/performance.md, "Load and soak"): publishes it (Release), seeds 50
# pages, serves it on 127.0.0.1 only, and runs wrk across its pages (lists, pages, the JSON API, static files, the
# login form, health, a 404) at -c100 then -c1000, sampling the server's memory (VmRSS) as it goes. Prints the
# requests, socket errors and non-2xx/3xx answers of each phase (a page that does not exist is among the paths: its
# 404s are counted apart) and the memory at the start, middle and end, then stops the server by its PID.
#
#   benchmarks/load/soak.sh [--install] [--duration SECONDS] [--threads N]
#
# --duration is the whole run, split evenly between -c100 and -c1000 (300 by default: the 5-minute soak); exit code 1
# when a phase had socket errors or unexpected statuses, or when the memory at the end is more than 25% above the
# middle's (not flat). --install installs wrk from Debian first (needs root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration=300
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --install) apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null ;;
    --duration) duration="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is not installed: run with --install (as root) or apt-get install wrk" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work="$(mktemp -d /tmp/flagon-soak-XXXXXX)"
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$root/samples/RealWorld" -c Release -o "$work/app" --nologo -v q -p:OpenApiGenerateDocumentsOnBuild=false >/dev/null
export INSTANCE_PATH="$work/instance"
cd "$work/app"
dotnet RealWorld.dll create-user --username soak --password "a long enough password" >/dev/null
dotnet RealWorld.dll shell -c 'var db = Get<RealWorld.Data.SiteDb>(); for (int i = 1; i <= 50; i++) db.Pages.Add(new RealWorld.Data.Page { Title = $"Page {i}", Body = new string((char)(96 + i % 26), 400), CreatedUtc = DateTime.UtcNow.AddMinutes(i), UpdatedUtc = DateTime.UtcNow }); db.SaveChanges()' >/dev/null

dotnet RealWorld.dll --urls http://127.0.0.1:0 --Logging:LogLevel:Default Warning > "$work/server.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 200); do
  url="$(grep -o 'Running on http://[0-9.:]*' "$work/server.log" | head -1 | cut -d' ' -f3 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# A second of light load first, not counted: the first request of each page JIT-compiles its code and parses its
# template, which on a busy machine (a test run building other projects beside it) took most of a short -c100 phase.
wrk -t1 -c2 -d1s --timeout 10s -s "$here/pages.lua" "$url" >/dev/null

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
half=$(( duration / 2 ))
(( half >= 1 )) || half=1
status=0
samples=()
samples+=("$(rss)")
# The memory every 1/20th of the run, in the background, for the curve.
interval=$(( duration / 20 ))
(( interval >= 1 )) || interval=1
( while kill -0 "$pid" 2>/dev/null; do rss; echo; sleep "$interval"; done ) > "$work/rss.txt" 2>/dev/null &
sampler=$!
echo "Flagon real-world sample at $url, pid $pid; wrk -t$threads, ${half}s at -c100 then ${half}s at -c1000"
for connections in 100 1000; do
  out="$(wrk -t"$threads" -c"$connections" -d"${half}s" --timeout 10s -s "$here/pages.lua" "$url")"
  requests="$(echo "$out" | awk '/requests in/ { print $1 }')"
  rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
  errors="$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ { print $5 }')"
  errors="${errors:-0}"; non2xx="${non2xx:-0}"
  # One path in 13 (each wrk thread goes round them) is a page that does not exist: its 404s are expected, within
  # one per thread; any other non-2xx/3xx answer is not.
  expected404=$(( requests / 13 ))
  unexpected=$(( non2xx > expected404 + threads ? non2xx - expected404 : 0 ))
  echo "c=$connections: $requests requests, $rps requests/s, socket errors $errors, non-2xx/3xx $non2xx (404s expected: about $expected404), unexpected $unexpected"
  (( errors == 0 && unexpected == 0 )) || status=1
  samples+=("$(rss)")
done
kill "$sampler" 2>/dev/null || true
echo "memory (VmRSS, MB): start ${samples[0]}, middle ${samples[1]}, end ${samples[2]}"
echo "memory every ${interval}s (MB): $(tr '\n' ' ' < "$work/rss.txt")"
if (( samples[2] * 100 > samples[1] * 125 )); then
  echo "memory is not flat: the end is more than 25% above the middle" >&2
  status=1
fi
grep -E "^(fail|crit):" "$work/server.log" && { echo "the server logged errors" >&2; status=1; }
exit $status
