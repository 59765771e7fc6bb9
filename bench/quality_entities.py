"""Score the entity extractor against the annotated development sets (exact span + type).

Usage: .venv/bin/python bench/quality_entities.py [--errors] [FILE.jsonl ...]

Prints one markdown table per file: precision, recall and F1 per type for our extractor and
for spaCy alone (whole text, NER only, GPE/LOC/FAC read as PLACE), plus the share of sums of
money whose value is right. Temporal mentions are scored by the dates benchmark, not here.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from reader.core.entities import recognition as entities
from reader.core.text import nlp as nlp_loader

HERE = Path(__file__).parent / "quality"
DEFAULT_FILES = [HERE / "entities_dev.jsonl", HERE / "general_news_dev.jsonl"]
TYPES = ["PERSON", "ORG", "PLACE", "LEGAL", "MONEY"]
NAMED = {"PERSON", "ORG", "PLACE"}
SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
SPACY_LABELS |= {"FAC": "PLACE", "MONEY": "MONEY"}

Span = tuple[int, int, str]


def _ours(text: str) -> tuple[set[Span], set[Span], dict[tuple[int, int], str | None]]:
    found = [m for m in entities.extract(text) if m.label in TYPES]
    spans = {(m.start, m.end, m.label) for m in found}
    legal = {(m.start, m.end, f"LEGAL:{m.subtype}") for m in found if m.label == "LEGAL"}
    values = {(m.start, m.end): m.value for m in found if m.label == "MONEY"}
    return spans, legal, values


def _spacy(text: str) -> set[Span]:
    doc = nlp_loader.ner()(text)
    return {
        (e.start_char, e.end_char, SPACY_LABELS[e.label_])
        for e in doc.ents
        if e.label_ in SPACY_LABELS
    }


def _score(gold: set[Span], found: set[Span], counts: Counter[str], types: Iterable[str]) -> None:
    for kind in types:
        g = {s for s in gold if s[2] == kind or (kind == "NAMED" and s[2] in NAMED)}
        f = {s for s in found if s[2] == kind or (kind == "NAMED" and s[2] in NAMED)}
        counts[f"{kind}.tp"] += len(g & f)
        counts[f"{kind}.fp"] += len(f - g)
        counts[f"{kind}.fn"] += len(g - f)


def _prf(counts: Counter[str], kind: str) -> str:
    tp, fp, fn = (counts[f"{kind}.{x}"] for x in ("tp", "fp", "fn"))
    if tp + fp + fn == 0:
        return "- | - | -"
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{100 * p:.1f} | {100 * r:.1f} | **{100 * f1:.1f}**"


def evaluate(path: Path, show_errors: bool) -> str:
    """Return the markdown table for one development file."""
    ours, base = Counter[str](), Counter[str]()
    money_right = money_total = 0
    gold_counts = Counter[str]()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        gold = {(e["start"], e["end"], e["label"]) for e in row["entities"]}
        gold_legal = {
            (e["start"], e["end"], f"LEGAL:{e['subtype']}")
            for e in row["entities"]
            if e["label"] == "LEGAL"
        }
        gold_counts.update(e["label"] for e in row["entities"])
        found, found_legal, values = _ours(text)
        _score(gold, found, ours, [*TYPES, "NAMED"])
        ours["LEGAL+subtype.tp"] += len(gold_legal & found_legal)
        ours["LEGAL+subtype.fp"] += len(found_legal - gold_legal)
        ours["LEGAL+subtype.fn"] += len(gold_legal - found_legal)
        _score(gold, _spacy(text), base, [*TYPES, "NAMED"])
        for e in row["entities"]:
            if e["label"] == "MONEY":
                money_total += 1
                money_right += values.get((e["start"], e["end"])) == e["value"]
        if show_errors:
            for s, e, k in sorted(gold - found):
                print(f"{row['id']} missed  {k:7} {text[s:e]!r}")
            for s, e, k in sorted(found - gold):
                print(f"{row['id']} spurious {k:7} {text[s:e]!r}")
    lines = [
        f"**{path.name}** ({len(path.read_text().splitlines())} passages, "
        + ", ".join(f"{gold_counts[t]} {t}" for t in TYPES if gold_counts[t])
        + ")",
        "",
        "| type | P | R | F1 | spaCy alone P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in [*TYPES, "NAMED"]:
        if not (ours[f"{kind}.tp"] + ours[f"{kind}.fn"]):
            continue
        name = "PERSON+ORG+PLACE" if kind == "NAMED" else kind
        lines.append(f"| {name} | {_prf(ours, kind)} | {_prf(base, kind)} |")
    if gold_counts["LEGAL"]:
        lines.append(f"| LEGAL with subtype | {_prf(ours, 'LEGAL+subtype')} | - | - | - |")
    if money_total:
        lines.append(f"\nMoney values right: {money_right}/{money_total}.")
    return "\n".join(lines)


def main() -> None:
    """Print the tables for the given development files (default: both of ours)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    args = parser.parse_args()
    for path in args.files:
        print(evaluate(path, args.errors))
        print()


if __name__ == "__main__":
    main()
