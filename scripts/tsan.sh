#!/usr/bin/env bash
# Builds the ThreadSanitizer test (tests/tsan: every analysis on one const model from four
# threads) in build/tsan and runs it. One translation unit, so it stays cheap.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/tsan
export CCACHE_BASEDIR="$PWD"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DORGMODEL_TSAN=ON \
  -DORGMODEL_BUILD_TESTS=OFF -DORGMODEL_BUILD_EXAMPLES=OFF -DORGMODEL_INSTALL=OFF \
  -DORGMODEL_CONSUMER_TESTS=OFF -DORGMODEL_HEADER_CHECKS=OFF >/dev/null
cmake --build "$build" -j "${ORGMODEL_TSAN_JOBS:-2}" --target tsan_analyses
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$build/tests/tsan/tsan_analyses"
