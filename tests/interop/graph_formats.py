"""ctest interop.graph_formats: GraphML and CSV edge lists written by `orgmodel export` load in
NetworkX (read_graphml, read_edgelist), pandas (read_csv) and igraph (Graph.Read_GraphML) with the
counts and attributes of the model itself.

Expected values come from the model's canonical JSON (`orgmodel export MODEL`): vertices per layer
(organisations; plus bodies for governance; bodies only for escalation), one edge per seat, line,
holding, rule, membership or affiliation, names and kinds by id, equity bounds from the share
strings (exact fractions), amounts in öre from the decimal SEK strings. Exit 77 when a module is
missing (python3-networkx, python3-igraph, python3-pandas)."""
import io
import json
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

try:
    import igraph
    import networkx as nx
    import pandas as pd
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

LAYERS = ["governance", "escalation", "ownership", "funding", "membership", "affiliation"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def share_bounds(s):  # "1/52", "0.75" or {"minimum": …, "maximum": …} (docs/model-format.md)
    if isinstance(s, dict):
        return Fraction(s["minimum"]), Fraction(s["maximum"])
    return Fraction(s), Fraction(s)


def ore(amount):  # "4000000.00" SEK -> 400000000 öre, exactly
    whole, _, frac = amount.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return int(whole) * 100 + sign * int((frac + "00")[:2])


def expected(model):
    orgs = {o["id"]: o for o in model.get("organizations", [])}
    bodies = {b["id"]: b for b in model.get("bodies", [])}
    seats = sum(len(b.get("seats", [])) for b in bodies.values())
    edges = {"governance": seats, "escalation": len(model.get("escalations", [])),
             "ownership": len(model.get("ownerships", [])), "funding": len(model.get("funding_rules", [])),
             "membership": len(model.get("memberships", [])), "affiliation": len(model.get("affiliations", []))}
    vertices = {l: len(orgs) for l in LAYERS}
    vertices["governance"] = len(orgs) + len(bodies)
    vertices["escalation"] = len(bodies)
    return orgs, bodies, vertices, edges


def check_model(program, name, work):
    model = json.loads(run(program, "export", name))
    orgs, bodies, vertices, edges = expected(model)
    for layer in LAYERS:
        where = f"{name}/{layer}"
        gml = work / f"{name}.{layer}.graphml"
        gml.write_bytes(run(program, "export", name, "--to", "graphml", "--layer", layer))
        ecsv = run(program, "export", name, "--to", "csv", "--layer", layer)
        vcsv = run(program, "export", name, "--to", "csv", "--layer", layer, "--part", "vertices")

        g = nx.read_graphml(gml)
        check(g.is_directed(), f"{where}: networkx graph not directed")
        check(g.number_of_nodes() == vertices[layer], f"{where}: networkx {g.number_of_nodes()} nodes, want {vertices[layer]}")
        check(g.number_of_edges() == edges[layer], f"{where}: networkx {g.number_of_edges()} edges, want {edges[layer]}")
        for key, data in g.nodes(data=True):
            src = orgs if key.startswith("org:") else bodies
            ent = src.get(data.get("model_id"))
            check(ent is not None and key.split(":", 1)[1] == data["model_id"], f"{where}: node {key} not in the model")
            if ent is None:
                continue
            check(data.get("name") == ent["name"], f"{where}: name of {key}")
            if key.startswith("body:"):
                check(data.get("layer") == ent.get("layer", "executive"), f"{where}: layer of {key}")

        ig = igraph.Graph.Read_GraphML(str(gml))
        check(ig.is_directed(), f"{where}: igraph graph not directed")
        check(ig.vcount() == vertices[layer] and ig.ecount() == edges[layer],
              f"{where}: igraph {ig.vcount()}/{ig.ecount()}, want {vertices[layer]}/{edges[layer]}")
        want_names = sorted([o["name"] for o in orgs.values()] * (layer != "escalation") +
                            [b["name"] for b in bodies.values()] * (layer in ("governance", "escalation")))
        check(sorted(ig.vs["name"]) == want_names, f"{where}: igraph names")

        df = pd.read_csv(io.BytesIO(ecsv), keep_default_na=False)
        vdf = pd.read_csv(io.BytesIO(vcsv), keep_default_na=False)
        check(len(df) == edges[layer] and len(vdf) == vertices[layer], f"{where}: pandas {len(vdf)}/{len(df)} rows")
        check(set(df.columns) >= {"source", "target", "relation", "weight"}, f"{where}: CSV columns {list(df.columns)}")
        lines = ecsv.decode().splitlines()
        header = lines[0].split(",")
        cols = [(c, float if c in ("weight", "equity_low", "equity_high", "votes_low", "votes_high") else str) for c in header[2:]]
        if all('"' not in line for line in lines):  # read_edgelist cannot read quoted fields
            eg = nx.read_edgelist(lines[1:], delimiter=",", create_using=nx.MultiDiGraph, nodetype=str, data=cols)
            check(eg.number_of_edges() == edges[layer], f"{where}: read_edgelist {eg.number_of_edges()} edges")

        if layer == "ownership":
            want = sorted((("org:" + o["owner_id"], "org:" + o["organization_id"]) + share_bounds(o["share"]))
                          for o in model.get("ownerships", []))
            got = sorted((d.source, d.target, Fraction(d.equity_low).limit_denominator(10**6),
                          Fraction(d.equity_high).limit_denominator(10**6)) for d in df.itertuples())
            check(got == want, f"{where}: equity bounds differ")
            gm = sorted((u, v, Fraction(d["equity_low"]).limit_denominator(10**6)) for u, v, d in g.edges(data=True))
            check(gm == [w[:3] for w in want], f"{where}: graphml equity differs")
            check(all(e["relation"] == "ownership" for e in ig.es), f"{where}: igraph relation attribute")
        if layer == "funding":
            want = sorted((r["id"], ore(r.get("amount", "0")) if r.get("basis", "fixed") in ("fixed", "share_of_total") else None)
                          for r in model.get("funding_rules", []))
            got = sorted((d.rule, int(d.amount_ore) if d.amount_ore != "" else None) for d in df.itertuples())
            check(got == want, f"{where}: amounts in öre differ")
            gm = sorted((d["rule"], d.get("amount_ore")) for _, _, d in g.edges(data=True))
            check(gm == want, f"{where}: graphml amounts differ")
        if layer == "governance" and edges[layer]:
            kinds = {("org:" + k): o["classification"] for k, o in orgs.items()}
            kinds.update({("body:" + k): b["classification"] for k, b in bodies.items()})
            check(all(d.get("kind") == kinds[k] for k, d in g.nodes(data=True) if "kind" in d), f"{where}: kinds differ")
            check(sum(1 for v in ig.vs if v["type"] == "body") == len(bodies), f"{where}: igraph body count")


def main():
    program = sys.argv[1]
    models = sys.argv[2:] or ["invest-in-norrbotten", "high-coast-invest", "business-region-orebro", "stockholm-business-alliance"]
    with tempfile.TemporaryDirectory() as d:
        for m in models:
            check_model(program, m, Path(d))
    for f in failures:
        print("FAIL", f)
    print(f"{len(models)} models x {len(LAYERS)} layers: {'ok' if not failures else str(len(failures)) + ' failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
