#!/usr/bin/env bash
# Runs TrackSim's benchmarks and the reference kernels in one go and prints the tables of
# docs/PERFORMANCE.md, each reference figure as a ratio against TrackSim.
#
#   benchmarks/run.sh                 everything: about 40 minutes on a two-core machine
#   benchmarks/run.sh --quick         citizen step up to 10^6, model at 20,000 per state, no
#                                     ensemble, memory at 10^7: about 12 minutes
#   benchmarks/run.sh '*Loading*'     only the BenchmarkDotNet benchmarks whose full name
#                                     matches the filter (Namespace.Class.Method)
#   benchmarks/run.sh --list flat     any other BenchmarkDotNet options are passed through
#
# What a full run does:
#   1. builds the benchmarks in Release and the C reference twice, with gcc -O2 and with
#      -O3 -march=native (both -ffp-contract=off), and measures the memory ceilings
#      (benchmarks/reference/bandwidth.c: streaming read, copy and update, and random reads, on
#      one and two threads) against which report.py sets the citizen rules;
#   2. for each network kind and size of the citizen-step benchmark, exports TrackSim's input
#      and its result of one round (--export), runs the C kernels (benchmarks/reference/
#      citizen_step.c: the branchless loop in both builds, the branchy loop in the -O2 build)
#      and the NumPy kernel (citizen_step.py) on the same arrays, and checks that each gives
#      the same opinions as TrackSim, bit for bit (the script stops if not);
#   3. runs the BenchmarkDotNet benchmarks: citizen step, citizen rules one by one, whole model,
#      small runs, ensemble, loading, charts;
#   4. builds 10^8 citizens and their network once (--memory) and prints the memory they take,
#      the time the network takes to build and an influence round on one and two threads, on
#      the small world and on the random network (the roofline's random-access case);
#   5. prints the tables (benchmarks/reference/report.py), also written to
#      BenchmarkDotNet.Artifacts/report.md at the repository root, which git ignores.
#
# Needs the .NET SDK named in global.json, gcc, and Debian's python3-numpy for /usr/bin/python3,
# which the script installs with apt-get when it is missing. Timings are only comparable
# within one run on one machine: see docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=benchmarks/TrackSim.Benchmarks
program="$project/bin/Release/net10.0/TrackSim.Benchmarks.dll"
artifacts="$PWD/BenchmarkDotNet.Artifacts"
python=/usr/bin/python3

mode=full
case "${1:-}" in
  "" | --full) mode=full ;;
  --quick) mode=quick ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) mode=benchmarks ;;
esac

if [ "$mode" = benchmarks ]; then
  if [ "$#" -eq 1 ] && [[ "$1" != -* ]]; then
    set -- --filter "$1"
  fi
  dotnet build "$project" -c Release
  exec dotnet "$program" --artifacts "$artifacts" "$@"
fi

if [ "$mode" = quick ]; then
  export TRACKSIM_BENCH_QUICK=1
  sizes="10000 100000 1000000"
  c_samples=7 numpy_samples=3 memory_citizens=10000000
  filters=('*CitizenStepBenchmarks*' '*CitizenRulesBenchmarks*' '*ModelBenchmarks*' '*SmallRunBenchmarks*' '*ScenarioLoadingBenchmarks*' '*ChartRenderingBenchmarks*')
else
  unset TRACKSIM_BENCH_QUICK
  sizes="10000 100000 1000000 10000000"
  c_samples=15 numpy_samples=5 memory_citizens=100000000
  filters=('*CitizenStepBenchmarks*' '*CitizenRulesBenchmarks*' '*ModelBenchmarks*' '*SmallRunBenchmarks*' '*EnsembleBenchmarks*' '*ScenarioLoadingBenchmarks*' '*ChartRenderingBenchmarks*')
fi

if ! "$python" -c 'import numpy' 2>/dev/null; then
  echo "== installing python3-numpy (Debian) for the NumPy reference"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get install -y python3-numpy || { $sudo apt-get update && $sudo apt-get install -y python3-numpy; }
fi

rm -rf "$artifacts/reference" "$artifacts/results" "$artifacts"/memory-*.txt
mkdir -p "$artifacts/reference"

echo "== machine"
{
  echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) logical cores"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET:    SDK $(dotnet --version)"
  echo "gcc:     $(gcc -dumpfullversion)"
  echo "python:  $("$python" -c 'import platform, numpy; print(platform.python_version(), "with NumPy", numpy.__version__)')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
} | tee "$artifacts/machine.txt"

echo "== build"
dotnet build "$project" -c Release
# The C kernel in two builds; -ffp-contract=off in both keeps the multiply and the add apart, as
# TrackSim's arithmetic is (the bit-for-bit check below would catch a fused one).
declare -A c_flags=([O2]="-O2" [O3-native]="-O3 -march=native")
for build in O2 O3-native; do
  # shellcheck disable=SC2086 # the flags are words
  gcc ${c_flags[$build]} -ffp-contract=off -Wall -o "$artifacts/reference/citizen_step-$build" benchmarks/reference/citizen_step.c -lm
done
gcc -O2 -pthread -Wall -o "$artifacts/reference/bandwidth" benchmarks/reference/bandwidth.c

echo "== memory ceilings: what the citizen step can reach once its arrays leave the cache"
"$artifacts/reference/bandwidth" | tee -a "$artifacts/reference/results.txt"

echo "== references: C and NumPy on TrackSim's input, checked against TrackSim's result"
for kind in small_world random; do
  for n in $sizes; do
    dir="$artifacts/reference/$kind-$n"
    dotnet "$program" --export "$dir" "$n" "$kind" 42
    # The branchless kernel in both builds; the branchy one, the yardstick before, in -O2 only.
    for build in O2 O3-native; do
      kernels=branchless
      if [ "$build" = O2 ]; then kernels=branchless,branchy; fi
      lines=$("$artifacts/reference/citizen_step-$build" "$dir" "$c_samples" 0.25 "$kernels") || { echo "error: C ($build) differs from TrackSim on $kind $n: $lines" >&2; exit 1; }
      sed "s/^/kind=$kind build=$build /" <<<"$lines" | tee -a "$artifacts/reference/results.txt"
      cmp -s "$dir/c.f32" "$dir/expected.f32" || { echo "error: C's opinions ($build) differ from TrackSim's on $kind $n" >&2; exit 1; }
    done
    line=$("$python" benchmarks/reference/citizen_step.py "$dir" "$numpy_samples" 0.25) || { echo "error: NumPy differs from TrackSim on $kind $n: $line" >&2; exit 1; }
    echo "kind=$kind $line" | tee -a "$artifacts/reference/results.txt"
    cmp -s "$dir/numpy.f32" "$dir/expected.f32" || { echo "error: NumPy's opinions differ from TrackSim's on $kind $n" >&2; exit 1; }
    # The arrays take up to half a gigabyte a case; the results are in results.txt.
    rm -f "$dir"/*.i32 "$dir"/*.f32 "$dir"/*.u8
  done
done

echo "== BenchmarkDotNet"
# BenchmarkDotNet builds a project of its own first and gives up after two minutes, which a
# machine busy with other work can exceed; fifteen minutes instead.
dotnet "$program" --artifacts "$artifacts" --buildTimeout 900 --filter "${filters[@]}"

echo "== memory: $memory_citizens citizens"
dotnet "$program" --memory "$memory_citizens" | tee "$artifacts/memory-$memory_citizens.txt"
# The same on the random network, whose round reads nearly every partner's trust from memory:
# the roofline's random-access case (the citizen-step benchmark stops at 10^7, 10^6 if quick).
dotnet "$program" --memory "$memory_citizens" random | tee "$artifacts/memory-$memory_citizens-random.txt"

echo "== report"
"$python" benchmarks/reference/report.py "$artifacts"
