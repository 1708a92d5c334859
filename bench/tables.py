#!/usr/bin/env python3
"""Writes bench/README.md's generated tables and one SVG plot per analysis from the raw results
that bench/run.py leaves in bench/results/ (standard library only; the plots are drawn here).

    bench/tables.py [--results bench/results] [--readme bench/README.md] [--plots bench/results/plots]

Only the text between `<!-- generated:begin -->` and `<!-- generated:end -->` in the README is
replaced; everything else in it is prose kept as written. Never edit the generated part by hand.
"""
import argparse
import glob
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- generated:begin -->", "<!-- generated:end -->"
# Tool order, line styles (dash patterns and markers tell them apart in greyscale).
STYLE = {
    "orgmodel": ("#000000", "", "circle"),
    "networkx": ("#555555", "8 4", "square"),
    "igraph": ("#333333", "2 3", "triangle"),
    "graph-tool": ("#777777", "10 3 2 3", "diamond"),
}


def load(results):
    runs = {}
    for path in sorted(glob.glob(os.path.join(results, "*.*.json"))):
        with open(path) as f:
            doc = json.load(f)
        runs.setdefault(doc["analysis"], {})[doc["tool"]] = doc
    meta = None
    if os.path.exists(os.path.join(results, "run.json")):
        with open(os.path.join(results, "run.json")) as f:
            meta = json.load(f)
    return runs, meta


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def fmt_mib(m):
    return "—" if m is None else (f"{m:.0f} MiB" if m < 10240 else f"{m / 1024:.1f} GiB")


def fmt_size(n):
    e = round(math.log10(n))
    return f"10^{e}" if 10**e == n else f"{n:,}".replace(",", " ")


def same(a, b):
    """Checksums agree: integers exactly, reals to 1e-6 relative."""
    if a is None or b is None:
        return False
    if float(a).is_integer() and float(b).is_integer():
        return int(a) == int(b)
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def bench_of(run, name):
    for b in run.get("benchmarks", []):
        if b["name"] == name:
            return b
    return None


def table(analysis, tools, loaded):
    om = tools["orgmodel"]
    peers = [t for t in ("networkx", "igraph", "graph-tool") if t in tools]
    mark = " (loaded)" if loaded else ""
    lines = [f"### {om['title']}", ""]
    # orgmodel alone: every benchmark of the analysis.
    names = []
    for r in om["runs"]:
        for b in r.get("benchmarks", []):
            if b["name"] not in names:
                names.append(b["name"])
    lines.append(f"| {om['unit']} (nominal) | exact | " + " | ".join(f"`{n}` CPU / wall" for n in names)
                 + " | peak memory of the process |")
    lines.append("|---|---:|" + "---:|" * len(names) + "---:|")
    for r in om["runs"]:
        cells = []
        exact = ""
        for n in names:
            b = bench_of(r, n)
            cells.append(f"{fmt_time(b['cpu_s'])} / {fmt_time(b['wall_s'])}{mark}" if b else "—")
            if b and not exact:
                for k in ("bodies", "rules", "entities"):
                    if k in b["counters"]:
                        exact = f"{int(b['counters'][k]):,}".replace(",", " ")
                        break
        status = "" if r["returncode"] == 0 else f" (exit {r['returncode']})"
        lines.append(f"| {fmt_size(r['size'])}{status} | {exact} | " + " | ".join(cells) + f" | {fmt_mib(r['process_peak_mib'])} |")
    lines.append("")
    lines.append(", ".join(f"`{n}`: {om['runs'][0]['benchmarks'][i]['label']}" for i, n in enumerate(names)
                           if om["runs"] and i < len(om["runs"][0].get("benchmarks", []))) + ".")
    lines.append("")
    if not peers:
        return lines
    comp = om["compare"]
    lines.append(f"Side by side (CPU time of the computation alone, `{comp}` for orgmodel; peers: "
                 "`time.process_time()` around their call; peak memory: the whole process, loading included; "
                 "ratio = peer CPU ÷ orgmodel CPU; checksum: " + ", ".join(om["checksum_keys"]) + "):")
    lines.append("")
    lines.append(f"| {om['unit']} | orgmodel CPU | " + " | ".join(f"{p} CPU | ratio | peak memory | checksum" for p in peers) + " |")
    lines.append("|---|---:|" + "---:|---:|---:|:---:|" * len(peers))
    for r in om["runs"]:
        b = bench_of(r, comp)
        if not b:
            continue
        cells = []
        for p in peers:
            pr = next((x for x in tools[p]["runs"] if x["size"] == r["size"]), None)
            if pr is None or pr.get("status") != "ok":
                why = pr["reason"] if pr and "reason" in pr else "not run"
                cells.append(f"{why} | | |")
                continue
            ratio = pr["cpu_s"] / b["cpu_s"] if b["cpu_s"] > 0 else float("nan")
            agree = all(same(b["counters"].get(k), pr["checksum"].get(k)) for k in om["checksum_keys"])
            cells.append(f"{fmt_time(pr['cpu_s'])}{mark} | {ratio:.1f}× | {fmt_mib(pr.get('process_peak_mib'))} | "
                         + ("same" if agree else "**differs**"))
        lines.append(f"| {fmt_size(r['size'])} | {fmt_time(b['cpu_s'])}{mark} | " + " | ".join(cells) + " |")
    versions = om["versions"]
    lines.append("")
    lines.append("Peers: " + ", ".join(f"{p} {versions.get(p, '?')}" for p in peers)
                 + f"; each peer run limited to {tools[peers[0]]['peer_limit_s']:.0f} s (larger sizes skipped).")
    lines.append("")
    return lines


def svg_plot(analysis, tools, path):
    """Log–log plot of CPU time against size, one line per tool (dash pattern + marker per tool)."""
    series = []
    om = tools["orgmodel"]
    pts = []
    for r in om["runs"]:
        b = bench_of(r, om["compare"])
        if b and b["cpu_s"] > 0:
            pts.append((r["size"], b["cpu_s"]))
    series.append(("orgmodel", pts))
    for p in ("networkx", "igraph", "graph-tool"):
        if p in tools:
            pts = [(x["size"], x["cpu_s"]) for x in tools[p]["runs"] if x.get("status") == "ok" and x["cpu_s"] > 0]
            series.append((p, pts))
    allpts = [q for _, s in series for q in s]
    if not allpts:
        return False
    W, H, L, R, T, B = 640, 420, 80, 150, 40, 60
    x0 = math.floor(math.log10(min(p[0] for p in allpts)))
    x1 = max(x0 + 1, math.ceil(math.log10(max(p[0] for p in allpts))))
    y0 = math.floor(math.log10(min(p[1] for p in allpts)))
    y1 = max(y0 + 1, math.ceil(math.log10(max(p[1] for p in allpts))))
    sx = lambda v: L + (math.log10(v) - x0) / (x1 - x0) * (W - L - R)
    sy = lambda v: H - B - (math.log10(v) - y0) / (y1 - y0) * (H - T - B)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         'font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2 - R / 2}" y="22" text-anchor="middle" font-size="14">{om["title"]}</text>']
    for e in range(x0, x1 + 1):
        x = sx(10**e)
        o.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#dddddd"/>')
        o.append(f'<text x="{x:.1f}" y="{H - B + 18}" text-anchor="middle">10<tspan dy="-6" font-size="9">{e}</tspan></text>')
    for e in range(y0, y1 + 1):
        y = sy(10**e)
        o.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#dddddd"/>')
        o.append(f'<text x="{L - 8}" y="{y + 4:.1f}" text-anchor="end">{fmt_time(10**e)}</text>')
    o.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="black"/>')
    o.append(f'<text x="{(L + W - R) / 2}" y="{H - 15}" text-anchor="middle">size ({om["unit"]}, log scale)</text>')
    o.append(f'<text transform="translate(18 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">CPU time (log scale)</text>')

    def marker(kind, x, y, colour):
        if kind == "circle":
            return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
        if kind == "square":
            return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="white" stroke="{colour}" stroke-width="1.5"/>'
        if kind == "triangle":
            return f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z" fill="{colour}"/>'
        return f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z" fill="white" stroke="{colour}" stroke-width="1.5"/>'

    for i, (name, pts) in enumerate(series):
        colour, dash, kind = STYLE.get(name, ("#000000", "", "circle"))
        if len(pts) > 1:
            d = " ".join(f"{'M' if k == 0 else 'L'}{sx(a):.1f} {sy(b):.1f}" for k, (a, b) in enumerate(pts))
            o.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"'
                     + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        for a, b in pts:
            o.append(marker(kind, sx(a), sy(b), colour))
        ly = T + 10 + 22 * i
        lx = W - R + 12
        o.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 30}" y2="{ly}" stroke="{colour}" stroke-width="2"'
                 + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        o.append(marker(kind, lx + 15, ly, colour))
        o.append(f'<text x="{lx + 36}" y="{ly + 4}">{name}</text>')
    o.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(o) + "\n")
    return True


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--results", default=os.path.join(ROOT, "bench", "results"))
    ap.add_argument("--readme", default=os.path.join(ROOT, "bench", "README.md"))
    ap.add_argument("--plots", default=None, help="default RESULTS/plots")
    args = ap.parse_args(argv)
    plots = args.plots or os.path.join(args.results, "plots")
    runs, meta = load(args.results)
    if not runs or meta is None:
        print(f"no results in {args.results} (run scripts/bench.sh first)", file=sys.stderr)
        return 1
    os.makedirs(plots, exist_ok=True)
    loaded = meta["loaded"]
    m, v = meta["machine"], meta["versions"]
    results_abs = os.path.abspath(args.results)
    results_shown = os.path.relpath(results_abs, ROOT) if results_abs.startswith(ROOT + os.sep) else results_abs
    out = [BEGIN, "",
           f"_Generated by `bench/tables.py` from the raw results in `{results_shown}/` — do not edit by hand; "
           "`scripts/bench.sh` regenerates it._", ""]
    if meta.get("quick"):
        out += ["> **Quick run (`--quick`): small sizes only, for testing the suite — not the project's figures.**", ""]
    if loaded:
        out += [f"> **Loaded machine:** load average {meta['load_at_start']:.2f} at the start, "
                f"{meta.get('load_at_end', float('nan')):.2f} at the end"
                + (f"; busy: {', '.join(meta['busy_processes_at_start'])}" if meta['busy_processes_at_start'] else "")
                + ". Every figure below is marked (loaded); compare CPU times, not wall times.", ""]
    out += [f"Run {meta['date']}, commit {meta['commit']}. Machine: {m['cpu']}, {m['cores']} cores, "
            f"{m['ram_gib']} GiB RAM, {m['os']} (Linux {m['kernel']}). "
            f"Versions: g++ {v['g++']}, Boost {v['boost']}, Google Benchmark {v['google-benchmark']}, "
            f"{v['python']}, NetworkX {v['networkx']}, python3-igraph {v['igraph']}, graph-tool {v['graph-tool']}, "
            f"NumPy {v['numpy']}, SciPy {v['scipy']}. Load average at the start {meta['load_at_start']:.2f}.", ""]
    for name in meta["analyses"]:
        tools = runs.get(name)
        if not tools or "orgmodel" not in tools:
            continue
        out += table(name, tools, loaded)
        plot = os.path.join(plots, f"bench-{name}.svg")
        if svg_plot(name, tools, plot):
            rel = os.path.relpath(plot, os.path.dirname(os.path.abspath(args.readme)))
            out += [f"![{tools['orgmodel']['title']}: CPU time against size, log–log]({rel})", ""]
    out.append(END)
    text = open(args.readme).read() if os.path.exists(args.readme) else ""
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + "\n".join(out) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Generated figures\n\n" + "\n".join(out) + "\n"
    with open(args.readme, "w") as f:
        f.write(text)
    print(f"wrote {args.readme} and {len(meta['analyses'])} plots in {plots}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
