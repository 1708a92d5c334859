"""ctest interop.linked_data: a bundled model read as JSON-LD with data/orgmodel.context.jsonld
gives W3C ORG organisations, posts and memberships (rdflib, python3-rdflib; exit 77 without it).

Expected counts are read from the model's JSON itself: every organisation and body is an
org:Organization, every seat an org:Post held by the organisation it is held for, every
membership an org:Membership linking member and organisation. Types follow from
data/orgmodel.vocab.ttl by RDFS rules 2, 3 and 9 (domain, range, subclass), applied here."""
import json
import sys
from pathlib import Path

try:
    import rdflib
    from rdflib.namespace import RDF, RDFS
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
BASE = "https://orgmodel.invalid/id/"


def rdfs_closure(g):
    """Adds the rdf:type triples of RDFS rules rdfs2 (domain), rdfs3 (range) and rdfs9 (subclass)."""
    while True:
        new = set()
        for p, c in g.subject_objects(RDFS.domain):
            new.update((s, RDF.type, c) for s, _ in g.subject_objects(p))
        for p, c in g.subject_objects(RDFS.range):
            new.update((o, RDF.type, c) for _, o in g.subject_objects(p) if not isinstance(o, rdflib.Literal))
        for x, c in g.subject_objects(RDF.type):
            new.update((x, RDF.type, sup) for sup in g.objects(c, RDFS.subClassOf))
        new -= set(g)
        if not new:
            return
        for t in new:
            g.add(t)


def main():
    root = Path(sys.argv[1])
    names = sys.argv[2:] or ["invest-in-norrbotten", "business-region-orebro"]
    context = json.loads((root / "data" / "orgmodel.context.jsonld").read_text())["@context"]
    failures = []
    for name in names:
        doc = json.loads((root / "data" / "models" / f"{name}.json").read_text())
        model = dict(doc)
        doc["@context"] = context
        g = rdflib.Graph()
        g.parse(data=json.dumps(doc), format="json-ld")
        g.parse(root / "data" / "orgmodel.vocab.ttl", format="turtle")
        rdfs_closure(g)

        def check(cond, what):
            if not cond:
                failures.append(f"{name}: {what}")

        orgs = {BASE + o["id"] for o in model.get("organizations", [])}
        bodies = {BASE + b["id"] for b in model.get("bodies", [])}
        found = {str(s) for s in g.subjects(RDF.type, ORG.Organization)}
        check(found == orgs | bodies, f"org:Organization: {len(found)} found, want {len(orgs | bodies)}")
        # kinds become classes: a company is an org:FormalOrganization, a partnership (no legal
        # person of its own) an org:OrganizationalCollaboration
        collab = {str(s) for s in g.subjects(RDF.type, ORG.OrganizationalCollaboration)}
        formal = {str(s) for s in g.subjects(RDF.type, ORG.FormalOrganization)}
        for o in model.get("organizations", []):
            if o["classification"] == "partnership":
                check(BASE + o["id"] in collab and BASE + o["id"] not in formal, f"{o['id']} is not a collaboration")
            if o["classification"] in ("company", "municipality", "region"):
                check(BASE + o["id"] in formal, f"{o['id']} is not a formal organisation")
        for b in model.get("bodies", []):
            check((rdflib.URIRef(BASE + b["id"]), ORG.unitOf, rdflib.URIRef(BASE + b["organization_id"])) in g,
                  f"{b['id']} org:unitOf {b['organization_id']}")

        seats = [(b["id"], s) for b in model.get("bodies", []) for s in b.get("seats", [])]
        posts = set(g.subjects(RDF.type, ORG.Post))
        check(len(posts) == len(seats), f"org:Post: {len(posts)} found, want {len(seats)}")
        held = sorted(str(o) for p in posts for o in g.objects(p, ORG.heldBy))
        check(held == sorted(BASE + s["on_behalf_of_id"] for _, s in seats), "org:heldBy differs")
        in_body = sorted(str(b) for p in posts for b in g.subjects(ORG.hasPost, p))
        check(in_body == sorted(BASE + b for b, _ in seats), "org:hasPost differs")

        members = model.get("memberships", [])
        ms = set(g.subjects(RDF.type, ORG.Membership))
        check(len(ms) == len(members), f"org:Membership: {len(ms)} found, want {len(members)}")
        pairs = sorted((str(g.value(m, ORG.member)), str(g.value(m, ORG.organization))) for m in ms)
        check(pairs == sorted((BASE + m["member_id"], BASE + m["organization_id"]) for m in members), "membership pairs differ")
        print(f"{name}: {len(found)} organisations, {len(posts)} posts, {len(ms)} memberships, {len(g)} triples")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
