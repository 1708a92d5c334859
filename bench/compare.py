#!/usr/bin/env python3
"""Prints orgmodel's CPU time per benchmark and size for two result directories of bench/run.py
(this checkout's and another commit's, as `scripts/bench.sh --compare REV` leaves them), with
the ratio old ÷ new and whether the checksums agree.

    bench/compare.py bench/results bench/results/compare-<rev>
"""
import glob
import json
import os
import sys


def times(d):
    out = {}
    for path in glob.glob(os.path.join(d, "*.orgmodel.json")):
        doc = json.load(open(path))
        for r in doc["runs"]:
            for b in r.get("benchmarks", []):
                key = (doc["analysis"], b["name"], r["size"])
                out[key] = (b["cpu_s"], {k: b["counters"].get(k) for k in doc["checksum_keys"]})
    return out, json.load(open(os.path.join(d, "run.json")))


def main(new_dir, old_dir):
    new, new_meta = times(new_dir)
    old, old_meta = times(old_dir)
    print(f"new: {new_dir} (commit {new_meta['commit']}, load {new_meta['load_at_start']:.2f})")
    print(f"old: {old_dir} (commit {old_meta['commit']}, load {old_meta['load_at_start']:.2f})")
    print(f"{'analysis':10} {'benchmark':28} {'size':>9} {'old CPU':>10} {'new CPU':>10} {'old/new':>8}  checksum")
    for key in sorted(set(new) & set(old)):
        (n, nc), (o, oc) = new[key], old[key]
        agree = "same" if all(nc[k] is not None and oc[k] is not None and abs(nc[k] - oc[k]) <= 1e-6 * max(1, abs(oc[k]))
                              for k in nc if nc[k] is not None or oc[k] is not None) else "DIFFERS"
        print(f"{key[0]:10} {key[1]:28} {key[2]:>9} {o * 1e3:>8.2f}ms {n * 1e3:>8.2f}ms {o / n if n else 0:>7.2f}×  {agree}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(64)
    sys.exit(main(sys.argv[1], sys.argv[2]))
