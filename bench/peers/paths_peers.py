#!/usr/bin/python3
"""All-bodies decision latency with NetworkX, igraph and graph-tool, on the input bench_paths_bench
exports (ORGMODEL_PATHS_EXPORT=<dir>): bodies.csv (body, expected wait, holder) and lines.csv
(from, to, preparation days; only the lines carrying the class).

The computation is the one of orgmodel::decision_latency_all: least expected latency from every
body to a mandate holder, shortest paths on the reversed lines. A line u -> w becomes the edge
w -> u weighted preparation + wait(u); lines out of mandate holders are dropped (a holder decides);
the sources are the holders at their own wait, which the peers express as a virtual source S with
an edge S -> h weighted wait(h). The lines of one class are acyclic (orgmodel's model rejects a
cycle of one class), and orgmodel's search uses it (topological order, no heap); of the peers only
graph-tool offers that (shortest_distance(..., dag=True)), and it gets it. NetworkX and igraph
run Dijkstra.

Only the shortest-path call is timed (time.process_time(), CPU time of this process, as the C++
figure is Google Benchmark's CPU time); reading the CSV and building each library's graph is not.

usage: /usr/bin/python3 bench/peers/paths_peers.py <dir> [--skip-networkx]
       /usr/bin/python3 bench/peers/paths_peers.py <dir> --tool networkx|igraph|graph-tool --json
       (one tool, one JSON line with its CPU time and checksum, for bench/run.py)
"""
import csv
import json
import math
import sys
import time

import numpy as np


WALL = [0.0]  # wall-clock seconds of the last timed search


def load(d):
    b = np.loadtxt(f"{d}/bodies.csv", delimiter=",", skiprows=1)
    wait = b[:, 1]
    holder = b[:, 2].astype(bool)
    e = np.loadtxt(f"{d}/lines.csv", delimiter=",", skiprows=1)
    src = e[:, 0].astype(np.int64)
    dst = e[:, 1].astype(np.int64)
    prep = e[:, 2]
    keep = ~holder[src]
    src, dst, prep = src[keep], dst[keep], prep[keep]
    n = len(wait)
    s = n  # the virtual source
    hs = np.nonzero(holder)[0]
    # Reversed edges w -> u (dst -> src) with weight prep + wait(u), then S -> holders.
    frm = np.concatenate([dst, np.full(len(hs), s)])
    to = np.concatenate([src, hs])
    w = np.concatenate([prep + wait[src], wait[hs]])
    return n, s, frm, to, w


def summary(dist, n):
    finite = [x for x in dist[:n] if math.isfinite(x)]
    return len(finite), sum(finite)


def run_networkx(n, s, frm, to, w):
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(n + 1))
    # A DiGraph keeps one edge per pair: keep the lightest of parallel lines, as Dijkstra would.
    best = {}
    for a, b, x in zip(frm.tolist(), to.tolist(), w.tolist()):
        if (a, b) not in best or x < best[(a, b)]:
            best[(a, b)] = x
    g.add_weighted_edges_from((a, b, x) for (a, b), x in best.items())
    t0, WALL[0] = time.process_time(), time.perf_counter()
    d = nx.multi_source_dijkstra_path_length(g, {s}, weight="weight")
    t1, WALL[0] = time.process_time(), time.perf_counter() - WALL[0]
    dist = [d.get(v, math.inf) for v in range(n)]
    return t1 - t0, summary(dist, n)


def run_igraph(n, s, frm, to, w):
    import igraph as ig
    g = ig.Graph(n=n + 1, edges=list(zip(frm.tolist(), to.tolist())), directed=True)
    g.es["weight"] = w.tolist()
    t0, WALL[0] = time.process_time(), time.perf_counter()
    d = g.distances(source=[s], weights="weight", mode="out")[0]
    t1, WALL[0] = time.process_time(), time.perf_counter() - WALL[0]
    return t1 - t0, summary(d, n)


def run_graph_tool(n, s, frm, to, w):
    import graph_tool.all as gt
    g = gt.Graph(directed=True)
    g.add_vertex(n + 1)
    g.add_edge_list(np.column_stack([frm, to]))
    wp = g.new_edge_property("double")
    wp.a = w
    t0, WALL[0] = time.process_time(), time.perf_counter()
    d = gt.shortest_distance(g, source=g.vertex(s), weights=wp, dag=True)
    t1, WALL[0] = time.process_time(), time.perf_counter() - WALL[0]
    arr = d.a.copy()
    arr[arr > 1e300] = math.inf
    return t1 - t0, summary(arr.tolist(), n)


def one_tool(d, tool):
    # graph_tool.all takes seconds to import: before the clocks, so that the limit's prediction
    # in bench/run.py sees only the work that grows with the size.
    mod = {"networkx": "networkx", "igraph": "igraph", "graph-tool": "graph_tool.all"}[tool]
    try:
        version = __import__(mod).__version__.split()[0]
    except ImportError as e:
        print(json.dumps({"status": "unavailable", "reason": str(e)}))
        return 77
    t0 = time.perf_counter()
    n, s, frm, to, w = load(d)
    t_load = time.perf_counter() - t0
    fn = {"networkx": run_networkx, "igraph": run_igraph, "graph-tool": run_graph_tool}[tool]
    w0 = time.perf_counter()
    secs, (reach, total) = fn(n, s, frm, to, w)
    print(json.dumps({"tool": tool, "version": version, "load_s": t_load, "cpu_s": secs,
                      "wall_s": WALL[0], "graph_and_search_wall_s": time.perf_counter() - w0,
                      "checksum": {"reachable": reach, "sum_expected_days": total}}))
    return 0


def main():
    d = sys.argv[1]
    if "--tool" in sys.argv:
        return one_tool(d, sys.argv[sys.argv.index("--tool") + 1])
    skip_nx = "--skip-networkx" in sys.argv
    n, s, frm, to, w = load(d)
    print(f"bodies {n}, reversed edges incl. source edges {len(frm)}")
    with open(f"{d}/cpp_result.txt") as f:
        print("orgmodel:", " ".join(line.strip() for line in f))
    runs = [("igraph", run_igraph), ("graph-tool", run_graph_tool)]
    if not skip_nx:
        runs.insert(0, ("networkx", run_networkx))
    for name, fn in runs:
        secs, (reach, total) = fn(n, s, frm, to, w)
        print(f"{name}: {secs * 1000:.0f} ms CPU, reachable {reach}, sum_expected_days {total:.6f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
