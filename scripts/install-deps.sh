#!/usr/bin/env bash
# Installs the Debian 12 packages orgmodel needs, when any is missing. Used by the README's commands.
# Usage: scripts/install-deps.sh [--tests] [--bench]
set -euo pipefail

# What the library and the orgmodel program need (the main job, scripts/report.sh).
packages=(g++ cmake ninja-build ccache libboost-graph-dev librange-v3-dev nlohmann-json3-dev libcli11-dev)
for arg in "$@"; do
  case "$arg" in
    --tests)  # what scripts/test.sh runs beyond the build
      packages+=(libgtest-dev graphviz python3-jsonschema
                 python3-networkx python3-igraph python3-pandas python3-rdflib  # peers.edge_lists, interop.*
                 chromium chromium-driver python3-selenium  # the HTML report in headless Chromium (render.browser_check)
                 libboost-mpi-dev libboost-graph-parallel-dev openmpi-bin  # orgmodel::distributed, ctest -L distributed
                 clang libclang-rt-14-dev) ;;  # libFuzzer (scripts/fuzz.sh --smoke)
    --bench)  # scripts/bench.sh: Google Benchmark and the peers
      packages+=(libbenchmark-dev python3-networkx python3-igraph python3-scipy python3-graph-tool time) ;;
    *) echo "usage: scripts/install-deps.sh [--tests] [--bench]" >&2; exit 64 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "orgmodel: installing missing Debian packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "orgmodel: cannot install ${missing[*]}: run as root or with password-less sudo, or install them yourself:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
