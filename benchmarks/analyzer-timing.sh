#!/usr/bin/env bash
# Times Flagon's analyzers and generator on a generated project with 1,000 views (analyzer-timing/generate.py):
# `dotnet build -p:ReportAnalyzer=true` prints each analyzer's and generator's execution time. Target: ≤ 100 ms each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/analyzer-timing/generate.py" "$work/Timing"
cd "$work/Timing"
dotnet build -c Release -p:ReportAnalyzer=true -v:normal -nologo -clp:NoSummary >build.log 2>&1 || { tail -50 build.log; exit 1; }
# Warm: the numbers from a second, full compile (the first one pays for JIT-compiling the analyzers).
touch Program.cs
dotnet build -c Release -p:ReportAnalyzer=true -v:detailed -nologo -clp:NoSummary --no-dependencies >build.log 2>&1 || { tail -50 build.log; exit 1; }
grep -E "Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +Flagon\\.(Analyzers|Generators)\\.[A-Za-z]+( |$)" build.log | sed "s/^ *//"
