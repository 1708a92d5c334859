#!/usr/bin/python3
"""Runs the benchmark suite after scripts/bench.sh has built it: checks that the machine is quiet,
generates every input once, runs every orgmodel benchmark and every peer on the same inputs, and
writes one raw JSON file per analysis and tool into bench/results/ (or --out).

    bench/run.py --build build/bench [--quick] [--allow-loaded] [--peer-limit 120] [--out DIR]

Standard library only. Each process runs under /usr/bin/time, which gives its peak memory (max
RSS) and its user + system CPU time; orgmodel's figures per benchmark are Google Benchmark's CPU
and wall times, the peers' their own (time.process_time around the computation only).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, "bench", "peers")
PYTHON = "/usr/bin/python3"  # Debian's interpreter: the peers' modules are Debian packages

# Nominal sizes (entities of the analysis: bodies, rules); the generators scale to them.
FULL_SIZES = [10**3, 10**4, 10**5, 10**6, 10**7]
QUICK_SIZES = [10**3, 10**4]

# One entry per analysis: the bench program, its export benchmark, the timed benchmarks (the first
# is the one compared with the peers), the counters that make up the checksum, and the peers.
ANALYSES = [
    {
        "name": "latency",
        "title": "Decision latency for every body (budget class)",
        "unit": "bodies",
        "program": "bench_paths_bench",
        "export": "BM_ExportPaths",
        "input": "paths-{size}",
        "benchmarks": ["BM_DecisionLatencyAll", "BM_DecisionLatencySearch", "BM_LatencyNetworkBuild"],
        "labels": {"BM_DecisionLatencyAll": "whole call (the search reads the lines in place)",
                   "BM_DecisionLatencySearch": "search alone on a prepared network (what the peers time)",
                   "BM_LatencyNetworkBuild": "preparing the class network alone"},
        "compare": "BM_DecisionLatencySearch",
        "checksum": ["reachable", "sum_expected_days"],
        "peers": [("networkx", "paths_peers.py"), ("igraph", "paths_peers.py"), ("graph-tool", "paths_peers.py")],
    },
    {
        "name": "coverage",
        "title": "Coverage of every stakeholder of a nation",
        "unit": "bodies",
        "program": "bench_coverage_bench",
        "export": "BM_ExportCoverage",
        "input": "coverage-{size}/nation.csv",
        "benchmarks": ["BM_CoverageOfAll", "BM_CoverageOfAllPrepared"],
        "labels": {"BM_CoverageOfAll": "whole call (coverage_of_all on the model: prepares the coverage network)",
                   "BM_CoverageOfAllPrepared": "coverage_of_all on a prepared coverage_network (what the peers time)"},
        "compare": "BM_CoverageOfAllPrepared",
        "checksum": ["pairs", "direct_political", "direct_executive", "direct_operative", "direct_owner",
                     "delegated_political", "delegated_executive", "delegated_operative", "delegated_owner"],
        "peers": [("networkx", "coverage_peers.py"), ("graph-tool", "coverage_peers.py")],
    },
    {
        "name": "funding",
        "title": "Funding: evaluating rules and tracing flows to their funds",
        "unit": "rules",
        "program": "bench_funding_bench",
        "export": "BM_ExportFunding",
        "input": "funding-{size}/edges.csv",
        "benchmarks": ["BM_TraceFlows", "BM_EvaluateFunding"],
        "labels": {"BM_TraceFlows": "trace_funding, 10 sources (what the peer times)",
                   "BM_EvaluateFunding": "evaluate_funding (no peer has rule evaluation)"},
        "compare": "BM_TraceFlows",
        "checksum": ["checksum_fund0"],
        "peers": [("networkx", "funding_peers.py")],
    },
]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return ""


SETTLE_S = 300  # how long to wait for the load average to settle after a build


def load_now():
    """(load average over 1 min, [(pid, %cpu, command)] of other processes above 20 % CPU)."""
    with open("/proc/loadavg") as f:
        load1 = float(f.read().split()[0])
    busy = []
    me = os.getpid()
    for line in sh("ps -eo pid=,ppid=,pcpu=,comm=").splitlines():
        parts = line.split(None, 3)
        if len(parts) < 4:
            continue
        pid, ppid, cpu, comm = int(parts[0]), int(parts[1]), float(parts[2]), parts[3]
        # (ps itself shows a high share: %CPU is averaged over a process's short life)
        if pid in (me, os.getppid()) or ppid == me or cpu <= 20.0 or comm == "ps":
            continue
        busy.append((pid, cpu, comm))
    return load1, busy


def machine():
    lscpu = sh("lscpu")
    model = re.search(r"Model name:\s*(.+)", lscpu)
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {
        "cpu": model.group(1).strip() if model else platform.processor(),
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "os": sh(". /etc/os-release && echo $PRETTY_NAME") or platform.platform(),
        "kernel": platform.release(),
    }


def versions():
    v = {"g++": sh("g++ -dumpfullversion"), "boost": "", "google-benchmark": "", "python": sh(PYTHON + " -V")}
    m = re.search(r'BOOST_LIB_VERSION "([0-9_]+)"', sh("grep BOOST_LIB_VERSION /usr/include/boost/version.hpp"))
    v["boost"] = m.group(1).replace("_", ".") if m else ""
    v["google-benchmark"] = sh("dpkg-query -W -f='${Version}' libbenchmark-dev")
    for mod, key in [("networkx", "networkx"), ("igraph", "igraph"), ("graph_tool", "graph-tool"),
                     ("numpy", "numpy"), ("scipy", "scipy")]:
        out = sh(f"{PYTHON} -c 'import {mod}; print({mod}.__version__.split()[0])' 2>/dev/null")
        v[key] = out or "not installed"
    return v


def timed(cmd, env=None, limit=None):
    """Runs cmd under /usr/bin/time; returns (returncode or 'timeout', stdout, peak MiB, cpu s, wall s)."""
    fd, tfile = tempfile.mkstemp(prefix="orgmodel-bench-time-")
    os.close(fd)
    full = ["/usr/bin/time", "-f", "%M %U %S %e", "-o", tfile] + cmd
    t0 = time.monotonic()
    try:
        p = subprocess.run(full, env=env, capture_output=True, text=True, timeout=limit)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = "timeout", (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""), ""
    wall = time.monotonic() - t0
    peak = cpu = None
    try:
        with open(tfile) as f:
            last = [l for l in f.read().split("\n") if re.match(r"^\d+ [\d.]+ [\d.]+ [\d.:]+$", l)]
        if last:
            kb, user, system, _ = last[-1].split()
            peak, cpu = round(int(kb) / 1024, 1), round(float(user) + float(system), 3)
    except OSError:
        pass
    os.unlink(tfile)
    if rc not in (0, "timeout"):
        sys.stderr.write(err[-2000:])
    return rc, out, peak, cpu, wall


def write(out_dir, name, doc):
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


def run_orgmodel(a, sizes, build, header, out_dir, quick):
    program = os.path.join(build, "bench", a["program"])
    runs = []
    for size in sizes:
        names = "|".join(a["benchmarks"])
        gb_out = os.path.join(out_dir, ".gb.json")
        cmd = [program, f"--benchmark_filter=^({names})/{size}(/|$)", f"--benchmark_out={gb_out}",
               "--benchmark_out_format=json"]
        if quick:
            cmd.append("--benchmark_min_time=0.2")
        rc, _, peak, cpu, wall = timed(cmd)
        print(f"  orgmodel {a['name']} {size}: rc {rc}, {wall:.1f} s wall, peak {peak} MiB", flush=True)
        entry = {"size": size, "process_peak_mib": peak, "process_cpu_s": cpu, "process_wall_s": round(wall, 3),
                 "returncode": rc, "benchmarks": []}
        if rc == 0:
            with open(gb_out) as f:
                gb = json.load(f)
            os.unlink(gb_out)
            for b in gb["benchmarks"]:
                base = b["name"].split("/")[0]
                scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
                counters = {k: v for k, v in b.items() if isinstance(v, (int, float)) and k not in (
                    "real_time", "cpu_time", "iterations", "repetitions", "repetition_index", "threads",
                    "family_index", "per_family_instance_index")}
                entry["benchmarks"].append({"name": base, "label": a["labels"].get(base, ""),
                                            "cpu_s": b["cpu_time"] * scale, "wall_s": b["real_time"] * scale,
                                            "iterations": b["iterations"], "counters": counters})
        runs.append(entry)
    doc = dict(header, analysis=a["name"], title=a["title"], unit=a["unit"], tool="orgmodel",
               compare=a["compare"], checksum_keys=a["checksum"], runs=runs)
    write(out_dir, f"{a['name']}.orgmodel", doc)
    return doc


def run_peer(a, tool, script, sizes, inputs, header, out_dir, limit, peer_max):
    runs = []
    stop = None   # why larger sizes are not run
    last = None   # the last finished run, to predict the next
    for size in sizes:
        path = os.path.join(inputs, a["input"].format(size=size))
        entry = {"size": size}
        if size > peer_max:
            stop = stop or f"above --peer-max-size {peer_max}"
        elif last and last[2] + last[1] * size / last[0] > limit:
            stop = stop or (f"predicted {last[2] + last[1] * size / last[0]:.0f} s (loading and computing linear "
                            f"in size) > limit {limit:.0f} s")
        if stop:
            entry.update(status="skipped", reason=stop)
            runs.append(entry)
            print(f"  {tool} {a['name']} {size}: skipped ({stop})", flush=True)
            continue
        rc, out, peak, cpu, wall = timed([PYTHON, os.path.join(PEERS, script), path, "--tool", tool, "--json"], limit=limit)
        entry.update(process_peak_mib=peak, process_cpu_s=cpu, process_wall_s=round(wall, 3))
        result = None
        for line in out.splitlines():
            if line.startswith("{"):
                result = json.loads(line)
        if rc == "timeout":
            entry.update(status="timeout", reason=f"stopped at the {limit:.0f} s limit")
        elif rc == 77 or (result and result.get("status") == "unavailable"):
            entry.update(status="unavailable", reason=(result or {}).get("reason", "module missing"))
        elif rc != 0 or result is None:
            entry.update(status="failed", reason=f"exit {rc}")
        else:
            entry.update(status="ok", cpu_s=result["cpu_s"], wall_s=result["wall_s"], load_s=result.get("load_s"),
                         checksum=result["checksum"], version=result.get("version"))
            # (size, seconds that grow with size: loading + computing, the rest: start-up and imports)
            work = (result.get("load_s") or 0) + (result.get("graph_and_search_wall_s") or result["wall_s"] or 0)
            last = (size, work, max(0.0, wall - work))
        if entry["status"] != "ok":
            stop = f"{entry['status']} at {size}"
        print(f"  {tool} {a['name']} {size}: {entry['status']}, {wall:.1f} s wall, peak {peak} MiB", flush=True)
        runs.append(entry)
    doc = dict(header, analysis=a["name"], title=a["title"], unit=a["unit"], tool=tool, peer_limit_s=limit,
               checksum_keys=a["checksum"], runs=runs)
    write(out_dir, f"{a['name']}.{tool}", doc)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    ap.add_argument("--inputs", default=None, help="where the generated inputs go (default BUILD/bench-inputs)")
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only, peers limited to 30 s")
    ap.add_argument("--allow-loaded", action="store_true", help="run on a busy machine; every figure is marked loaded")
    ap.add_argument("--peer-limit", type=float, default=None, help="seconds per peer run (default 120, quick 30)")
    ap.add_argument("--only", default="", help="comma-separated analyses (default all)")
    ap.add_argument("--max-size", type=int, default=None, help="largest nominal size for orgmodel")
    ap.add_argument("--peer-max-size", type=int, default=10**6,
                    help="largest size exported for and run by the peers (default 10^6)")
    args = ap.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    if args.max_size:
        sizes = [s for s in sizes if s <= args.max_size]
    limit = args.peer_limit or (30.0 if args.quick else 120.0)
    analyses = [a for a in ANALYSES if not args.only or a["name"] in args.only.split(",")]

    load1, busy = load_now()
    # The 1-minute load average decays with a one-minute time constant: right after
    # scripts/bench.sh's own build it reads about the number of cores for a minute or two though
    # nothing runs. When no other process is busy, wait for it to settle (at most SETTLE_S)
    # instead of refusing the run the command itself made look loaded.
    waited = 0
    while load1 > 0.5 and not busy and not args.allow_loaded and waited < SETTLE_S:
        if waited == 0:
            print(f"load average (1 min) {load1:.2f} and no other busy process: waiting up to {SETTLE_S} s "
                  "for it to settle (a build just ended?)", flush=True)
        time.sleep(10)
        waited += 10
        load1, busy = load_now()
    quiet = load1 <= 0.5 and not busy
    print(f"load average (1 min) {load1:.2f}; other processes above 20 % CPU: "
          + (", ".join(f"{c} ({p:.0f} %)" for _, p, c in busy) or "none"))
    if not quiet and not args.allow_loaded:
        print("the machine is not quiet (needs load ≤ 0.5 and no other process above 20 % CPU): refusing. "
              "Wait, or pass --allow-loaded to mark every figure 'loaded'.", file=sys.stderr)
        return 3
    os.makedirs(args.out, exist_ok=True)
    inputs = args.inputs or os.path.join(args.build, "bench-inputs")
    header = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": sh(f"git -C {ROOT} rev-parse --short HEAD") + (" (modified)" if sh(f"git -C {ROOT} status --porcelain -uno") else ""),
        "machine": machine(),
        "versions": versions(),
        "load_at_start": load1,
        "busy_processes_at_start": [f"{c} ({p:.0f} %)" for _, p, c in busy],
        "loaded": not quiet,
        "quick": args.quick,
        "sizes": sizes,
    }
    # Inputs once per size, from the bench programs' own generators (fixed seeds).
    for a in analyses:
        program = os.path.join(args.build, "bench", a["program"])
        sel = "|".join(str(s) for s in sizes if s <= args.peer_max_size)
        env = dict(os.environ, ORGMODEL_BENCH_EXPORT=inputs)
        t0 = time.monotonic()
        rc, _, _, _, _ = timed([program, f"--benchmark_filter=^{a['export']}/({sel})/"], env=env)
        print(f"inputs {a['name']}: {time.monotonic() - t0:.1f} s (rc {rc})", flush=True)
    for a in analyses:
        print(f"== {a['name']}", flush=True)
        run_orgmodel(a, sizes, args.build, header, args.out, args.quick)
        for tool, script in a["peers"]:
            run_peer(a, tool, script, sizes, inputs, header, args.out, limit, args.peer_max_size)
    load_end, _ = load_now()
    write(args.out, "run", dict(header, load_at_end=load_end, peer_limit_s=limit,
                                analyses=[a["name"] for a in analyses]))
    if not quiet:
        print("NOTE: the machine was loaded; every figure is marked 'loaded'.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
