#!/usr/bin/env bash
# Builds the benchmarks in Release, runs every bench_* with its JSON kept in bench/results/<name>.json
# (and the console table in bench/results/<name>.txt), then the Python peers on a generated model.
#   scripts/bench.sh [--filter REGEX] [--peers-municipalities N]
# The largest sizes (10^7 entities) take ~2 GB and a minute on 2 cores: run them rarely.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=""
peer_n=40000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter) filter="$2"; shift 2 ;;
    --peers-municipalities) peer_n="$2"; shift 2 ;;
    *) echo "usage: scripts/bench.sh [--filter REGEX] [--peers-municipalities N]" >&2; exit 64 ;;
  esac
done
export CCACHE_BASEDIR="$PWD" CCACHE_SLOPPINESS=pch_defines,time_macros
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DORGMODEL_BUILD_BENCHMARKS=ON \
  -DORGMODEL_BUILD_TESTS=OFF -DORGMODEL_BUILD_EXAMPLES=ON -DORGMODEL_CONSUMER_TESTS=OFF -DORGMODEL_HEADER_CHECKS=OFF
cmake --build build/bench -j2
mkdir -p bench/results
for b in build/bench/bench/bench_*; do
  [[ -x "$b" ]] || continue
  name=$(basename "$b"); name=${name#bench_}
  echo "== $name"
  args=(--benchmark_out="bench/results/$name.json" --benchmark_out_format=json)
  [[ -n "$filter" ]] && args+=(--benchmark_filter="$filter")
  "$b" "${args[@]}" | tee "bench/results/$name.txt"
done
# Peers: load the same edge lists into NetworkX, igraph, graph-tool and SciPy (Debian's python3).
dir=build/bench/peers
build/bench/examples/orgmodel synth --municipalities "$peer_n" --seed 2024 --quiet --edges-dir "$dir/edges" --format json \
  > bench/results/peers_synth.json
for p in bench/peers/*.py; do
  echo "== peer $(basename "$p")"
  /usr/bin/python3 "$p" "$dir/edges" | tee "bench/results/peer_$(basename "$p" .py).txt" || true
done
