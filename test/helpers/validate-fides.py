"""Validates fideslang manifests with fideslang's own models, as Fides loads them.

Usage: python3 validate-fides.py FILE. Prints a JSON summary on success; on any problem prints it
to stderr and exits 1. Beyond the models' own checks: every data category is in fideslang's
default taxonomy or declared in the file, every flow names a system of the file, and every data use
is a default one.
"""
import json
import sys

import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import Taxonomy


def main(path):
    with open(path, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    taxonomy = Taxonomy.model_validate(document)
    systems = {s.fides_key for s in taxonomy.system}
    categories = {c.fides_key for c in DEFAULT_TAXONOMY.data_category}
    declared = {c.fides_key for c in taxonomy.data_category}
    for c in taxonomy.data_category:
        if c.parent_key not in categories | declared:
            raise ValueError(f"data_category {c.fides_key}: unknown parent {c.parent_key}")
    uses = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}
    flows = 0
    for s in taxonomy.system:
        for flow in (s.egress or []) + (s.ingress or []):
            flows += 1
            if flow.fides_key not in systems:
                raise ValueError(f"system {s.fides_key}: a flow names {flow.fides_key}, no system")
            for key in flow.data_categories or []:
                if key not in categories | declared:
                    raise ValueError(f"system {s.fides_key}: unknown data category {key}")
        for d in s.privacy_declarations:
            if d.data_use not in uses:
                raise ValueError(f"system {s.fides_key}: unknown data use {d.data_use}")
    print(json.dumps({
        "systems": sorted(systems),
        "flows": flows,
        "declared": sorted(declared),
        "international": sorted(s.fides_key for s in taxonomy.system if s.does_international_transfers),
    }))


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as error:  # every failure is the test's answer, said in one line
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
