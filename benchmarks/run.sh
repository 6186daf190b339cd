#!/usr/bin/env bash
# Times the routing benchmarks (BenchmarkDotNet, several minutes; not part of .ci/run, which runs their
# smoke check instead). Extra arguments go to BenchmarkDotNet, e.g. --filter '*Match*'.
# Results: Flagon.Benchmarks/BenchmarkDotNet.Artifacts/results/; copy the table into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/Flagon.Benchmarks"
dotnet run -c Release -- --smoke
if [ $# -eq 0 ]; then
  set -- --filter '*'
fi
dotnet run -c Release --no-build -- "$@"
