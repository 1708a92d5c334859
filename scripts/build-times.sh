#!/usr/bin/env bash
# Where the test command's time goes. Prints three tables (Markdown):
#   1. with --headers: parse time and peak memory of every public header (g++ -fsyntax-only);
#   2. with --build: CPU seconds and peak memory of every compiled translation unit of a clean
#      build with ccache disabled (the test configuration of scripts/test.sh), summed per target;
#   3. with --build: wall time of every ctest label.
# Usage: scripts/build-times.sh [--headers] [--build] [--out FILE]   (neither: both)
# CPU seconds (user + sys), not wall, so that the figures hold on a loaded machine too.
set -euo pipefail
cd "$(dirname "$0")/.."
headers=0 build=0 out=/dev/stdout
while [[ $# -gt 0 ]]; do
  case "$1" in
    --headers) headers=1 ;;
    --build) build=1 ;;
    --out) out="$2"; shift ;;
    *) echo "usage: scripts/build-times.sh [--headers] [--build] [--out FILE]" >&2; exit 64 ;;
  esac
  shift
done
[[ $headers -eq 0 && $build -eq 0 ]] && headers=1 build=1
cxx=${CXX:-g++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$out"
if [[ $headers -eq 1 ]]; then {
echo "## Public headers: parse time and peak memory"
echo
echo "\`$cxx -std=c++20 -fsyntax-only\` on a file that includes one header; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| header | CPU s | peak MB |"
echo "|---|---:|---:|"
find include/orgmodel -name '*.hpp' -not -path '*/detail/*' | sort | while read -r h; do
  rel=${h#include/}
  printf '#include <%s>\n' "$rel" > "$work/h.cpp"
  /usr/bin/time -f '%U %S %M' -o "$work/t" "$cxx" -std=c++20 -fsyntax-only -Iinclude "$work/h.cpp"
  read -r u s m < "$work/t"
  awk -v h="$rel" -v u="$u" -v s="$s" -v m="$m" 'BEGIN { printf "| %s | %.2f | %.0f |\n", h, u + s, m / 1024 }'
done
} >> "$out"; fi

[[ $build -eq 1 ]] || exit 0

# A compiler launcher that records CPU time and peak memory of each compile and link.
cat > "$work/timed" <<'LAUNCH'
#!/usr/bin/env bash
out=""; prev=""
for a in "$@"; do [[ "$prev" == "-o" ]] && out="$a"; prev="$a"; done
/usr/bin/time -a -o "$TIMES_LOG" -f "%U %S %M $out" "$@"
LAUNCH
chmod +x "$work/timed"
export TIMES_LOG="$work/times.log" CCACHE_DISABLE=1
: > "$TIMES_LOG"
start=$(date +%s)
# The configuration of scripts/test.sh.
cmake -S . -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$work/timed" \
  -DORGMODEL_SANITIZE=address,undefined >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
built=$(date +%s)
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$work/build" -j "$(nproc)" --output-junit "$work/junit.xml" >/dev/null || true
tested=$(date +%s)
{
echo
echo "## Clean build without ccache: CPU seconds per target (wall: $((built - start)) s on $(nproc) cores)"
echo
echo "| target | translation units | CPU s | peak MB (largest TU) |"
echo "|---|---:|---:|---:|"
grep -v '^Command' "$TIMES_LOG" | awk '
  NF >= 4 {
    o = $4; t = o
    if (match(o, /CMakeFiles\/[^\/]+\.dir/)) t = substr(o, RSTART + 11, RLENGTH - 15)
    cpu[t] += $1 + $2; n[t]++; if ($3 > peak[t]) peak[t] = $3; total += $1 + $2
  }
  END {
    for (t in cpu) printf "| %s | %d | %.1f | %.0f |\n", t, n[t], cpu[t], peak[t] / 1024 | "sort -t\"|\" -k4 -rn"
    close("sort -t\"|\" -k4 -rn")
    printf "| **total** | | **%.1f** | |\n", total
  }'
echo
echo "## ctest: wall seconds per label (whole run: $((tested - built)) s)"
echo
echo "| label | tests | seconds (sum) |"
echo "|---|---:|---:|"
python3 - "$work/junit.xml" "$work/build" <<'PY'
import sys, xml.etree.ElementTree as ET, json, subprocess, collections
root = ET.parse(sys.argv[1]).getroot()
times = {tc.get("name"): float(tc.get("time", 0)) for tc in root.iter("testcase")}
info = json.loads(subprocess.run(["ctest", "--test-dir", sys.argv[2], "--show-only=json-v1"],
                                 capture_output=True, text=True, check=True).stdout)
per = collections.defaultdict(lambda: [0, 0.0])
for t in info["tests"]:
    labels = [v for p in t.get("properties", []) if p["name"] == "LABELS" for v in p["value"]] or ["(none)"]
    per[labels[0]][0] += 1
    per[labels[0]][1] += times.get(t["name"], 0.0)
for label, (n, s) in sorted(per.items(), key=lambda kv: -kv[1][1]):
    print(f"| {label} | {n} | {s:.1f} |")
PY
} >> "$out"
