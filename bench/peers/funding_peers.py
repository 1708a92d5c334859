#!/usr/bin/python3
"""Proportional funding tracing in NetworkX on the edge list written by bench_funding_bench
(ORGMODEL_FUNDING_EDGES=edges.csv): the same computation as orgmodel::trace_funding.

mix_v(s) = (sum over u->v of w_uv * mix_u(s) + own_v * [v = s]) / (in_v + own_v),
own_v = max(0, out_v - in_v), in topological order (nx.topological_sort), sources = nodes 0..9.
Run with Debian's python (NetworkX 2.8): /usr/bin/python3 bench/peers/funding_peers.py edges.csv
[--tool networkx --json]  (--json: one JSON line for bench/run.py; the trace's CPU time alone)
"""
import csv
import json
import sys
import time

import networkx as nx
import numpy as np

path = sys.argv[1]
sources = list(range(10))

t0 = time.perf_counter()
g = nx.MultiDiGraph()
with open(path) as f:
    r = csv.reader(f)
    next(r)
    g.add_weighted_edges_from((int(a), int(b), int(w)) for a, b, w in r)
t_load = time.perf_counter() - t0

t0, c0 = time.perf_counter(), time.process_time()
S = len(sources)
col = {s: k for k, s in enumerate(sources)}
mix = {}
for v in nx.topological_sort(g):
    inflow = 0.0
    row = np.zeros(S)
    for u, _, w in g.in_edges(v, data="weight"):
        inflow += w
        row += w * mix[u]
    out = sum(w for _, _, w in g.out_edges(v, data="weight"))
    own = max(0.0, out - inflow)
    if v in col:
        row[col[v]] += own
    total = inflow + own
    mix[v] = row / total if total > 0 else row
t_trace, c_trace = time.perf_counter() - t0, time.process_time() - c0
checksum = sum(m[0] for m in mix.values())
if "--json" in sys.argv:
    print(json.dumps({"tool": "networkx", "version": nx.__version__, "load_s": t_load, "wall_s": t_trace,
                      "cpu_s": c_trace, "checksum": {"checksum_fund0": checksum}}))
    sys.exit(0)
print(f"networkx {nx.__version__}: nodes {g.number_of_nodes()} edges {g.number_of_edges()} sources {S}")
print(f"load {t_load:.3f} s, trace {t_trace:.3f} s, checksum_fund0 {checksum:.6f}")
