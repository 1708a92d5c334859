#!/usr/bin/env python3
"""Writes the bundled benchmark models (data/models/*.json) from the facts of the benchmark study.

Every fact below comes from the study (digest: ../shared/domain/facts.md, original:
../shared/seed/ipa-benchmark-study.sv.txt) or from SCB's population table shipped in data/scb/.
Where the study is silent a field is left out, or an "unknown" list names what is missing, or a
documented default carries provenance "assumed" with a note. data/models/README.md lists them all.

The output is a draft: `scripts/gen_models.sh` (or `orgmodel export <file> --to json`) rewrites each
file in the library's canonical form, so the committed files round-trip byte-identically.

usage: gen_models.py OUTDIR
"""
import csv
import json
import os
import sys
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = ("Benchmarkstudie på investeringsfrämjande organisationer (study for Västmanland, 2024), "
          "interviews with nine IPAs; population: SCB, Folkmängd 31 december 2023")
POP_NOTE = None  # municipality and region populations: SCB 2023, provenance "derived"
STUDY_YEAR = 2024

MUNIS = {}
COUNTIES = {}
with open(os.path.join(ROOT, "data/scb/se_municipalities_2023.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        MUNIS[r["name"]] = r
with open(os.path.join(ROOT, "data/scb/se_counties_2023.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        COUNTIES[r["county_code"]] = r


def slug(name):
    """A municipality's id, as data::municipality_id: the folded name, with "-<SCB code>" when two
    municipalities fold to the same id (Håbo and Habo: "habo-0305", "habo-0643")."""
    s = fold(name)
    if name in MUNIS and sum(1 for n in MUNIS if fold(n) == s) > 1:
        s += "-" + MUNIS[name]["code"]
    return s


def fold(name):
    out = []
    for ch in name:
        if ch in "åäÅÄ":
            out.append("a")
        elif ch in "öÖ":
            out.append("o")
        elif ch in "éÉ":
            out.append("e")
        elif ch == " ":
            out.append("-")
        else:
            out.append(ch.lower())
    return "".join(out)


# Municipality names that alone would be read as the town, the county or the region: the study
# writes "Örebro kommun" (L122-124) beside "Region Örebro län" (issue #11 item 9).
DISPLAY_NAMES = {"Örebro": "Örebro kommun"}


def muni(name, note=None):
    r = MUNIS[name]
    o = {"id": slug(name), "name": DISPLAY_NAMES.get(name, r["name"]), "classification": "municipality",
         "population": int(r["population"]), "population_year": 2023, "county": r["county_code"],
         "code": r["code"], "provenance": "derived"}
    if note:
        o["note"] = note
    return o


def county_code(county_name):
    for c, r in COUNTIES.items():
        if r["county"] == county_name:
            return c
    raise KeyError(county_name)


def region(rid, name, county_name, note=None):
    c = county_code(county_name)
    o = {"id": rid, "name": name, "classification": "region",
         "population": int(COUNTIES[c]["population"]), "population_year": 2023, "county": c,
         "provenance": "derived"}
    if note:
        o["note"] = note
    return o


def org(oid, name, kind, **kw):
    o = {"id": oid, "name": name, "classification": kind}
    o.update(kw)
    return o


def body(bid, name, kind, lay, org_id, seats=None, **kw):
    b = {"id": bid, "name": name, "classification": kind, "layer": lay, "organization_id": org_id}
    b.update(kw)
    if seats:
        b["seats"] = seats
    return b


def seat(holder, role, chair=False, **kw):
    s = {"on_behalf_of_id": holder, "role": role}
    if chair:
        s["chair"] = True
    s.update(kw)
    return s


def model(mid, name, description, orgs, bodies, **rel):
    d = {"format": "orgmodel/1", "id": mid, "name": name, "currency": "SEK",
         "description": description, "source": SOURCE, "organizations": orgs, "bodies": bodies}
    if rel.get("decision_classes"):
        d["decision_classes"] = rel["decision_classes"]
    for k in ("affiliations", "escalations", "ownerships", "funding_rules", "memberships",
              "representations", "budgets"):
        if rel.get(k):
            d[k] = rel[k]
    return d


def members_of(names, org_id, kind="member", **kw):
    out = []
    for n in names:
        m = {"member_id": slug(n), "organization_id": org_id}
        if kind != "member":
            m["classification"] = kind
        m.update(kw)
        out.append(m)
    return out


MODELS = {}

# ---------------------------------------------------------------- Business Region Örebro (1A)
BRO_MUNIS = ["Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå",
             "Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro"]
MODELS["business-region-orebro"] = model(
    "business-region-orebro", "Business Region Örebro",
    "Model 1A: shared responsibility of the 12 municipalities of Örebro län and Region Örebro län, "
    "with a municipal host (Örebro kommun). Permanent since 2015-01-01.",
    [org("business-region-orebro", "Business Region Örebro", "partnership", model_category="1A",
         can_sign_agreements=False,
         note="Cannot sign agreements, non-disclosure agreements included: it is bound by Örebro "
              "kommun's procurement rules. Permanent since 2015-01-01. Regional partner of Business "
              "Sweden; partners Örebro universitet and Handelskammaren Mälardalen. No KPIs by choice.")]
    + [region("region-orebro", "Region Örebro län", "Örebro län")]
    + [muni(n) for n in BRO_MUNIS],
    [body("bro-management-group", "Ledningsgrupp", "management_group", "operative", "business-region-orebro",
          [seat(slug(n), "business_development_manager") for n in BRO_MUNIS]
          + [seat("region-orebro", "owner_representative", note="Region Örebro län sits in the management group as owner")],
          mandates=["operational_plan"],
          note="Operative steering (the study's words); read as the operational plan and its follow-up.",
          unknown=["meetings_per_year", "decision_rule"]),
     body("bro-steering-group", "Styrgrupp", "steering_group", "political", "business-region-orebro",
          [seat(slug(n), "executive_board_chair") for n in BRO_MUNIS]
          + [seat("region-orebro", "regional_councillor", chair=True,
                  note="A regional councillor (regionråd) who chairs Region Örebro län's regional growth committee")],
          meetings_per_year=4, mandates=["strategy"],
          note="Mainly an anchoring body, with the political mandate to decide when needed (L138-143: "
               "'har politiskt mandat att ta beslut om behov skulle uppstå'). The study names no class of "
               "matters: the model reads that mandate as strategy.",
          unknown=["decision_rule"]),
     body("region-orebro-growth-committee", "Nämnden för regional tillväxt", "committee", "political",
          "region-orebro", mandates=["strategy", "budget"], meetings_per_year=1,
          note="Region Örebro län's regional growth committee: prepares and decides regional growth "
               "matters. BRO's matters reach it once a year, with the working group's yearly report "
               "(study L146-149), so its cadence here is that report's; how often the committee itself "
               "meets is not given. Its budget mandate is inferred from the region matching the "
               "municipalities' money (L232-233), not stated.",
          unknown=["seats", "how often the committee itself meets"]),
     body("bro-team", "Arbetsteam", "operative_team", "operative", "business-region-orebro",
          mandates=["daily_operations"], staff=4,
          note="Operations lead, marketing/communications, investment adviser, investment manager; "
               "works on a clear assignment without political anchoring of daily operations.")],
    affiliations=[{"organization_id": "business-region-orebro", "parent_id": "orebro", "classification": "hosted_by",
                   "note": "Örebro kommun is employer and provides the workplace, but does not lead BRO."}],
    escalations=[
        {"from_id": "bro-team", "to_id": "bro-management-group",
         "note": "The team reports its activities to the management group continuously."},
        {"from_id": "bro-management-group", "to_id": "bro-steering-group"},
        {"from_id": "bro-team", "to_id": "region-orebro-growth-committee",
         "note": "Study L146-149: \"Arbetsgruppen avrapporterar en gång per år för Region Örebro läns regionala tillväxtnämnd\". The study calls the operative team \"arbetsgruppen\" (L252, L294), so the yearly report goes from the team, not from the steering group (review of the report, docs/report-review.md)."}],
    ownerships=[{"owner_id": "region-orebro", "organization_id": "business-region-orebro", "share": "1",
                 "provenance": "assumed",
                 "note": "The study calls Region Örebro län BRO's owner (ägare). BRO has no equity of its "
                         "own; the whole share records the owner role."}],
    funding_rules=[{"id": "bro-fee-" + slug(n), "payer_id": slug(n), "recipient_id": "business-region-orebro",
                    "basis": "per_inhabitant", "rate": "10.00", "group": "bro-municipal-fees", "purpose": "base"}
                   for n in BRO_MUNIS]
    + [{"id": "bro-region-matching", "payer_id": "region-orebro", "recipient_id": "business-region-orebro",
        "basis": "matching", "ratio": "1", "matches": "bro-municipal-fees", "purpose": "base",
        "note": "Region Örebro län matches the municipalities' fees with the same sum."}],
    memberships=members_of(BRO_MUNIS, "business-region-orebro"),
    budgets=[{"organization_id": "business-region-orebro", "year": STUDY_YEAR, "amount": "6000000.00",
              "provenance": "assumed",
              "note": "Base funding of 6 MSEK a year (L230-231); no year given, the study's year (2024) is assumed."}],
)

# ---------------------------------------------------------------- Business Region Skaraborg (1B)
BRS_MUNIS = ["Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo", "Karlsborg", "Lidköping",
             "Mariestad", "Skara", "Skövde", "Tibro", "Tidaholm", "Töreboda", "Vara"]
# The 49 municipalities of Västra Götaland finance BRS's sub-regional development funds per inhabitant.
VG_MUNIS = [r["name"] for r in MUNIS.values() if r["county_code"] == "14"]
VG_POP = int(COUNTIES["14"]["population"])
assert len(VG_MUNIS) == 49 and sum(int(MUNIS[n]["population"]) for n in VG_MUNIS) == VG_POP
brs_partners = [
    ("science-park-skovde", "Science Park Skövde"), ("agrovast", "Agroväst"),
    ("idc-west-sweden", "IDC West Sweden"), ("vastsvenska-handelskammaren", "Västsvenska handelskammaren"),
    ("hogskolan-i-skovde", "Högskolan i Skövde")]
brs_kinds = {"vastsvenska-handelskammaren": "chamber_of_commerce", "hogskolan-i-skovde": "university"}
MODELS["business-region-skaraborg"] = model(
    "business-region-skaraborg", "Business Region Skaraborg",
    "Model 1B: shared responsibility with a sub-regional host: a unit of Skaraborgs kommunalförbund "
    "(the association of Skaraborg's 15 municipalities, sub-region of Västra Götaland). Started 2018-09 "
    "as a project, now permanent.",
    [org("business-region-skaraborg", "Business Region Skaraborg", "unit", model_category="1B",
         note="Started in September 2018 as a project (owner Skaraborgs kommunalförbund, part-financed by "
              "Västra Götalandsregionen); all project targets met; now permanent. Partner of Business Sweden."),
     org("skaraborgs-kommunalforbund", "Skaraborgs kommunalförbund", "municipal_association",
         note="Has had a directorate instead of a council since 2019."),
     region("region-vastra-gotaland", "Västra Götalandsregionen", "Västra Götalands län")]
    + [muni(n) for n in BRS_MUNIS]
    + [muni(n, note="Finances BRS's sub-regional development funds per inhabitant (study L493-497); no seat, "
                    "not a member.") for n in VG_MUNIS if n not in BRS_MUNIS]
    + [org(i, n, brs_kinds.get(i, "other"), note="Represented on BRS's steering group.") for i, n in brs_partners]
    + [org("livet-i-skaraborg", "Livet i Skaraborg", "unit",
           note="Study L366-369: a permanent operation under Skaraborgs kommunalförbund that shares BRS's steering group and sits on it.")]
    + [org("brs-chief-executives", "Some municipal chief executives (not named)", "unknown_group",
           note="The study says 'some' municipal chief executives sit on the steering group without naming them.")],
    [body("brs-directorate", "Direktion", "directorate", "political", "skaraborgs-kommunalforbund",
          [seat(slug(n), "directorate_member") for n in BRS_MUNIS],
          mandates="all", note="The association's highest decision body since 2019: 15 members, one per member municipality.",
          unknown=["meetings_per_year", "decision_rule"]),
     body("brs-steering-group", "Styrgrupp", "steering_group", "executive", "business-region-skaraborg",
          [seat("skaraborgs-kommunalforbund", "association_representative"),
           seat("brs-chief-executives", "chief_executive")]
          + [seat(i, "representative") for i, _ in brs_partners]
          + [seat("livet-i-skaraborg", "representative", note="Study L366-369: \"Livet i Skaraborg [...] har samma styrgrupp och är också med i styrgruppen\"."),
             seat("business-region-skaraborg", "establishment_manager", votes=0, provenance="assumed",
                  note="Without a vote (assumed: staff of BRS itself; the study does not say who votes). Study L369-370: \"liksom etableringsansvariga på Business Region Skaraborg\"; how many is not given."),
             seat("skaraborgs-kommunalforbund", "communicator", votes=0, provenance="assumed",
                  note="Without a vote (assumed: a member of the kommunalförbund's staff; the study does not say who votes). Study L370-371: \"och en kommunikatör från Skaraborgs kommunalförbund\".")],
          meetings_per_year=4, mandates=["operational_plan"],
          note="Owns the operational plan and its follow-up; shared with Livet i Skaraborg.",
          unknown=["chair", "decision_rule", "number of seats per member"]),
     body("brs-business-managers-network", "Nätverk för näringslivschefer", "network", "operative",
          "business-region-skaraborg", [seat(slug(n), "business_development_manager") for n in BRS_MUNIS],
          meetings_per_year=[8, 9], provenance="estimated",
          note="Meets about every 6 weeks (≈ 8.7 times a year). Inquiries go to the municipalities' business managers."),
     body("brs-team", "Arbetsteam", "operative_team", "operative", "business-region-skaraborg",
          mandates=["daily_operations"], staff=2,
          note="Plus one person from an ERUF project started 2023-09-01 with Business Region Göteborg, "
               "Business Region Borås and Position Väst.")],
    affiliations=[{"organization_id": "business-region-skaraborg", "parent_id": "skaraborgs-kommunalforbund",
                   "classification": "part_of",
                   "note": "Under the association's development area and regional development unit."}],
    escalations=[
        {"from_id": "brs-team", "to_id": "brs-steering-group", "provenance": "assumed",
         "note": "The study does not describe the line; the steering group owns the operational plan."},
        {"from_id": "brs-steering-group", "to_id": "brs-directorate", "provenance": "assumed",
         "note": "The study does not describe the line; the directorate is the highest decision body."}],
    funding_rules=[{"id": "brs-subregional-funds-" + slug(n), "payer_id": slug(n),
                    "recipient_id": "business-region-skaraborg", "basis": "share_of_total", "amount": "3000000.00",
                    "ratio": f"{MUNIS[n]['population']}/{VG_POP}", "group": "brs-subregional-funds",
                    "purpose": "base", "provenance": "derived",
                    "note": "Sub-regional development funds (delregionala utvecklingsmedel): 3 MSEK a year, financed "
                            "per inhabitant by the 49 municipalities of Västra Götaland (study L493-497); each pays "
                            "its population's share of the total (SCB 2023). Skaraborgs kommunalförbund decides how "
                            "the part going to BRS is used."}
                   for n in VG_MUNIS],
    memberships=members_of(BRS_MUNIS, "business-region-skaraborg"),
)

# ---------------------------------------------------------------- Business Region Värmland (1B)
BRV_MUNIS = ["Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil",
             "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng"]
brv_fees = []
for year, rate in ((2023, "4.00"), (2024, "6.00"), (2025, "8.00")):
    for n in BRV_MUNIS:
        brv_fees.append({"id": f"brv-fee-{year}-{slug(n)}", "payer_id": slug(n),
                         "recipient_id": "business-region-varmland", "basis": "per_inhabitant", "rate": rate,
                         "group": "brv-municipal-fees", "year_from": year, "year_to": year, "purpose": "base"})
MODELS["business-region-varmland"] = model(
    "business-region-varmland", "Business Region Värmland",
    "Model 1B: shared responsibility of the 16 municipalities of Värmlands län and Region Värmland, "
    "with a regional host. Started early 2023 on an agreement adopted by every municipal council and "
    "the regional council (4 years, renewed unless terminated).",
    [org("business-region-varmland", "Business Region Värmland", "unit", model_category="1B",
         note="Before 2023: the project 'Business Värmland' until 2021 (Region Värmland and ERUF). Regional "
              "partner of Business Sweden."),
     region("region-varmland", "Region Värmland", "Värmlands län")]
    + [muni(n) for n in BRV_MUNIS],
    [body("brv-steering-group", "Politisk styrgrupp", "steering_group", "political", "business-region-varmland",
          [seat("region-varmland", "executive_board_chair", chair=True,
                note="Chair of Region Värmland's regional executive board")]
          + [seat(slug(n), "executive_board_chair") for n in BRV_MUNIS]
          + [seat("region-varmland", "regional_development_committee_chair"),
             seat("region-varmland", "regional_development_committee_vice_chair")],
          meetings_per_year=[2, 3],
          note="Takes positions on the operations, e.g. operational plan and budget; Region Värmland then "
               "makes the formal decisions. No mandate of its own.",
          unknown=["decision_rule"]),
     body("region-varmland-decision", "Region Värmland (formal decisions)", "executive_board", "political",
          "region-varmland", mandates="all",
          note="The study says Region Värmland makes the decisions BRV needs, on the steering group's "
               "positions, without naming the body.",
          unknown=["which regional body decides", "seats", "meetings_per_year"]),
     body("brv-working-group", "Arbetsgrupp", "working_group", "executive", "business-region-varmland",
          [seat(slug(n), "chief_executive") for n in BRV_MUNIS]
          + [seat("region-varmland", "regional_director"), seat("region-varmland", "deputy_regional_director"),
             seat("region-varmland", "development_director")],
          meetings_per_year=4, note="Creates the conditions for carrying out BRV's operational plan.",
          unknown=["chair", "decision_rule"]),
     body("brv-reference-group", "Referensgrupp (NAV-nätverket)", "reference_group", "operative",
          "business-region-varmland", [seat(slug(n), "business_function") for n in BRV_MUNIS],
          meetings_per_year=[6, 10],
          note="The municipalities' business functions; comparable to BRO's management group."),
     body("brv-team", "Arbetsteam", "operative_team", "operative", "business-region-varmland",
          mandates=["daily_operations"], staff=3,
          note="Head (with work-environment responsibility), investment adviser, communicator shared with Region Värmland.")],
    affiliations=[{"organization_id": "business-region-varmland", "parent_id": "region-varmland",
                   "classification": "hosted_by"}],
    escalations=[
        {"from_id": "brv-team", "to_id": "brv-working-group", "provenance": "assumed",
         "note": "The study does not describe the team's line; the working group carries out the operational plan."},
        {"from_id": "brv-working-group", "to_id": "brv-steering-group", "provenance": "assumed",
         "note": "The study does not describe this line."},
        {"from_id": "brv-steering-group", "to_id": "region-varmland-decision",
         "note": "The steering group takes positions on the operations, e.g. operational plan and budget; "
                 "Region Värmland then makes the decisions BRV's operations need (study L608-612), strategy "
                 "and contracts included."}],
    funding_rules=brv_fees + [
        {"id": "brv-region-matching", "payer_id": "region-varmland", "recipient_id": "business-region-varmland",
         "basis": "matching", "ratio": "1", "matches": "brv-municipal-fees", "purpose": "base",
         "note": "Half Region Värmland, half the municipalities: the region matches the municipal fees 1:1."}],
    memberships=members_of(BRV_MUNIS, "business-region-varmland", since=2023,
                           note="Agreement adopted by every municipal council: 4 years, renewed unless terminated."),
    budgets=[{"organization_id": "business-region-varmland", "year": 2024, "amount": "4500000.00",
              "note": "Total budget of 4.5 MSEK for 2024 (L739-740)."},
             {"organization_id": "business-region-varmland", "year": 2024, "classification": "cost",
              "amount": "3300000.00", "note": "Staff costs within the 2024 budget of 4.5 MSEK (L739-741)."}],
)

# ---------------------------------------------------------------- Invest in Dalarna (2A)
IID_MUNIS = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen", "Mora",
             "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen"]
MODELS["invest-in-dalarna"] = model(
    "invest-in-dalarna", "Invest in Dalarna",
    "Model 2A: a regional coordinator inside Region Dalarna's ordinary operations (the business unit, "
    "Enheten näringsliv, of the regional development administration). Permanent since 2023-01.",
    [org("invest-in-dalarna", "Invest in Dalarna", "unit", model_category="2A",
         note="Earlier: Region Dalarna with Mellansvenska handelskammaren (early 2000s); Almi Företagspartner "
              "GävleDala AB project owner 2009–2019; then a Region Dalarna project with ERUF money, ended early "
              "2023. Business Sweden partner (contract party Region Dalarna)."),
     region("region-dalarna", "Region Dalarna", "Dalarnas län")]
    + [muni(n) for n in IID_MUNIS],
    [body("iid-team", "Nyckelperson", "operative_team", "operative", "invest-in-dalarna",
          mandates=["daily_operations"], staff=1, decision_rule="single_decider",
          note="The one key person decides operative matters alone (down from 2 people)."),
     body("region-dalarna-regional-development-committee", "Regionala utvecklingsnämnden", "committee",
          "political", "region-dalarna",
          [seat("region-dalarna", "elected_member") for _ in range(11)],
          mandates="all", note="11 elected members; decides the more complex matters; decided the yearly budget in 2022.",
          unknown=["meetings_per_year", "chair", "decision_rule"])],
    affiliations=[{"organization_id": "invest-in-dalarna", "parent_id": "region-dalarna", "classification": "part_of",
                   "note": "Part of Enheten näringsliv in Region Dalarna's regional development administration."}],
    escalations=[{"from_id": "iid-team", "to_id": "region-dalarna-regional-development-committee",
                  "note": "Complex matters go to the regional development committee."}],
    funding_rules=[{"id": "iid-region-base", "payer_id": "region-dalarna", "recipient_id": "invest-in-dalarna",
                    "basis": "fixed", "amount": "1000000.00", "purpose": "base",
                    "note": "Total budget of 1 MSEK a year including the salary of one full-time post."}],
    memberships=members_of(IID_MUNIS, "invest-in-dalarna", kind="served"),
)

# ---------------------------------------------------------------- Region Östergötland / ESBR (2A)
OST_MUNIS = ["Linköping", "Norrköping", "Boxholm", "Finspång", "Kinda", "Mjölby", "Motala", "Söderköping",
             "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög"]
MODELS["east-sweden-business-region"] = model(
    "east-sweden-business-region", "Region Östergötland (East Sweden Business Region)",
    "Model 2A: a regional coordinator inside Region Östergötland's growth unit (Tillväxtenheten). "
    "Project Team Östergötland from 2018 (Region and Tillväxtverket), permanent since 2022.",
    [org("east-sweden-business-region", "Region Östergötland (East Sweden Business Region)", "unit",
         model_category="2A",
         note="Inquiries go to all municipalities; the region coordinates the answers. The platform gathers "
              "50+ business-support organisations. Regional partner of Business Sweden.",
         unknown=["staff costs paid by Region Östergötland"]),
     region("region-ostergotland", "Region Östergötland", "Östergötlands län")]
    + [muni(n) for n in OST_MUNIS],
    [body("esbr-strategist", "Strateg (investering och etablering)", "official", "operative",
          "east-sweden-business-region", staff=1, decision_rule="single_decider",
          mandates=["daily_operations", "activate_regional_functions"],
          note="One dedicated strategist; the process leaders of the growth unit's teams (innovation, skills, "
               "business) report to the strategist, who has the mandate to activate other functions of "
               "Region Östergötland when needed, e.g. the community-planning unit (study L1035-1041). "
               "Leading the work day to day is read as daily operations."),
     body("esbr-head-of-growth-unit", "Chef för Tillväxtenheten", "official", "executive", "region-ostergotland",
          decision_rule="single_decider",
          note="Decision maker named by the study, which does not say for which matters (L1043 \"Beslutsfattare: "
               "Chefen för Tillväxtenheten\").", unknown=["mandates"]),
     body("esbr-regional-development-director", "Regionutvecklingsdirektör", "official", "executive",
          "region-ostergotland", decision_rule="single_decider",
          note="Decision maker in the next step, for matters the study does not list (L1043-1044 \"i nästa steg "
               "regionutvecklingsdirektören\"). Takes matters that need a political decision on to the political "
               "level (L1044-1046).", unknown=["mandates"]),
     body("region-ostergotland-regional-development-committee", "Regionala utvecklingsnämnden", "committee",
          "political", "region-ostergotland", mandates="all",
          note="The political level; the study does not name the body, the regional development committee is assumed.",
          provenance="assumed", unknown=["seats", "meetings_per_year"]),
     body("esbr-business-managers-network", "Näringslivschefsnätverk", "network", "operative",
          "east-sweden-business-region", [seat(slug(n), "business_development_manager") for n in OST_MUNIS],
          meetings_per_year=12, note="The business managers of the 13 municipalities meet monthly.")],
    decision_classes=["activate_regional_functions"],
    affiliations=[{"organization_id": "east-sweden-business-region", "parent_id": "region-ostergotland",
                   "classification": "part_of", "note": "Inside the region's growth unit (Tillväxtenheten)."}],
    escalations=[
        {"from_id": "esbr-strategist", "to_id": "esbr-head-of-growth-unit"},
        {"from_id": "esbr-head-of-growth-unit", "to_id": "esbr-regional-development-director"},
        {"from_id": "esbr-regional-development-director", "to_id": "region-ostergotland-regional-development-committee",
         "note": "Matters for the political level go there via the regional development director."}],
    funding_rules=[{"id": "esbr-region-budget", "payer_id": "region-ostergotland",
                    "recipient_id": "east-sweden-business-region", "basis": "fixed", "amount": "2000000.00",
                    "purpose": "base",
                    "note": "A 2 MSEK budget for costs other than staff; the region also pays the staff (amount unknown)."}]
    + [{"id": "esbr-project-" + slug(n), "payer_id": slug(n), "recipient_id": "east-sweden-business-region",
        "basis": "fixed", "co_funding_min": "100000.00", "purpose": "project:establishment-strategy",
        "note": "Municipalities pay nothing, but in joint projects (municipal establishment strategy) must show "
                "at least 100 000 SEK of own costs."} for n in OST_MUNIS],
    memberships=members_of(OST_MUNIS, "east-sweden-business-region", kind="served"),
)

# ---------------------------------------------------------------- Invest in Halland (2B)
IIH_MUNIS = ["Halmstad", "Falkenberg", "Hylte", "Kungsbacka", "Laholm", "Varberg"]
MODELS["invest-in-halland"] = model(
    "invest-in-halland", "Invest in Halland",
    "Model 2B: a regional unit, part of Region Halland's business department (Näringslivsavdelningen).",
    [org("invest-in-halland", "Invest in Halland", "unit", model_category="2B",
         note="Inquiries are passed on to all municipalities. Part of Greater Copenhagen. No KPIs. Regional "
              "partner of Business Sweden.",
         unknown=["funding amount (Region Halland alone pays)"]),
     region("region-halland", "Region Halland", "Hallands län")]
    + [muni(n) for n in IIH_MUNIS],
    [body("iih-head-of-business-department", "Näringslivschef", "official", "executive", "region-halland",
          mandates="all", decision_rule="single_decider",
          note="Head of Region Halland's business department (18 staff); the decision maker."),
     body("iih-team", "Arbetsteam", "operative_team", "operative", "invest-in-halland",
          mandates=["daily_operations"], staff=4,
          note="4 of the business department's 18 staff work under the IiH brand; free to act within the given budget.")],
    affiliations=[{"organization_id": "invest-in-halland", "parent_id": "region-halland", "classification": "part_of",
                   "note": "Part of Region Halland's business department."}],
    escalations=[{"from_id": "iih-team", "to_id": "iih-head-of-business-department"}],
    memberships=members_of(IIH_MUNIS, "invest-in-halland", kind="served",
                           note="No municipal co-financing; inquiries are passed on to all municipalities."),
)

# ---------------------------------------------------------------- Invest in Norrbotten AB (3A)
IIN_MUNIS = ["Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Luleå", "Pajala",
             "Piteå", "Älvsbyn", "Överkalix", "Övertorneå"]
MODELS["invest-in-norrbotten"] = model(
    "invest-in-norrbotten", "Invest in Norrbotten AB",
    "Model 3A: a limited company owned 75 % by Region Norrbotten and 25 % by 13 of the county's 14 "
    "municipalities (Kiruna is not a member).",
    [org("invest-in-norrbotten", "Invest in Norrbotten AB", "company", model_category="3A",
         note="Owner directive reviewed yearly; written interim and annual reports to the owners and owner "
              "consultations (ägarsamråd); financial reports to Region Norrbotten every 4 months. KPIs: investor "
              "contacts, real investment cases, markets covered. Regional partner of Business Sweden."),
     region("region-norrbotten", "Region Norrbotten", "Norrbottens län")]
    + [muni(n) for n in IIN_MUNIS]
    + [muni("Kiruna", note="Kiruna is not a member nor an owner of Invest in Norrbotten AB.")]
    + [org("tillvaxtverket", "Tillväxtverket", "agency"),
       org("iin-opting-in-municipalities", "The municipalities that opt in to the EU project (not named)",
           "unknown_group", county="25",
           note="20 % of each project is paid by the municipalities that opt in (L1529-1530 \"de kommuner som "
                "vill vara med i projektet\", of Norrbotten); which ones and their split is not given (a large "
                "municipality pays ≈ 100 000 SEK).")],
    [body("iin-owners-meeting", "Bolagsstämma (owners' meeting)", "owners_meeting", "owner", "invest-in-norrbotten",
          [seat("region-norrbotten", "owner", votes=39,
                note="75 % of the votes = 39/52.")]
          + [seat(slug(n), "owner", provenance="assumed",
                  note="1/52 of the votes: the 13 municipalities hold 25 % together; the split is not given, an "
                       "equal split is assumed.") for n in IIN_MUNIS],
          mandates=["ownership", "strategy"], decision_rule="weighted_votes",
          meetings_per_year=1,
          note="The owners decide (study L1398 \"Ägarna är beslutsfattarna\"); a company's owners decide at its "
               "bolagsstämma. Meets once a year: an aktiebolag holds an årsstämma every year (aktiebolagslagen "
               "7 kap. 10 §), and the owner directive is reviewed every year (L1398-1399); extra stämmor are not "
               "described."),
     body("iin-owner-consultation", "Ägarsamråd (owner consultation)", "owners_meeting", "owner",
          "invest-in-norrbotten",
          [seat("region-norrbotten", "owner", votes=0)] + [seat(slug(n), "owner", votes=0) for n in IIN_MUNIS],
          note="IiN reports to the owners in writing and through the owner consultations (study L1402-1403 "
               "\"via del- och helårsrapporter samt via ägarsamråden\"); a forum apart from the bolagsstämma, where "
               "the study gives no decision (no votes, no mandate).",
          unknown=["meetings_per_year"]),
     body("iin-board", "Styrelse", "board", "executive", "invest-in-norrbotten",
          mandates=["strategy", "budget", "operational_plan"],
          note="The team acts within the board's strategy and budget; measurable goals are reported to the board during the year.",
          unknown=["seats", "meetings_per_year", "decision_rule"]),
     body("iin-team", "Arbetsteam", "operative_team", "operative", "invest-in-norrbotten",
          mandates=["daily_operations"], staff=5,
          note="2 paid by the company (base funding), 3 by an EU project run by IiN.")],
    escalations=[
        {"from_id": "iin-team", "to_id": "iin-board",
         "note": "The team acts within the owner directive and the board's strategy and budget."},
        {"from_id": "iin-board", "to_id": "iin-owners-meeting", "note": "The owners decide."}],
    ownerships=[{"owner_id": "region-norrbotten", "organization_id": "invest-in-norrbotten", "share": "3/4"}]
    + [{"owner_id": slug(n), "organization_id": "invest-in-norrbotten", "share": "1/52", "provenance": "assumed",
        "note": "The 13 municipalities own 25 % together; the individual split is not given: an equal split "
                "(1/52 each) is assumed."} for n in IIN_MUNIS],
    funding_rules=[{"id": "iin-region-base", "payer_id": "region-norrbotten", "recipient_id": "invest-in-norrbotten",
                    "basis": "fixed", "amount": "4000000.00", "year_from": 2023, "purpose": "base",
                    "provenance": "estimated",
                    "note": "≈ 4 MSEK a year as an operating grant, raised by 1 MSEK in 2023."}]
    + [{"id": "iin-fee-" + slug(n), "payer_id": slug(n), "recipient_id": "invest-in-norrbotten",
        "basis": "per_inhabitant", "rate": "1.60", "group": "iin-municipal-fees", "purpose": "base"} for n in IIN_MUNIS]
    + [{"id": "iin-project-tillvaxtverket", "payer_id": "tillvaxtverket", "recipient_id": "invest-in-norrbotten",
        "basis": "share_of_total", "amount": "20000000.00", "ratio": "2/5", "period_years": 3,
        "purpose": "project:eu", "provenance": "estimated",
        "note": "≈ 20 MSEK per 3-year EU project (a new one every 3 years since 2016), 40 % from Tillväxtverket; paid "
                "in arrears after reports every 4 months."},
       {"id": "iin-project-region", "payer_id": "region-norrbotten", "recipient_id": "invest-in-norrbotten",
        "basis": "share_of_total", "amount": "20000000.00", "ratio": "2/5", "period_years": 3,
        "purpose": "project:eu", "provenance": "estimated", "note": "40 % from Region Norrbotten."},
       {"id": "iin-project-municipalities", "payer_id": "iin-opting-in-municipalities",
        "recipient_id": "invest-in-norrbotten", "basis": "share_of_total", "amount": "20000000.00", "ratio": "1/5",
        "period_years": 3, "purpose": "project:eu", "provenance": "estimated",
        "note": "20 % from the municipalities that opt in (which ones, and each one's part, is not given)."}],
    memberships=members_of(IIN_MUNIS, "invest-in-norrbotten"),
    budgets=[{"organization_id": "invest-in-norrbotten", "year": STUDY_YEAR, "classification": "turnover",
              "amount": "4400000.00", "provenance": "estimated",
              "note": "Ordinary turnover ≈ 4.4 MSEK a year, covering two full-time posts (L1518-1520); no year given, the study's year (2024) is assumed."},
             {"organization_id": "invest-in-norrbotten", "year": STUDY_YEAR, "classification": "cost",
              "amount": "200000.00", "provenance": "estimated",
              "note": "Marketing allocation of the company, ≈ 0.2 MSEK a year (L1537-1539); no year given, the study's year (2024) is assumed."}],
)

# ---------------------------------------------------------------- High Coast Invest (3B)
HCI_MUNIS = ["Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]
MODELS["high-coast-invest"] = model(
    "high-coast-invest", "High Coast Invest",
    "Model 3B: a business area inside BizMaker AB (the regional incubator and science park of "
    "Västernorrland) since 2023-09-01; before that for about 10 years formally a unit of Härnösands kommun.",
    [org("high-coast-invest", "High Coast Invest", "business_area", model_category="3B",
         note="Financed permanently by the owners; for ~10 years a unit of Härnösands kommun financed by all "
              "municipalities; Business Sweden is its most important external partner.",
         unknown=["funding amounts", "shares of the owners"]),
     org("bizmaker", "BizMaker AB", "company", note="The regional incubator and science park in Västernorrland."),
     region("region-vasternorrland", "Region Västernorrland", "Västernorrlands län")]
    + [muni(n) for n in HCI_MUNIS],
    [body("hci-company-board", "Bolagsstyrelse", "board", "executive", "bizmaker",
          note="Officials from the municipalities and from key companies.",
          unknown=["seats", "meetings_per_year", "mandates", "decision_rule"]),
     body("hci-association-board", "Föreningsstyrelse", "board", "political", "high-coast-invest",
          [seat(slug(n), "politician", provenance="assumed",
                note="One seat per municipality is assumed: the study says \"politiker från alla kommuner\" "
                     "(L1632-1633) without saying how many each has.") for n in HCI_MUNIS], meetings_per_year=4,
          mandates=["strategy"],
          note="Politicians from all municipalities; gives the operations direction, read as strategy (the "
               "politicians hold the decision mandate in their municipalities). Meets quarterly (study L1632-1636).",
          unknown=["chair", "decision_rule"]),
     body("hci-team", "Affärsområde High Coast Invest", "operative_team", "operative", "high-coast-invest",
          mandates=["daily_operations"], staff=3, note="Head of business area and 2 investment advisers.")],
    affiliations=[{"organization_id": "high-coast-invest", "parent_id": "bizmaker", "classification": "business_area_of",
                   "note": "Since 2023-09-01, same name and brand."}],
    escalations=[{"from_id": "hci-team", "to_id": "hci-company-board", "provenance": "assumed",
                  "note": "The study does not describe the line; the business area answers to the company's board."},
                 {"from_id": "hci-company-board", "to_id": "hci-association-board", "decision_classes": ["strategy"],
                  "provenance": "assumed",
                  "note": "The association board gives the operations direction (study L1632-1636); the line from "
                          "the company board is not described."}],
    ownerships=[{"owner_id": oid, "organization_id": "bizmaker", "share": {"minimum": "0", "maximum": "1"},
                 "note": "Owner stated: \"permanent finansiering via ägarna, det vill säga de sju kommunerna i länet "
                         "och Region Västernorrland\" (L1701-1702); the shares are not given."}
                for oid in [slug(n) for n in HCI_MUNIS] + ["region-vasternorrland"]],
    memberships=members_of(HCI_MUNIS, "high-coast-invest"),
)

# ---------------------------------------------------------------- Stockholm Business Alliance (4A)
sba_rows = []
with open(os.path.join(ROOT, "data/scb/sba_members_partial.csv"), encoding="utf-8") as f:
    sba_rows = list(csv.DictReader(f))
sba_known = [r["name"] for r in sba_rows]
sba_others = [n for n in sba_known if n != "Stockholm"]
known_pop = sum(int(MUNIS[n]["population"]) for n in sba_others)
total_others = (19_200_000 - 7_500_000) // 4  # 2 925 000 inhabitants in the 54 members besides Stockholm
unknown_pop = total_others - known_pop
assert unknown_pop > 0
SBA_STEERING = ["Gävle", "Uppsala", "Västerås", "Örebro", "Eskilstuna", "Linköping", "Karlstad", "Stockholm",
                "Norrköping"]
SBA_STORSTHLM = ["Danderyd", "Nacka", "Sigtuna", "Solna"]
sba_represented = [r["name"] for r in sba_rows
                   if r["county"] == "Stockholms län" and r["name"] not in SBA_STORSTHLM and r["name"] != "Stockholm"]


def sba_membership(r):
    m = {"member_id": slug(r["name"]), "organization_id": "stockholm-business-alliance"}
    ev = r["evidence"]
    if "weak" in ev:
        m["provenance"] = "estimated"
    m["note"] = f"Evidence: {ev} ({r['evidence_year']}); data/scb/sba_members_partial.csv."
    return m


def sba_seat_votes():
    return [seat(slug(n), "executive_board_chair") for n in sba_known] + [
        seat("sba-unknown-members", "executive_board_chair", votes=29,
             note="The KSOs of the 29 members not named (one vote each).")]


MODELS["stockholm-business-alliance"] = model(
    "stockholm-business-alliance", "Stockholm Business Alliance",
    "Model 4A: an inter-municipal partnership of 55 municipalities in 9 counties (Stockholm, Västmanland, "
    "Uppsala, Södermanland, Örebro, Dalarna, Gävleborg, Östergötland, Värmland), run by Stockholm Business "
    "Region since 2006. 26 members are known; the other 29 are one explicit unknown group whose population "
    "follows from the study's totals.",
    [org("stockholm-business-alliance", "Stockholm Business Alliance", "partnership", model_category="4A",
         note="Since 2006. Membership decided by each municipality; 5-year agreements. ≈ 25 investments a year; "
              "2024 targets: 200 opportunities, 25 establishments, NKI ≥ 70. Works with Business Sweden."),
     org("stockholm-business-region", "Stockholm Business Region", "company",
         note="The City of Stockholm's business company (Invest Stockholm), which runs SBA.")]
    + [muni(n) for n in sba_known]
    + [org("sba-unknown-members", "29 members not named in the sources", "unknown_group",
           population=unknown_pop, population_year=2023, provenance="derived", member_count=29,
           note=f"55 members − 26 known = 29 unknown. Population derived from the study's totals: "
                f"(19 200 000 − 7 500 000 SEK) / 4 SEK per inhabitant = {total_others} inhabitants in the 54 "
                f"members besides Stockholm, minus {known_pop} in the 25 known ones (SCB 2023) = {unknown_pop}."),
       org("sba-property-partners", "Property partners (≈ 20, not named)", "unknown_group", member_count=20,
           provenance="estimated", note="≈ 20 property partners add ≈ 4 MSEK for marketing.")],
    [body("sba-ksos-meeting", "KSO-möte", "members_meeting", "political", "stockholm-business-alliance",
          sba_seat_votes(), meetings_per_year=1, mandates=["strategy"],
          note="The chairs of the municipal executive boards of all members meet once a year: strategy and how "
               "the operations develop.",
          unknown=["chair", "decision_rule"]),
     body("sba-steering-group", "Operativ styrgrupp", "steering_group", "executive", "stockholm-business-alliance",
          [seat(slug(n), "chief_executive", chair=(n == "Stockholm"),
                **({"note": "Stockholm's city director (stadsdirektör) chairs the group"} if n == "Stockholm" else {}))
           for n in SBA_STEERING]
          + [seat(slug(n), "chief_executive", note="Chosen by StorSthlm for Stockholm county") for n in SBA_STORSTHLM],
          meetings_per_year=4, mandates=["operational_plan"],
          note="13 municipal chief executives from the large nodes; decides. Members keep neighbouring municipalities informed through their networks. The study says it \"fattar beslut\" (L1799-1800) without saying on what: the operational plan is assumed; daily operations lie with the team of 11 (L1820-1826), not with a group that meets four times a year.",
          unknown=["decision_rule"]),
     body("sba-working-group", "Arbetsgrupp", "working_group", "operative", "stockholm-business-alliance",
          [seat(slug(n), "business_development_manager") for n in SBA_STEERING + SBA_STORSTHLM],
          note="The business managers of the 13 municipalities; prepare and comment on matters before the "
               "steering group decides.",
          unknown=["meetings_per_year"]),
     body("sba-team", "Stockholm Business Alliance team", "operative_team", "operative",
          "stockholm-business-alliance", mandates=["daily_operations"], staff=11,
          note="11 people, 9 on investment promotion; each project manager looks after 5–10 member business managers.")],
    affiliations=[{"organization_id": "stockholm-business-alliance", "parent_id": "stockholm-business-region",
                   "classification": "hosted_by", "note": "Run by Stockholm Business Region."}],
    escalations=[
        {"from_id": "sba-team", "to_id": "sba-steering-group", "provenance": "assumed",
         "note": "The operative steering group meets four times a year and decides (study L1799-1800); the "
                 "team's line to it is not described."},
        {"from_id": "sba-working-group", "to_id": "sba-steering-group",
         "note": "The working group prepares the steering group's decisions."},
        {"from_id": "sba-steering-group", "to_id": "sba-ksos-meeting", "decision_classes": ["strategy"],
         "provenance": "assumed",
         "note": "Strategy is discussed and decided at the yearly KSO meeting; the line itself is not described."}],
    ownerships=[{"owner_id": "stockholm", "organization_id": "stockholm-business-region", "share": "1",
                 "provenance": "assumed",
                 "note": "The study calls it the City of Stockholm's business company; full ownership is assumed."}],
    funding_rules=[{"id": "sba-fee-" + slug(n), "payer_id": slug(n), "recipient_id": "stockholm-business-alliance",
                    "basis": "per_inhabitant", "rate": "4.00", "group": "sba-member-fees", "purpose": "base"}
                   for n in sba_others]
    + [{"id": "sba-fee-unknown-members", "payer_id": "sba-unknown-members",
        "recipient_id": "stockholm-business-alliance", "basis": "per_inhabitant", "rate": "4.00",
        "group": "sba-member-fees", "purpose": "base", "provenance": "derived",
        "note": "4 SEK per inhabitant of the 29 unnamed members, on their derived population."},
       {"id": "sba-stockholm-fixed", "payer_id": "stockholm", "recipient_id": "stockholm-business-alliance",
        "basis": "fixed", "amount": "7500000.00", "purpose": "base",
        "note": "The City of Stockholm pays a fixed 7.5 MSEK instead of a fee per inhabitant."},
       {"id": "sba-property-partners", "payer_id": "sba-property-partners",
        "recipient_id": "stockholm-business-alliance", "basis": "fixed", "amount": "4000000.00",
        "purpose": "marketing", "provenance": "estimated", "note": "≈ 20 property partners add ≈ 4 MSEK for marketing."}],
    memberships=[sba_membership(r) for r in sba_rows]
    + [{"member_id": "sba-unknown-members", "organization_id": "stockholm-business-alliance", "provenance": "derived",
        "note": "The 29 members the sources do not name."}],
    representations=[{"represented_id": slug(rep), "representative_id": slug(by), "body_id": "sba-steering-group",
                      "via": "StorSthlm",
                      "note": "The four Stockholm-county seats chosen by StorSthlm stand for the county's other members."}
                     for rep in sba_represented for by in SBA_STORSTHLM],
    budgets=[{"organization_id": "stockholm-business-alliance", "year": 2023, "amount": "19200000.00",
              "provenance": "estimated",
              "note": "Membership income ≈ 19.2 MSEK a year (L1988-1989), cited to SBA's Verksamhetsplan 2023 (footnote 26, L2008): the figure is 2023's."},
             {"organization_id": "stockholm-business-alliance", "year": 2023, "classification": "cost",
              "amount": "1000000.00", "provenance": "assumed",
              "note": "Marketing share of the total budget, 1 MSEK (L1991), not the organisation's cost; no year given, 2023 is assumed as the paragraph follows the figure cited to Verksamhetsplan 2023 (L2008)."}],
)

# ---------------------------------------------------------------- Counties without an organisation
cwo_orgs = []
for rid, name, county in (("region-vastmanland", "Region Västmanland", "Västmanlands län"),
                          ("region-gotland", "Region Gotland", "Gotlands län"),
                          ("region-sodermanland", "Region Sörmland", "Södermanlands län"),
                          ("region-uppsala", "Region Uppsala", "Uppsala län")):
    note = ("Region Gotland is also the municipality of Gotland; both are listed, so the county's "
            "population appears twice.") if rid == "region-gotland" else None
    r_ = region(rid, name, county, note=note)
    if rid != "region-gotland":
        # L12-14 says several municipalities of these three counties are SBA members without naming
        # them; the SBA model names some from public pages, the rest is not known.
        r_["unknown"] = ["which of the county's municipalities are members of Stockholm Business Alliance "
                         "(L12-14: several are; see stockholm-business-alliance for those named)"]
    cwo_orgs.append(r_)
    code = county_code(county)
    cwo_orgs += [muni(r["name"]) for r in MUNIS.values() if r["county_code"] == code]
MODELS["counties-without-organisation"] = model(
    "counties-without-organisation", "Counties without an investment-promotion organisation",
    "Västmanland, Gotland, Södermanland and Uppsala have no formal IPA (the study's starting point: "
    "Västmanland choosing a model). Their regions and municipalities, without a joint organisation; several "
    "of their municipalities are SBA members (see stockholm-business-alliance).",
    cwo_orgs, [],
)

# ---------------------------------------------------------------- Business Sweden's partnership
bs_partners = [
    ("business-region-orebro", "Business Region Örebro", "partnership", "Regional partner of Business Sweden."),
    ("business-region-skaraborg", "Business Region Skaraborg", "unit", "Partner of Business Sweden."),
    ("business-region-varmland", "Business Region Värmland", "unit", "Regional partner of Business Sweden."),
    ("region-dalarna", "Region Dalarna", "region", "Contract party for Invest in Dalarna, a Business Sweden partner."),
    ("region-ostergotland", "Region Östergötland", "region", "Regional partner of Business Sweden."),
    ("invest-in-halland", "Invest in Halland", "unit", "Regional partner of Business Sweden."),
    ("invest-in-norrbotten", "Invest in Norrbotten AB", "company", "Regional partner of Business Sweden."),
]
bs_orgs = [org("business-sweden", "Business Sweden", "other",
               note="The state's trade and invest council. Not a government agency (myndighet); the study does "
                    "not describe its legal form, so it is of kind 'other'."),
           org("business-sweden-partnership", "Business Sweden's regional partnership", "partnership",
               note="Partnership agreements with 20 regional IPAs (source: Business Sweden, cited by the study).")]
for oid, name, kind, note in bs_partners:
    if kind == "region":
        bs_orgs.append(region(oid, name, {"region-dalarna": "Dalarnas län",
                                           "region-ostergotland": "Östergötlands län"}[oid], note=note))
    else:
        bs_orgs.append(org(oid, name, kind))
bs_orgs.append(org("invest-in-dalarna", "Invest in Dalarna", "unit"))
bs_orgs.append(org("business-sweden-other-partners", "Other regional partners (13, not named)", "unknown_group",
                   member_count=13, provenance="derived",
                   note="20 partnership agreements − 7 partners the study names = 13."))
MODELS["business-sweden-partnership"] = model(
    "business-sweden-partnership", "Business Sweden's partnership with regional IPAs",
    "Business Sweden has partnership agreements with 20 regional IPAs. The study names 7 of the nine "
    "interviewed organisations as (regional) partners; High Coast Invest and Stockholm Business Alliance "
    "work with Business Sweden but are not called partners, so they are not members here.",
    bs_orgs, [],
    affiliations=[{"organization_id": "business-sweden-partnership", "parent_id": "business-sweden",
                   "classification": "part_of"},
                  {"organization_id": "invest-in-dalarna", "parent_id": "region-dalarna", "classification": "part_of"}],
    memberships=[{"member_id": oid, "organization_id": "business-sweden-partnership", "note": note}
                 for oid, _, _, note in bs_partners]
    + [{"member_id": "business-sweden-other-partners", "organization_id": "business-sweden-partnership",
        "provenance": "derived", "note": "13 partners the study does not name."}],
)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data/models")
    os.makedirs(out, exist_ok=True)
    for mid, d in MODELS.items():
        with open(os.path.join(out, mid + ".json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"unknown SBA members: population {unknown_pop} (= {total_others} - {known_pop})", file=sys.stderr)


if __name__ == "__main__":
    main()
