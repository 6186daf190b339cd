#!/usr/bin/env bash
# Publishes samples/Aot with Native AOT (a few minutes; not part of .ci/run, whose build of the same project
# runs the trimming and AOT analyzers) and checks the executable's answers over HTTP.
set -euo pipefail
cd "$(dirname "$0")"
out="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$out"' EXIT

dotnet publish -c Release -o "$out" -p:TreatWarningsAsErrors=false >"$out/publish.log" 2>&1 || { cat "$out/publish.log"; exit 1; }
# Fluid (the template engine) and Parlot (its parser) are not annotated for trimming: ILC sums up their own warnings as one IL2104/IL3053
# for the assembly. Flagon reaches templates through generated accessors, which the checks below exercise. Any
# other trim or AOT warning fails the check (Flagon.Runtime is also built with IsAotCompatible).
if grep -E "warning IL[0-9]+" "$out/publish.log" | grep -vE "Assembly '(Fluid|Parlot)' produced (trim|AOT analysis) warnings" | grep -q .; then
  grep -E "warning IL[0-9]+" "$out/publish.log" | sort -u
  exit 1
fi
port=$((20000 + RANDOM % 20000))
"$out/Aot" --urls "http://127.0.0.1:$port" >"$out/app.log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done

failures=0
check() { # name expected actual
  if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}
base="http://127.0.0.1:$port"
jar="$out/cookies"
check "hello" "Hello World!" "$(curl -s "$base/")"
check "int converter" "page 42" "$(curl -s "$base/page/42")"
check "JSON from a record" '{"x":3,"y":4}' "$(curl -s "$base/point/3/4")"
check "JSON body" '{"x":5,"y":6}' "$(curl -s -H 'Content-Type: application/json' -d '{"x":5,"y":6}' "$base/echo")"
check "session 1" "visits=1" "$(curl -s -c "$jar" -b "$jar" "$base/visit")"
check "session 2" "visits=2" "$(curl -s -c "$jar" -b "$jar" "$base/visit")"
check "redirect" "302 /page/7" "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/go" | sed "s#$base##")"
check "exception handler" "404 missing: no such thing" "$(curl -s -w '%{http_code} ' -o "$out/body" "$base/fail"; cat "$out/body")"
check "404 handler" "nothing here" "$(curl -s "$base/nope")"
check "after-request hook" "aot" "$(curl -s -D - -o /dev/null "$base/" | tr -d '\r' | sed -n 's/^X-Flagon: //Ip')"
check "blueprint" "admin hello ann at /admin/ann" "$(curl -s "$base/admin/ann")"
check "template (anonymous model, nested records, layout, url_for, escaping)" \
  '<!doctype html><title>Hello ann &amp; bob</title>|<main><h1>Hello, ann &amp; bob!</h1><ul><li>apples=3</li><li>&lt;pears&gt;=5</li></ul><a href="/page/7">page</a></main>|' \
  "$(curl -s "$base/hello/ann%20%26%20bob" | tr '\n' '|')"
check "405" "405" "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/")"
echo "size: $(du -h "$out/Aot" | cut -f1)"
[ "$failures" -eq 0 ] && echo "aot: ok" || { echo "aot: $failures failed"; cat "$out/app.log"; exit 1; }
