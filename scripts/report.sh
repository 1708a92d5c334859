#!/usr/bin/env bash
# The README's main job: installs what is missing, builds the orgmodel program and prints the
# report on the bundled benchmark of nine investment-promotion organisations, then writes it as
# one HTML page with org charts, funding flows and decision timelines to build/report.html.
# Extra arguments go to `orgmodel report` (e.g. --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD"
mkdir -p build/release
log=build/release/report-build.log
if ! { cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DORGMODEL_BUILD_TESTS=OFF &&
       cmake --build build/release --target orgmodel_cli -j "$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "orgmodel: building the orgmodel program failed (log: $log)" >&2
  exit 1
fi
if [[ $# -gt 0 ]]; then
  exec build/release/examples/orgmodel report "$@"
fi
build/release/examples/orgmodel report
# The same report as one self-contained HTML page with the charts (opens offline, prints cleanly).
build/release/examples/orgmodel report --format html -o build/report.html
echo "orgmodel: HTML report written to $PWD/build/report.html" >&2
