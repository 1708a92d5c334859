#!/usr/bin/env bash
# The benchmark suite in one command (docs/benchmarks.md): Release build (build/bench, -O3 -DNDEBUG,
# ccache), a quiet-machine check, inputs generated once (fixed seeds, nominal sizes 10^3 … 10^7),
# every orgmodel benchmark and every peer (NetworkX, igraph, graph-tool) on the same inputs, raw
# JSON in bench/results/, then bench/README.md's tables and bench/results/plots/*.svg regenerated.
#
#   scripts/bench.sh [--quick] [--allow-loaded] [--peer-limit SECONDS] [--only latency,coverage,funding]
#                    [--max-size N] [--peer-max-size N] [--out DIR] [--no-build] [--compare REV]
#
#   --quick         sizes 10^3 and 10^4 only, peers limited to 30 s: tests the suite in a few minutes
#                   (into build/bench-quick/ unless --out is given: the published run stays as it is)
#   --out DIR       raw results, tables (DIR/README.md) and plots there instead of bench/results/
#                   and bench/README.md
#   --allow-loaded  run even when the machine is busy; every figure is then marked "loaded"
#   --compare REV   also build REV (a git revision) in a worktree under build/, run its suite into
#                   bench/results/compare-REV/ and print the orgmodel CPU times side by side
# Without --allow-loaded it refuses (exit 3) unless the 1-minute load average is ≤ 0.5 and no
# other process uses more than 20 % CPU; when no other process is busy it first waits up to 5
# minutes for the load average to settle after its own build. The full run takes about 15–20
# minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
run_args=()
build=1
compare=""
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick|--allow-loaded) run_args+=("$1"); shift ;;
    --peer-limit|--only|--max-size|--peer-max-size) run_args+=("$1" "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --compare) compare="$2"; shift 2 ;;
    *) sed -n '2,16p' "$0" >&2; exit 64 ;;
  esac
done

build_suite() {  # $1 source dir, $2 build dir
  export CCACHE_BASEDIR="$PWD" CCACHE_SLOPPINESS=pch_defines,time_macros
  local launcher=()
  command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" -DORGMODEL_BUILD_BENCHMARKS=ON \
    -DORGMODEL_BUILD_TESTS=OFF -DORGMODEL_BUILD_EXAMPLES=OFF -DORGMODEL_CONSUMER_TESTS=OFF \
    -DORGMODEL_HEADER_CHECKS=OFF > "$2.configure.log"
  # Release is -O3 -DNDEBUG (CMake's default flags for Release).
  nice cmake --build "$2" -j"$(nproc)" --target bench_paths_bench bench_coverage_bench bench_funding_bench
}

if [[ $build == 1 ]]; then
  mkdir -p build
  build_suite . build/bench
fi
# bench/results/ and bench/README.md hold the published full run: a quick run or another --out
# writes its raw files, tables (README.md) and plots beside each other instead.
quick=0
for a in "${run_args[@]}"; do [[ $a == --quick ]] && quick=1; done
[[ -z $out ]] && { [[ $quick == 1 ]] && out=build/bench-quick || out=bench/results; }
readme=bench/README.md
[[ $out == bench/results ]] || readme=$out/README.md
/usr/bin/python3 bench/run.py --build build/bench --out "$out" "${run_args[@]}"
/usr/bin/python3 bench/tables.py --results "$out" --readme "$readme"
echo "tables: $readme; plots: $out/plots/"

if [[ -n "$compare" ]]; then
  rev=$(git rev-parse --short "$compare")
  wt=build/compare-$rev
  [[ -d $wt ]] || git worktree add --detach "$wt" "$rev"
  mkdir -p "$wt/build"
  build_suite "$wt" "$wt/build/bench"
  # The other revision's generators may differ: its own run.py if it has one, else ours.
  runner=bench/run.py
  [[ -f $wt/bench/run.py ]] && runner=$wt/bench/run.py
  cmp_args=(--allow-loaded --peer-max-size 0)  # orgmodel only: the peers do not change between commits
  for a in "${run_args[@]}"; do [[ $a == --allow-loaded ]] || cmp_args+=("$a"); done
  /usr/bin/python3 "$runner" --build "$wt/build/bench" --out "bench/results/compare-$rev" "${cmp_args[@]}"
  /usr/bin/python3 bench/compare.py "$out" "bench/results/compare-$rev"
fi
