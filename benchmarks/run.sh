#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them with BenchmarkDotNet.
#
#   benchmarks/run.sh                       run every benchmark
#   benchmarks/run.sh '*ScenarioLoading*'   run those whose full name matches the filter
#   benchmarks/run.sh --list flat           any BenchmarkDotNet option is passed through
#
# With no argument, or with a single argument that is not an option, the argument is the
# --filter glob over full names (Namespace.Class.Method); '*' is the default. Results (Markdown,
# CSV, HTML and logs) go to BenchmarkDotNet.Artifacts/ at the repository root, which git ignores.
# Needs only the .NET SDK named in global.json. Timings are only comparable within one run on
# one machine: see docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=benchmarks/TrackSim.Benchmarks
if [ "$#" -eq 0 ]; then
  set -- --filter '*'
elif [ "$#" -eq 1 ] && [[ "$1" != -* ]]; then
  set -- --filter "$1"
fi

dotnet build "$project" -c Release
dotnet run -c Release --no-build --project "$project" -- --artifacts "$PWD/BenchmarkDotNet.Artifacts" "$@"
