"""Score people and organisations on real court documents against a hand-checked gold list.

Usage: PYTHONPATH=. .venv/bin/python bench/quality_legal_entities.py [--files DIR] [--errors]
[--split dev]

Each file of bench/quality/legal_docs_gold.jsonl is read from DIR (default
../shared/legal-docs-dev/files; the documents are never copied into the repository) as an
import reads it (ingest.reading.load_article) and its entities come from the library's own
call (extraction.extract_article), with what the document's party table says about its names
on top (entities.party_roles.apply, as the library shows them). Scoring is by document: the
distinct PERSON and ORG names shown (canonical names), against the gold names. A gold entry
"A|B" lists spellings of one entity. A shown name matches a gold entity of its type when they
are equal after folding case and punctuation, or when the shown name's words are all words of
the gold name ("Madoff" for "Mark D. Madoff"); a shown name that is a listed court is neither
right nor wrong (courts are COURT).
A file the reader cannot open counts as nothing shown.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from reader.core.entities import party_roles
from reader.core.entities.extraction import anchor, extract_article
from reader.core.errors import ReaderError
from reader.core.ingest.reading import load_article

HERE = Path(__file__).parent / "quality"
GOLD = HERE / "legal_docs_gold.jsonl"
DEFAULT_FILES = Path(__file__).resolve().parents[1] / ".." / "shared" / "legal-docs-dev" / "files"
TYPES = {"PERSON": "persons", "ORG": "orgs"}
# Words that alone never identify an entity, so "LLC" does not match every company.
_GENERIC = {"llc", "inc", "the", "of", "and", "co", "corp", "ltd", "llp", "pc", "jr", "l", "c"}
_GENERIC |= {"us", "u", "s", "office", "company", "corporation", "department", "united"}


def words(name: str) -> tuple[str, ...]:
    """The words of a name, case and punctuation folded ("&" kept as "and")."""
    folded = re.sub(r"[^\w\s]", " ", name.casefold().replace("&", " and "))
    found = tuple(folded.split())
    return found[1:] if found[:1] == ("the",) else found


def matches(shown: str, spellings: list[str]) -> bool:
    """True if `shown` names the gold entity whose spellings are given."""
    shown_words = words(shown)
    if not set(shown_words) - _GENERIC:  # "LLC" alone names nothing, but a gold "Company LLC"
        return any(shown_words == words(spelling) for spelling in spellings)
    for spelling in spellings:
        gold_words = words(spelling)
        if shown_words == gold_words or set(shown_words) <= set(gold_words):
            return True
    return False


def shown_names(path: Path) -> dict[str, set[str]]:
    """The distinct PERSON and ORG names the reader shows for one file."""
    names: dict[str, set[str]] = {label: set() for label in TYPES}
    try:
        article = load_article(path)
    except ReaderError:
        return names
    for mention in party_roles.apply(article, extract_article(article.body, anchor(article))):
        if mention.label in names:
            names[mention.label].add(mention.canonical or mention.text)
    return names


def score_file(
    row: dict[str, object], shown: dict[str, set[str]], counts: Counter[str]
) -> list[str]:
    """Add one file's counts to `counts` and return its errors as lines."""
    errors = []
    courts = [str(c) for c in row.get("courts", [])]  # type: ignore[attr-defined]
    for label, field in TYPES.items():
        gold = [str(g).split("|") for g in row[field]]  # type: ignore[attr-defined]
        hit = [False] * len(gold)
        for name in sorted(shown[label]):
            if any(matches(name, [c]) for c in courts):
                continue
            found = [i for i, spellings in enumerate(gold) if matches(name, spellings)]
            for i in found:
                hit[i] = True
            counts[f"{label}.found"] += 1
            counts[f"{label}.right"] += bool(found)
            if not found:
                errors.append(f"  wrong {label}: {name!r}")
        counts[f"{label}.gold"] += len(gold)
        counts[f"{label}.recalled"] += sum(hit)
        errors += [f"  missed {label}: {g[0]!r}" for g, h in zip(gold, hit, strict=True) if not h]
    return errors


def _pr(counts: Counter[str], label: str) -> str:
    found, right = counts[f"{label}.found"], counts[f"{label}.right"]
    gold, recalled = counts[f"{label}.gold"], counts[f"{label}.recalled"]
    p = f"{100 * right / found:.1f}" if found else "-"
    r = f"{100 * recalled / gold:.1f}" if gold else "-"
    return f"{p} ({right}/{found}) | {r} ({recalled}/{gold})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--errors", action="store_true", help="list wrong and missed names")
    parser.add_argument(
        "--split", choices=["dev", "test"], help="list errors of this split only (tune on dev)"
    )
    args = parser.parse_args()
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    by_group: dict[tuple[str, str], Counter[str]] = {}
    for row in rows:
        shown = shown_names(args.files / row["file"])
        counts = Counter[str]()
        errors = score_file(row, shown, counts)
        for group in [(row["split"], row["kind"]), (row["split"], "all")]:
            by_group.setdefault(group, Counter()).update(counts)
        if args.errors and errors and args.split in (None, row["split"]):
            print(f"{row['file']} ({row['split']})", *errors, sep="\n")
    print("| split | kind | docs | PERSON P | PERSON R | ORG P | ORG R |")
    print("|---|---|---|---|---|---|---|")
    for split, kind in sorted(by_group, key=lambda g: (g[0], g[1] == "all", g[1])):
        docs = sum(1 for r in rows if r["split"] == split and kind in (r["kind"], "all"))
        counts = by_group[(split, kind)]
        print(f"| {split} | {kind} | {docs} | {_pr(counts, 'PERSON')} | {_pr(counts, 'ORG')} |")


if __name__ == "__main__":
    main()
