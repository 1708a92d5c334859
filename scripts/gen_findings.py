#!/usr/bin/env python3
"""Writes data/findings.json: the benchmark study's qualitative findings per organisation, each with the
study lines it rests on, from the digest ../shared/domain/findings.md (whose line references are the
study's, ../shared/seed/ipa-benchmark-study.sv.txt). Findings without a line reference ("not stated") are
left out. usage: gen_findings.py [DIGEST] OUT"""
import json, os, re, sys
src = open(sys.argv[1] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../shared/domain/findings.md'), encoding='utf-8').read().splitlines()
ids = {1: "business-region-orebro", 2: "business-region-skaraborg", 3: "business-region-varmland", 4: "invest-in-dalarna",
       5: "east-sweden-business-region", 6: "invest-in-halland", 7: "invest-in-norrbotten", 8: "high-coast-invest",
       9: "stockholm-business-alliance"}
kinds = {"Scope and focus": "scope", "Inquiry handling": "inquiry_handling", "Targets / KPIs": "target",
         "Agreements / NDAs": "agreements", "History": "history", "Other lessons": "lesson", "Strengths": "strength",
         "Weaknesses": "weakness", "Success factors": "success_factor"}
ref = re.compile(r"L(\d+)(?:[–-](\d+))?")
out = []
model = None
kind = None
def add(text):
    text = text.strip()
    lines = [{"from": int(a), "to": int(b or a)} for a, b in ref.findall(text)]
    if not lines or text.lower().startswith("not stated") or text.lower().startswith("none stated"):
        return
    out.append({"model": model, "kind": kind, "text": text, "lines": lines})
for l in src:
    m = re.match(r"## (\d+)\. ", l)
    if m:
        n = int(m.group(1)); model = ids.get(n); kind = None
        continue
    if model is None: continue
    for m in re.finditer(r"\*\*([^*]+)\*\*:? ?([^*]*)", l):
        h = m.group(1).strip()
        if h in kinds:
            kind = kinds[h]
            rest = m.group(2).strip()
            if rest: add(rest)
    if l.startswith("- ") and kind:
        add(l[2:])
# Corrections to the digest, checked against the study (docs/report-review.md): (model, first line) -> (kind, text).
corrections = {("business-region-skaraborg", 489): (
    "lesson", "The multi-level collaboration through Business Sweden works well (L489–491); the study gives this under "
              "\"Samverkan\", not among BRS's success factors (L519–534)."),
    # a report for officials cites the study, not the project's digest
    ("stockholm-business-alliance", 1767): (
    "history", "SBA has existed since 2006 (L1767); each municipality's politicians decide on membership, and the "
               "agreement is renewed every five years (L1783–1785).", [(1767, 1767), (1783, 1785)])}
for o in out:
    c = corrections.get((o["model"], o["lines"][0]["from"]))
    if c:
        o["kind"], o["text"] = c[0], c[1]
        if len(c) > 2: o["lines"] = [{"from": a, "to": b} for a, b in c[2]]
json.dump({"format": "orgmodel-findings/1",
           "source": "Benchmarkstudie på investeringsfrämjande organisationer (2024), ../shared/seed/ipa-benchmark-study.sv.txt; "
                     "English digest ../shared/domain/findings.md. Lines are the study's.",
           "findings": out}, open(sys.argv[-1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
from collections import Counter
print(len(out), Counter((o["model"][:12], o["kind"]) for o in out).most_common(5), file=sys.stderr)
print(Counter(o["kind"] for o in out), file=sys.stderr)
