"""`legal-reader entities FILE`: the people, places, sums, dates, legal terms and citations."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.cli import library_entities
from reader.core import mentions
from reader.core.articles import Party
from reader.core.entities import aliases, entity_table, extraction, party_roles
from reader.core.ingest import reading as ingest
from reader.core.mentions import Mention

_HEADINGS = {
    mentions.PERSON: "People",
    mentions.ORG: "Organisations",
    mentions.PLACE: "Places",
    mentions.LEGAL: "Legal terms",
}


def register(subparsers: Any) -> None:
    """Add the `entities` command."""
    parser = subparsers.add_parser(
        "entities", help="list the entities and dates in a file, or (--all) in the library"
    )
    parser.add_argument("file", type=Path, nargs="?", help="a file (read, not imported)")
    parser.add_argument(
        "--all", action="store_true", help="the library's entities, each once across articles"
    )
    parser.add_argument(
        "--type", choices=sorted(library_entities.TYPES), help="with --all: only this type"
    )
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file (without importing it), extract its entities and print them."""
    if args.all:
        return library_entities.run(args)
    if args.file is None:
        print("legal-reader entities: name a file, or use --all for the library's entities.")
        return 2
    article = ingest.load_article(args.file)
    found = extraction.extract_article(article.body, extraction.anchor(article))
    found = party_roles.apply(article, found)
    parties = article.parties
    print(to_json(found, parties) if args.json else to_text(found, parties))
    return 0


def to_json(found: list[Mention], parties: Sequence[Party] = ()) -> str:
    """Every mention as a JSON object; a person's or organisation's with the document's
    "roles" for it ("debtor", "attorney for Acme Corp. (Jones Day)"), when it states any."""
    known: dict[str, list[str]] = {}
    listed = []
    for mention in found:
        data = mentions.to_dict(mention)
        if parties and mention.label in (mentions.PERSON, mentions.ORG):
            name = mention.canonical or aliases.clean(mention.text)
            if name not in known:
                known[name] = party_roles.roles_of(name, parties)
            if known[name]:
                data["roles"] = known[name]
        listed.append(data)
    return json.dumps(listed, ensure_ascii=False, indent=2)


def to_text(
    found: list[Mention], parties: Sequence[Party] = (), *, list_parties: bool = True
) -> str:
    """The parties, then entities grouped by type, each once with its other spellings and
    its part in the case; then citations, sums and dates."""
    lines: list[str] = []
    if parties and list_parties:
        lines.append("Parties and counsel:")
        lines += [f"  {party.name} — {party.describe()}" for party in parties]
        lines.append("")
    rows = entity_table.build([("file", found)])
    for label, heading in _HEADINGS.items():
        of_type = [row for row in rows if row.label == label]
        if not of_type:
            continue
        lines.append(f"{heading}:")
        for row in of_type:
            kind = _subtype(found, row.key) if label == mentions.LEGAL else ""
            other = [a for a in row.aliases if a != row.name]
            also = f"  (also: {', '.join(other)})" if other else ""
            roles = party_roles.roles_of(row.name, parties) if label != mentions.LEGAL else []
            part = f" — {'; '.join(roles)}" if roles else ""
            lines.append(f"  {row.name}{kind}{part}  ({row.mentions}){also}")
        lines.append("")
    for label, heading in ((mentions.CITATION, "Citations"), (mentions.DOCKET, "Docket numbers")):
        lines += _by_value(found, label, heading)
    for label, heading in ((mentions.MONEY, "Money"), (mentions.DATE, "Dates")):
        listed = [
            m
            for m in found
            if m.label == label or (label == "DATE" and m.label in mentions.TEMPORAL)
        ]
        if listed:
            lines.append(f"{heading}:")
            for m in listed:
                kind = f" [{m.label}]" if m.label != label else ""
                lines.append(f"  {m.text}{kind} → {m.value or 'unresolved'}")
            lines.append("")
    return "\n".join(lines).rstrip() or "No entities found."


def _by_value(found: list[Mention], label: str, heading: str) -> list[str]:
    """Each cited case or docket number once, by its normalised value, with how it was written."""
    written: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for m in found:
        if m.label == label:
            value = m.value or m.text
            written.setdefault(value, []).append(m.text)
            kinds.setdefault(value, f" [{m.subtype}]" if m.subtype else "")
    if not written:
        return []
    lines = [f"{heading}:"]
    for value, texts in written.items():
        other = [t for t in dict.fromkeys(texts) if t != value]
        also = f"  (as: {', '.join(other)})" if other else ""
        lines.append(f"  {value}{kinds[value]}  ({len(texts)}){also}")
    return [*lines, ""]


def _subtype(found: list[Mention], key: str) -> str:
    from reader.core.text.folding import fold

    for m in found:
        if m.label == mentions.LEGAL and fold(m.canonical or m.text) == key and m.subtype:
            return f" [{m.subtype}]"
    return ""
