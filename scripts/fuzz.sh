#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang++ with ASan + UBSan) in build/fuzz and runs
# each for as long as asked; see docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   run each target SECONDS (default 60), keeping what it
#                                           finds in build/fuzz/corpus/<target>
#   scripts/fuzz.sh --smoke                 7 s each, as many at once as there are cores, fresh corpus
#                                           (built apart, in build/fuzz-smoke, at -O0)
#
# Targets: json_model bods stakeholder_csv cli. Exit status 1 when a target fails (the input
# that broke it is written to build/fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(json_model bods stakeholder_csv cli)
smoke=0
seconds=60
if [[ ${1:-} == --smoke ]]; then
  smoke=1
  seconds=7
  shift
elif [[ ${1:-} =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

cxx=${ORGMODEL_FUZZ_CXX:-clang++}
command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

# Long runs want speed per execution (-O1) and file:line in reports (-g1). The smoke only checks that
# every target builds and survives its seeds and a few seconds of mutation: at -O0 -g0 its build
# costs half the CPU (docs/test-time.md), in its own directory so the two never rebuild each other.
if [[ $smoke == 1 ]]; then
  build=build/fuzz-smoke flags="-O0 -g0"
else
  build=build/fuzz flags="-O1 -g1"
fi
export CCACHE_BASEDIR="$PWD"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="$flags" \
  -DORGMODEL_FUZZ=ON -DORGMODEL_BUILD_TESTS=OFF -DORGMODEL_BUILD_EXAMPLES=OFF -DORGMODEL_INSTALL=OFF \
  -DORGMODEL_CONSUMER_TESTS=OFF -DORGMODEL_HEADER_CHECKS=OFF >/dev/null
cmake --build "$build" -j "${ORGMODEL_FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

mkdir -p "$build/artifacts" "$build/logs"
# fuzz TARGET: runs one target for $seconds; its report goes to its log, its status is the target's.
fuzz() {
  local t=$1 work dict=() seeds=(tests/fuzz/corpus/"$1")
  case $t in
    json_model) seeds+=(data/models tests/fixtures tests/fixtures/malformed) ;;
  esac
  if [[ $smoke == 1 ]]; then
    work=$(mktemp -d)
  else
    work=$build/corpus/$t
    mkdir -p "$work"
  fi
  [[ -f tests/fuzz/$t.dict ]] && dict=(-dict=tests/fuzz/$t.dict)
  # -timeout: one input taking 25 s is a hang (ORGMODEL_FUZZ_TIMEOUT raises it on a loaded machine,
  # where a starved process can wait that long without being slow); -rss_limit_mb: a memory blow-up is a failure.
  local rc=0
  "$build/tests/fuzz/fuzz_$t" "$work" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" -timeout="${ORGMODEL_FUZZ_TIMEOUT:-25}" \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" >"$build/logs/$t.log" 2>&1 || rc=1
  [[ $smoke == 1 ]] && rm -rf "$work"
  return $rc
}
# summarise TARGET STATUS: the verdict, the final line with coverage, and the executions.
summarise() {
  local t=$1 log=$build/logs/$1.log
  echo "== fuzz_$t: ${seconds} s"
  if [[ $2 != 0 ]]; then
    echo "fuzz_$t FAILED (log: $log)"
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20 || true
  fi
  grep -E "^#[0-9]+ +(DONE|INITED|pulse|NEW|REDUCE)" "$log" | tail -1 || true
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$log" || true
}
# The smoke runs as many targets at once as there are cores (each still gets a core for its
# seconds); long runs go one after another, so that each has the machine to itself.
parallel=1
[[ $smoke == 1 ]] && parallel=$(nproc)
status=0
for ((i = 0; i < ${#targets[@]}; i += parallel)); do
  batch=("${targets[@]:i:parallel}") pids=()
  for t in "${batch[@]}"; do fuzz "$t" & pids+=($!); done
  for k in "${!batch[@]}"; do
    rc=0
    wait "${pids[$k]}" || rc=1
    summarise "${batch[$k]}" $rc
    [[ $rc == 0 ]] || status=1
  done
done
exit $status
