#!/usr/bin/python3
"""Validates model files against data/model.schema.json with python3-jsonschema (Debian package).

Usage: validate_with_jsonschema.py SOURCE_DIR
- the schema itself must be a valid draft-07 schema;
- every valid fixture and every bundled model (data/models/*.json) must validate;
- every malformed fixture whose fault the schema can see (types, enumerations, required members,
  number ranges, money and share syntax, the format tag) must NOT validate. Faults only orgmodel's
  reader or validator can see (syntax, references, duplicates, cycles, sums, the model's own
  decision classes, duplicate member names, nesting depth) are listed in SCHEMA_BLIND.
"""
import glob
import json
import os
import sys

import jsonschema

SCHEMA_BLIND = {
    # not JSON at all: the schema never sees a document
    "truncated.json", "empty.json", "bad-utf8.json", "trailing-garbage.json",
    # a model's own decision classes and semantic rules
    "unknown-decision-class.json", "owners-over-100.json", "dangling-body-org.json", "dangling-seat-holder.json",
    "dangling-escalation.json", "dangling-ownership.json", "dangling-funding.json", "dangling-membership.json",
    "dangling-affiliation.json", "dangling-representation-body.json", "dangling-matching-group.json",
    "duplicate-org-id.json", "duplicate-body-id.json", "escalation-cycle.json", "escalation-self.json",
    "matching-cycle.json", "cadence-inverted.json", "quota-zero.json", "ownership-self.json",
    "share-range-inverted.json", "share-above-100.json", "money-overflow.json",
    # JSON parsers keep the last of two equal member names; depth is not a schema notion
    "duplicate-member-name.json", "too-deep.json",
}


def main(source: str) -> int:
    schema = json.load(open(os.path.join(source, "data", "model.schema.json"), encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = 0
    fixtures = os.path.join(source, "tests", "fixtures")
    valid = [os.path.join(fixtures, f) for f in ("every-field.json", "every-field.canonical.json", "tricky-ids.json")]
    valid += sorted(glob.glob(os.path.join(source, "data", "models", "*.json")))
    for path in valid:
        errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
        for e in errors:
            print(f"FAIL {path}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
        failures += bool(errors)
        if not errors:
            print(f"ok   {os.path.basename(path)} validates")
    manifest = json.load(open(os.path.join(fixtures, "malformed", "expected.json"), encoding="utf-8"))
    for entry in manifest:
        name = entry["file"]
        if name in SCHEMA_BLIND:
            continue
        doc = json.load(open(os.path.join(fixtures, "malformed", name), encoding="utf-8"))
        if validator.is_valid(doc):
            print(f"FAIL malformed/{name} validates, but the schema should reject it ({entry['what']})")
            failures += 1
        else:
            print(f"ok   malformed/{name} rejected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
