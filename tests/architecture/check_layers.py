#!/usr/bin/env python3
"""The dependency rule of docs/architecture.md, checked on every header's #include lines.

    python3 check_layers.py [SOURCE_DIR]      # checks SOURCE_DIR/include/orgmodel; exit 1 on a breach
    python3 check_layers.py --self-check [SOURCE_DIR]

--self-check runs the check on a copy of the tree twice: as it is (must pass) and with forbidden
includes planted (must fail, naming each planted line), so the test is seen to be able to fail.
"""
import pathlib
import re
import shutil
import sys
import tempfile

# What each module may include besides itself (docs/architecture.md, "Dependencies").
# "root" is include/orgmodel/*.hpp: error.hpp, config.hpp, fwd.hpp, version.hpp (the core vocabulary).
ALLOWED = {
    "root": {"core", "model", "graph", "io", "data", "analysis", "scenario", "synth", "present", "report", "render"},
    "core": {"root"},
    "model": {"root", "core"},
    "graph": {"root", "core", "model"},
    "io": {"root", "core", "model", "graph"},
    "data": {"root", "core", "model", "io"},
    "analysis": {"root", "core", "model", "graph", "data"},
    "scenario": {"root", "core", "model", "graph", "data", "analysis"},
    "synth": {"root", "core", "model", "graph", "data", "analysis", "scenario"},
    "present": {"root", "core", "model", "graph", "io", "data", "analysis", "scenario", "synth"},
    "report": {"root", "core", "model", "graph", "io", "data", "analysis", "scenario", "present"},
    "render": {"root", "core", "model", "graph", "io", "data", "analysis", "scenario", "present", "report"},
    "distributed": {"root", "core", "model", "graph", "io", "data", "analysis", "synth"},
}
# Modules that may include a JSON library or the Boost Graph Library.
JSON_OK = {"io", "data", "present", "report", "render", "distributed"}
# Modules that reach no JSON library even through what they include (the umbrella, in the root,
# includes everything).
NO_JSON = {"core", "model", "graph", "analysis", "scenario", "synth"}
BGL_OK = {"graph", "io", "analysis", "scenario", "synth", "present", "report", "render", "distributed"}
# Reviewed exceptions, each with its reason: (header, included header).
EXCEPTIONS = {
    # The engines' flat networks as CSV (holdings, latency lists) are analysis inputs written and
    # read by io; analysis never includes io, so no cycle.
    ("io/network_csv.hpp", "analysis/decision_paths.hpp"),
    ("io/network_csv.hpp", "analysis/holding_network.hpp"),
    # The distributed engine reuses the single-process dense solver for the closed groups.
    ("distributed/ultimate_ownership.hpp", "analysis/detail/dense_inverse.hpp"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def module_of(rel):
    parts = rel.split("/")
    return "root" if len(parts) == 1 else parts[0]


def check(root):
    """Returns the breaches as lines "<header>: includes <what> (<why>)"."""
    base = pathlib.Path(root) / "include" / "orgmodel"
    problems = []
    headers = sorted(base.rglob("*.hpp"))
    if not headers:
        return [f"{base}: no headers found"]
    includes = {h.relative_to(base).as_posix(): INCLUDE.findall(h.read_text(encoding="utf-8")) for h in headers}
    json_path = {}  # header → a chain of includes by which it reaches a JSON library ("" when it does not)

    def reaches_json(rel, seen=()):
        if rel not in json_path:
            json_path[rel] = ""
            for inc in includes.get(rel, []):
                if inc.startswith("nlohmann/"):
                    json_path[rel] = inc
                    break
                if inc.startswith("orgmodel/") and inc[len("orgmodel/"):] not in seen:
                    via = reaches_json(inc[len("orgmodel/"):], seen + (rel,))
                    if via:
                        json_path[rel] = inc + " → " + via
                        break
        return json_path[rel]

    for h in headers:
        rel = h.relative_to(base).as_posix()
        mod = module_of(rel)
        if mod not in ALLOWED:
            problems.append(f"{rel}: module '{mod}' is not in the dependency rule")
            continue
        for inc in includes[rel]:
            if inc.startswith("orgmodel/"):
                target = inc[len("orgmodel/"):]
                tmod = module_of(target)
                if (rel, target) in EXCEPTIONS or tmod == mod:
                    continue
                # A module without JSON may include one with it (analysis → data) only where that
                # header reaches no JSON library: the parse cost comes along with the include.
                if mod in NO_JSON and tmod in JSON_OK and reaches_json(target):
                    problems.append(f"{rel}: includes {inc}, which reaches {reaches_json(target)} (no JSON library in '{mod}', not even through '{tmod}')")
                    continue
                if "/detail/" in target:
                    problems.append(f"{rel}: includes {inc} (detail of '{tmod}' used outside it)")
                elif tmod not in ALLOWED[mod]:
                    problems.append(f"{rel}: includes {inc} ('{mod}' may not depend on '{tmod}')")
            elif inc.startswith("nlohmann/") and mod not in JSON_OK:
                problems.append(f"{rel}: includes {inc} (no JSON library in '{mod}')")
            elif inc.startswith("boost/graph/") and mod not in BGL_OK:
                problems.append(f"{rel}: includes {inc} (no BGL in '{mod}')")
    return problems


def self_check(root):
    src = pathlib.Path(root) / "include" / "orgmodel"
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / "include" / "orgmodel"
        shutil.copytree(src, copy)
        clean = check(tmp)
        if clean:
            print("self-check: the unchanged tree should pass but fails:\n  " + "\n  ".join(clean))
            return 1
        planted = {
            "analysis/funding.hpp": '#include "orgmodel/present/table.hpp"',
            "model/model.hpp": "#include <nlohmann/json.hpp>",
            "io/json.hpp": '#include "orgmodel/report/report_section.hpp"',
            "scenario/templates.hpp": '#include "orgmodel/analysis/detail/rational.hpp"',
            "analysis/control.hpp": '#include "orgmodel/data/findings.hpp"',
        }
        for rel, line in planted.items():
            p = copy / rel
            p.write_text(p.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
        found = check(tmp)
        missed = [rel for rel in planted if not any(f.startswith(rel + ":") for f in found)]
        print("self-check: planted breaches reported as:\n  " + "\n  ".join(found))
        if missed or len(found) != len(planted):
            print("self-check FAILED: not reported exactly: " + ", ".join(missed or ["(extra reports)"]))
            return 1
    print("self-check: passes on the tree, fails on each planted include")
    return 0


def main(argv):
    args = [a for a in argv[1:] if a != "--self-check"]
    root = args[0] if args else str(pathlib.Path(__file__).resolve().parents[2])
    if "--self-check" in argv:
        return self_check(root)
    problems = check(root)
    for p in problems:
        print(p)
    print(f"{len(problems)} breach(es) of the dependency rule" if problems else "dependency rule holds")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
