#!/usr/bin/env bash
# Times Flagon's analyzers and generator on a generated project with 1,000 views (analyzer-timing/generate.py).
#  1. Builds after an edit, as a user's `dotnet build` runs them (warm shared compiler server), each with
#     -p:ReportAnalyzer=true: the median and the worst of each component over 3 rounds of three kinds of edit
#     (analyzer-timing/edit_builds.py). A binding probe (a generator that only binds the views' attributes and
#     signatures) runs before Flagon's generator, so the compiler's binding, charged to whoever asks first, is on a
#     line of its own.
#  2. For reference, one build in a new compiler process (UseSharedCompilation=false, as some CI setups build):
#     everything is JIT-compiled again and nothing is kept from an earlier build.
#  3. Flagon.EditTiming: the generator in process, full runs and edits with one driver kept, as an IDE runs it.
# Target: ≤ 100 ms each (the median of the builds after an edit).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
python3 "$here/analyzer-timing/generate.py" "$work/Timing" --probe "$here/Flagon.EditTiming/BindingProbe.cs"
echo "== builds after an edit (dotnet build -p:ReportAnalyzer=true, warm compiler server) =="
python3 "$here/analyzer-timing/edit_builds.py" "$work/Timing" --rounds "${ROUNDS:-3}"
echo "== one build in a new compiler process (UseSharedCompilation=false) =="
cd "$work/Timing"
touch Program.cs
dotnet build -c Release -p:ReportAnalyzer=true -p:UseSharedCompilation=false -v:detailed -nologo -clp:NoSummary --no-dependencies >cold.log 2>&1 || { tail -50 cold.log; exit 1; }
grep -E "Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +(Flagon\\.(Analyzers|Generators)\\.[A-Za-z]+|Flagon\\.EditTiming\\.BindingProbe)( |$)" cold.log | sed "s/^ *//"
echo "== in process =="
dotnet run -c Release --project "$here/Flagon.EditTiming" -- "$work/Timing"
