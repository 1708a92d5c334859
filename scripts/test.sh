#!/usr/bin/env bash
# The README's test command: installs what is missing, builds every test once — instrumented with
# AddressSanitizer + UndefinedBehaviorSanitizer — and runs them all: the unit tests of every module,
# one compile check per public header, the consumer builds, the examples with their golden output,
# the DOT renders, the schema, peer, interop, browser and MPI checks; then a libFuzzer smoke run of
# every fuzz target (clang) and every analysis from four threads under ThreadSanitizer. Each stage's time is printed at the end
# (docs/test-time.md: the budget per stage).
set -euo pipefail
cd "$(dirname "$0")/.."

names=() secs=()
stage() {  # stage NAME: stops the previous stage's clock and starts one for NAME
  [[ ${#names[@]} -gt 0 ]] && secs+=($((SECONDS - stage_start)))
  stage_start=$SECONDS
  names+=("$1")
  echo "== $1"
}
report_stages() {
  trap - EXIT
  [[ ${#names[@]} -gt ${#secs[@]} ]] && secs+=($((SECONDS - stage_start)))
  echo "== time per stage"
  for i in "${!secs[@]}"; do printf '  %6d s  %s\n' "${secs[$i]}" "${names[$i]}"; done
  printf '  %6d s  total\n' "$SECONDS"
}
trap report_stages EXIT

stage "install missing Debian packages"
scripts/install-deps.sh --tests

jobs=$(nproc)
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_BASEDIR="$PWD"

# One build serves every check: Debug at -O0 with sanitizers (at -O1 GCC's UBSan instrumentation
# costs three times the compile time) and line tables only (-g1: sanitizer reports keep file and
# line; full debug info doubles the object size and link time).
stage "configure + build (ASan + UBSan)"
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DORGMODEL_SANITIZE=address,undefined
cmake --build build/test -j "$jobs"

stage "ctest (all labels, under the sanitizers)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/test -j "$jobs" --output-on-failure | tee build/test/ctest.log
ctest_total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' build/test/ctest.log)

# Fuzzing and ThreadSanitizer build their own small targets (docs/fuzzing.md).
stage "fuzz smoke (libFuzzer, ASan + UBSan)"
fuzzed=0
if command -v clang++ >/dev/null; then
  scripts/fuzz.sh --smoke
  fuzzed=$(ls tests/fuzz/fuzz_*.cpp | wc -l)
else
  echo "skipped: clang++ not found"
fi

stage "ThreadSanitizer (every analysis from four threads)"
scripts/tsan.sh

# The closing line: every ctest entry, fuzz target and the TSan run (any failure has exited above).
report_stages
echo "tests: $((ctest_total + fuzzed + 1)) passed, 0 failed"
