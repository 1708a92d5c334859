#!/usr/bin/python3
"""Coverage of every stakeholder of the synthetic nation of bench/coverage_bench.cpp, computed
with NetworkX and with graph-tool from the same typed CSV edge list, for a side-by-side timing.

    ORGMODEL_BENCH_EXPORT=/tmp/in build/bench/bench/bench_coverage_bench --benchmark_filter=Export/1000000
    /usr/bin/python3 bench/peers/coverage_peers.py /tmp/in/coverage-1000000/nation.csv [networkx|graph-tool|both]
    /usr/bin/python3 bench/peers/coverage_peers.py FILE --tool networkx --json   # one JSON line (bench/run.py)

Same rules as orgmodel::coverage_of_all for what the synthetic nation holds: a subject's
governance bodies are its own plus the bodies of governing parents (part_of / business_area_of,
transitively) that its bodies escalate to; a member is directly on a layer when it holds a seat on
a governance body of that layer, on the owner layer also when it owns a share of the subject;
delegated when a chain of representation edges (each for one body or all) reaches a seat holder
there. (The nation has no municipal associations and every subject has bodies of its own, so the
library's association links and no-own-bodies fallback are not needed here.)
Prints the per-layer totals, which must equal the benchmark's counters, and the times.
"""
import collections
import csv
import json
import sys
import time

LAYERS = ["political", "executive", "operative", "owner"]


def read_rows(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        return [(k, int(a), int(b), int(c)) for k, a, b, c in r]


def summarise(pairs, direct_count, delegated_count, t_load, t_compute, name, cpu=None):
    """Prints one JSON line: the timings (compute_s wall, cpu_s process CPU time of the computation
    alone) and the checksum, the per-layer totals that orgmodel's benchmark reports as counters."""
    checksum = {"pairs": pairs}
    for i, l in enumerate(LAYERS):
        checksum["direct_" + l] = direct_count[i]
        checksum["delegated_" + l] = delegated_count[i]
    tool, version = name.split(" ", 1)
    print(json.dumps({"peer": name, "tool": tool, "version": version, "load_s": round(t_load, 3),
                      "compute_s": round(t_compute, 3), "wall_s": t_compute, "cpu_s": cpu,
                      "checksum": checksum, **checksum}), flush=True)


def run_networkx(rows):
    import networkx as nx

    t0 = time.perf_counter()
    g = nx.MultiDiGraph()
    esc = nx.DiGraph()
    for k, a, b, c in rows:
        if k == "org":
            g.add_node(a, population=c)
        elif k == "body":
            g.add_edge(a, b, kind="body")
            g.nodes[b]["bits"] = c
            g.nodes[b]["org"] = a
        elif k == "esc":
            esc.add_edge(a, b)
        elif k == "part_of":
            if c != 1:  # hosted_by does not govern
                g.add_edge(a, b, kind="part_of")
        else:
            g.add_edge(a, b, kind=k, extra=c)
    t_load = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    direct_count = [0] * 4
    delegated_count = [0] * 4
    pairs = 0
    for subject in [n for n in g.nodes if "bits" not in g.nodes[n]]:
        members = [u for u, _, d in g.in_edges(subject, data=True) if d["kind"] == "member"]
        if not members:
            continue
        own = [v for _, v, d in g.out_edges(subject, data=True) if d["kind"] == "body"]
        gov = set(own)
        parents, stack = set(), [subject]
        while stack:
            x = stack.pop()
            for _, p, d in g.out_edges(x, data=True):
                if d["kind"] == "part_of" and p not in parents:
                    parents.add(p)
                    stack.append(p)
        if parents:
            for b in own:
                if b in esc:
                    for t in nx.descendants(esc, b):
                        if g.nodes[t]["org"] in parents:
                            gov.add(t)
        holder = collections.defaultdict(int)
        for b in gov:
            bits = g.nodes[b]["bits"]
            for h, _, d in g.in_edges(b, data=True):
                if d["kind"] == "seat":
                    holder[h] |= (1 << (bits & 15)) | (bits & 16)
        owners = {u for u, _, d in g.in_edges(subject, data=True) if d["kind"] == "own"}
        for s in members:
            pairs += 1
            dm = holder.get(s, 0) | (8 if s in owners else 0)
            dl = 0
            seen = {(s, -1)}
            queue = collections.deque([(s, -1)])
            first = True
            while queue:
                v, f = queue.popleft()
                if not first:
                    if f == -1:
                        dl |= holder.get(v, 0)
                    elif f in gov:
                        for _, b, d in g.out_edges(v, data=True):
                            if d["kind"] == "seat" and b == f:
                                bits = g.nodes[b]["bits"]
                                dl |= (1 << (bits & 15)) | (bits & 16)
                first = False
                for _, r, d in g.out_edges(v, data=True):
                    if d["kind"] != "rep":
                        continue
                    body = d["extra"]
                    if f != -1 and body != -1 and body != f:
                        continue
                    nf = f if f != -1 else body
                    if (r, -1) in seen or (r, nf) in seen:
                        continue
                    seen.add((r, nf))
                    queue.append((r, nf))
            dl &= ~dm
            for i in range(4):
                if dm >> i & 1:
                    direct_count[i] += 1
                elif dl >> i & 1:
                    delegated_count[i] += 1
    summarise(pairs, direct_count, delegated_count, t_load, time.perf_counter() - t0, "networkx " + nx.__version__,
              time.process_time() - c0)


def run_graph_tool(rows):
    import numpy as np
    import graph_tool as gt

    t0 = time.perf_counter()
    n = 1 + max(max(a, b) for _, a, b, _ in rows)
    kinds = {"body": 0, "seat": 1, "member": 2, "rep": 3, "part_of": 4, "own": 5}
    edges = np.array([(a, b, kinds[k], c) for k, a, b, c in rows if k in kinds and not (k == "part_of" and c == 1)],
                     dtype=np.int64)
    esc_edges = np.array([(a, b) for k, a, b, _ in rows if k == "esc"], dtype=np.int64).reshape(-1, 2)
    bits = np.full(n, -1, dtype=np.int64)
    owner_org = np.full(n, -1, dtype=np.int64)
    for k, a, b, c in rows:
        if k == "body":
            bits[b] = c
            owner_org[b] = a
    g = gt.Graph(directed=True)
    g.add_vertex(n)
    kind = g.new_edge_property("int")
    extra = g.new_edge_property("int64_t")
    g.add_edge_list(edges, eprops=[kind, extra])
    esc = gt.Graph(directed=True)
    esc.add_vertex(n)
    esc.add_edge_list(esc_edges)
    t_load = time.perf_counter() - t0

    from graph_tool.search import bfs_iterator

    t0, c0 = time.perf_counter(), time.process_time()
    direct_count = [0] * 4
    delegated_count = [0] * 4
    pairs = 0
    is_body = bits >= 0

    def out(v):
        return g.get_out_edges(v, eprops=[kind, extra])

    def inn(v):
        return g.get_in_edges(v, eprops=[kind, extra])

    for subject in np.flatnonzero(~is_body):
        ie = inn(subject)
        members = ie[ie[:, 2] == 2][:, 0]
        if len(members) == 0:
            continue
        oe = out(subject)
        own = oe[oe[:, 2] == 0][:, 1]
        gov = set(int(b) for b in own)
        parents, stack = set(), [int(subject)]
        while stack:
            x = stack.pop()
            e = out(x)
            for p in e[e[:, 2] == 4][:, 1]:
                if int(p) not in parents:
                    parents.add(int(p))
                    stack.append(int(p))
        if parents:
            for b in own:
                for e in bfs_iterator(esc, int(b)):
                    t = int(e.target())
                    if int(owner_org[t]) in parents:
                        gov.add(t)
        holder = collections.defaultdict(int)
        for b in gov:
            bb = int(bits[b])
            e = inn(b)
            for h in e[e[:, 2] == 1][:, 0]:
                holder[int(h)] |= (1 << (bb & 15)) | (bb & 16)
        owners = set(int(u) for u in ie[ie[:, 2] == 5][:, 0])
        for s in members:
            s = int(s)
            pairs += 1
            dm = holder.get(s, 0) | (8 if s in owners else 0)
            dl = 0
            seen = {(s, -1)}
            queue = collections.deque([(s, -1)])
            first = True
            while queue:
                v, f = queue.popleft()
                e = out(v)
                if not first:
                    if f == -1:
                        dl |= holder.get(v, 0)
                    elif f in gov and np.any((e[:, 2] == 1) & (e[:, 1] == f)):
                        bb = int(bits[f])
                        dl |= (1 << (bb & 15)) | (bb & 16)
                first = False
                for _, r, k, body in e[e[:, 2] == 3]:
                    r, body = int(r), int(body)
                    if f != -1 and body != -1 and body != f:
                        continue
                    nf = f if f != -1 else body
                    if (r, -1) in seen or (r, nf) in seen:
                        continue
                    seen.add((r, nf))
                    queue.append((r, nf))
            dl &= ~dm
            for i in range(4):
                if dm >> i & 1:
                    direct_count[i] += 1
                elif dl >> i & 1:
                    delegated_count[i] += 1
    summarise(pairs, direct_count, delegated_count, t_load, time.perf_counter() - t0,
              "graph-tool " + gt.__version__.split()[0], time.process_time() - c0)


if __name__ == "__main__":
    path = sys.argv[1]
    which = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "both"
    if "--tool" in sys.argv:
        which = sys.argv[sys.argv.index("--tool") + 1]
    try:
        __import__({"networkx": "networkx", "graph-tool": "graph_tool"}.get(which, "networkx"))
    except ImportError as e:
        print(json.dumps({"status": "unavailable", "reason": str(e)}))
        sys.exit(77)
    t0 = time.perf_counter()
    rows = read_rows(path)
    if "--json" not in sys.argv:
        print(json.dumps({"csv_rows": len(rows), "read_s": round(time.perf_counter() - t0, 3)}))
    if which in ("networkx", "both"):
        run_networkx(rows)
    if which in ("graph-tool", "both"):
        run_graph_tool(rows)
