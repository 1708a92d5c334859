#!/usr/bin/python3
"""Reads the CSV edge lists that `orgmodel synth --edges-dir DIR` (or orgmodel::write_edge_lists)
writes, into NetworkX, python3-igraph, graph-tool and scipy.sparse, checking vertex and edge
counts against the files and the manifest. Each analysis's peer script imports this module so
that every tool works on exactly the same graph.

Run with Debian's interpreter (/usr/bin/python3): the pyenv python3 on PATH lacks the modules.

    /usr/bin/python3 bench/peers/edge_lists.py DIR [--layers governance,ownership] [--tools networkx,igraph]

Files per layer: <layer>.vertices.csv (vertex,id,type) and <layer>.edges.csv (source,target,weight),
vertex indices 0-based; parallel edges are kept (several seats of one holder on one body), so the
graphs are multigraphs: networkx.MultiDiGraph, igraph.Graph(directed=True), graph_tool.Graph.
"""
import csv
import json
import os
import sys
import time

LAYERS = ["governance", "escalation", "ownership", "funding", "membership", "affiliation"]
TOOLS = ["networkx", "igraph", "graph_tool", "scipy"]


def read_layer(directory, layer):
    """Returns (vertex_ids, sources, targets, weights) of one layer as plain lists."""
    with open(os.path.join(directory, layer + ".vertices.csv"), newline="") as f:
        r = csv.reader(f)
        if next(r) != ["vertex", "id", "type"]:
            raise ValueError(layer + ".vertices.csv: unexpected header")
        ids = [row[1] for row in r]
    sources, targets, weights = [], [], []
    with open(os.path.join(directory, layer + ".edges.csv"), newline="") as f:
        r = csv.reader(f)
        if next(r) != ["source", "target", "weight"]:
            raise ValueError(layer + ".edges.csv: unexpected header")
        for s, t, w in r:
            sources.append(int(s))
            targets.append(int(t))
            weights.append(float(w))
    return ids, sources, targets, weights


def to_networkx(ids, sources, targets, weights):
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(len(ids)))
    g.add_weighted_edges_from(zip(sources, targets, weights))
    return g, g.number_of_nodes(), g.number_of_edges()


def to_igraph(ids, sources, targets, weights):
    import igraph as ig
    g = ig.Graph(n=len(ids), edges=list(zip(sources, targets)), directed=True)
    g.es["weight"] = weights
    return g, g.vcount(), g.ecount()


def to_graph_tool(ids, sources, targets, weights):
    import graph_tool as gt
    import numpy as np
    g = gt.Graph(directed=True)
    g.add_vertex(len(ids))
    w = g.new_edge_property("double")
    if sources:
        g.add_edge_list(np.column_stack([sources, targets, weights]), eprops=[w])
    g.edge_properties["weight"] = w
    return g, g.num_vertices(), g.num_edges()


def to_scipy(ids, sources, targets, weights):
    import scipy.sparse as sp
    n = len(ids)
    # COO keeps duplicate (parallel) entries: nnz counts edges until they are summed.
    a = sp.coo_matrix((weights, (sources, targets)), shape=(n, n))
    return a, a.shape[0], a.nnz


LOADERS = {"networkx": to_networkx, "igraph": to_igraph, "graph_tool": to_graph_tool, "scipy": to_scipy}


def available(tool):
    try:
        __import__({"graph_tool": "graph_tool", "scipy": "scipy.sparse"}.get(tool, tool))
        return True
    except ImportError:
        return False


def load(directory, layer, tool):
    """Loads one layer into one tool; returns (graph, vertices, edges, seconds)."""
    data = read_layer(directory, layer)
    t0 = time.perf_counter()
    g, n, m = LOADERS[tool](*data)
    return g, n, m, time.perf_counter() - t0


def check(directory, layers=LAYERS, tools=TOOLS, out=sys.stdout):
    """Loads every layer into every tool and compares counts with the files and manifest.json.
    Returns the number of mismatches."""
    manifest_path = os.path.join(directory, "manifest.json")
    manifest = json.load(open(manifest_path))["layers"] if os.path.exists(manifest_path) else {}
    bad = 0
    for layer in layers:
        data = read_layer(directory, layer)
        want_n, want_m = len(data[0]), len(data[1])
        if layer in manifest and (manifest[layer]["vertices"], manifest[layer]["edges"]) != (want_n, want_m):
            print(f"{layer}: files have {want_n} vertices / {want_m} edges, manifest says "
                  f"{manifest[layer]['vertices']} / {manifest[layer]['edges']}", file=out)
            bad += 1
        for tool in tools:
            t0 = time.perf_counter()
            _, n, m = LOADERS[tool](*data)
            dt = time.perf_counter() - t0
            ok = (n, m) == (want_n, want_m)
            bad += 0 if ok else 1
            print(f"{layer:12} {tool:10} vertices {n:>10} edges {m:>10}  {dt:8.3f} s  {'ok' if ok else 'MISMATCH'}", file=out)
    return bad


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 64
    directory = argv[1]
    layers, tools = LAYERS, TOOLS
    for a in argv[2:]:
        if a.startswith("--layers="):
            layers = a.split("=", 1)[1].split(",")
        elif a.startswith("--tools="):
            tools = a.split("=", 1)[1].split(",")
    missing = [t for t in tools if not available(t)]
    if missing:
        print("skipped (missing Python modules: " + ", ".join(missing) + "; use /usr/bin/python3 with "
              "Debian's python3-networkx python3-igraph python3-graph-tool python3-scipy)")
        return 77
    return 1 if check(directory, layers, tools) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
