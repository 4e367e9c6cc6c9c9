#!/usr/bin/env python3
"""Regenerate pledgewatch/extract/data/states.jsonl from pycountry and the curated CSV.

    .venv/bin/python scripts/build_gazetteer.py          # write the file
    .venv/bin/python scripts/build_gazetteer.py --check  # fail when the committed file is stale

The curated file (data/states_curated.csv) decides which states exist (UN members,
observers, Kosovo, Taiwan), their canonical short name, demonyms, capitals and
aliases; pycountry adds its official and common names as further aliases. Names
with a comma ("Korea, Republic of") are skipped: nobody writes them in prose.
When shared/eval/country_aliases.json is present, every canonical name is checked
against it so the scorer recognises what the extractor writes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import sys

import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "pledgewatch" / "extract" / "data"
CURATED = DATA / "states_curated.csv"
OUT = DATA / "states.jsonl"


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _pycountry_names(iso3: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def build() -> list[dict[str, object]]:
    rows = []
    with CURATED.open(encoding="utf-8", newline="") as f:
        for line, rec in enumerate(csv.DictReader(f), start=2):
            iso3, name = rec["iso3"].strip(), rec["name"].strip()
            if len(iso3) != 3 or not name:
                sys.exit(f"{CURATED}:{line}: iso3 and name are required")
            flags = rec["status"].split()
            aliases: list[str] = []
            for alias in _split(rec["aliases"]) + _pycountry_names(iso3):
                if alias != name and alias not in aliases:
                    aliases.append(alias)
            demonyms = [d for d in _split(rec["demonyms"]) if d != name]
            rows.append(
                {
                    "name": name,
                    "iso3": iso3,
                    "status": flags[0],
                    "ambiguous": "ambiguous" in flags,
                    "aliases": aliases,
                    "demonyms": demonyms,
                    "capitals": _split(rec["capitals"]),
                }
            )
    return rows


def check_against_scorer(rows: list[dict[str, object]]) -> list[str]:
    shared = pathlib.Path(os.environ.get("PLEDGEWATCH_SHARED", ROOT.parent / "shared"))
    aliases_file = shared / "eval" / "country_aliases.json"
    if not aliases_file.exists():
        return []
    known = json.loads(aliases_file.read_text(encoding="utf-8"))
    return [
        f"{row['name']!r} is not a name the scorer knows"
        for row in rows
        if str(row["name"]).lower() not in known or known[str(row["name"]).lower()] != row["iso3"]
    ]


def render(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail when states.jsonl is out of date")
    args = parser.parse_args()
    rows = build()
    problems = check_against_scorer(rows)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    text = render(rows)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{OUT} is up to date ({len(rows)} states)")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} states to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
