#!/usr/bin/env bash
# The README's main job: installs what is missing, builds the orgmodel program and prints the
# report on the bundled benchmark of nine investment-promotion organisations.
# Extra arguments go to `orgmodel report` (e.g. --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DORGMODEL_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target orgmodel_cli -j "$(nproc)" >/dev/null
exec build/release/examples/orgmodel report "$@"
