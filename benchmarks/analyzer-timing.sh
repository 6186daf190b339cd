#!/usr/bin/env bash
# Times Flagon's analyzers and generator on a generated project with 1,000 views (analyzer-timing/generate.py).
#  1. `dotnet build -p:ReportAnalyzer=true`: each analyzer's and generator's time in a command-line build (warm
#     compiler server, second build). A binding probe (a generator that only binds the views' attributes and
#     signatures) runs before Flagon's generator, so the compiler's binding, charged to whoever asks first, is on
#     its own line.
#  2. Flagon.EditTiming: the generator in process with one driver kept across edits, as an IDE runs it.
# Target: ≤ 100 ms each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/analyzer-timing/generate.py" "$work/Timing" --probe "$here/Flagon.EditTiming/BindingProbe.cs"
cd "$work/Timing"
dotnet build -c Release -p:ReportAnalyzer=true -v:normal -nologo -clp:NoSummary >build.log 2>&1 || { tail -50 build.log; exit 1; }
# Warm: the numbers from a second, full compile (the first one pays for JIT-compiling the analyzers).
touch Program.cs
dotnet build -c Release -p:ReportAnalyzer=true -v:detailed -nologo -clp:NoSummary --no-dependencies >build.log 2>&1 || { tail -50 build.log; exit 1; }
echo "== command-line build (dotnet build -p:ReportAnalyzer=true) =="
grep -E "Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +(Flagon\\.(Analyzers|Generators)\\.[A-Za-z]+|Flagon\\.EditTiming\\.BindingProbe)( |$)" build.log | sed "s/^ *//"
echo "== in process, one generator driver kept across edits =="
dotnet run -c Release --project "$here/Flagon.EditTiming" -- "$work/Timing"
