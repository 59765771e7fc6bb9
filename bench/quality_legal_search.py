"""Whether searching a party, judge, written date or docket number finds its court document.

Usage: PYTHONPATH=. .venv/bin/python bench/quality_legal_search.py [--files DIR] [--gold FILE]
       [--no-entities]

This measures issue 13's must-show: "every searched party, judge, written date and docket
number finds its document". The folder DIR (default ../shared/legal-docs-dev/files; the
documents are never copied into the repository) is imported into a new library in a temporary
folder through the Library API, as `legal-reader index DIR` then `legal-reader index --wait`
import it: phase 1 (words, titles, dates) and then phase 2 (entities, and OCR of scanned
pages, which only phase 2 reads). `--no-entities` stops after phase 1 (for the smoke test:
loading the model takes longer than the rest).

Each row of bench/quality/legal_search_gold.jsonl names a file and what a user would type to
find it, written by hand from the document itself (not from what the reader extracts):

- parties: a name a reporter would search (a surname or a company name), searched as a quoted
  phrase ('"Hilton Hall"'), as the search box is used for a name of several words.
- judges: the judges the document names, searched as a quoted phrase too.
- dates: at most two dates written as the document writes them ("July 26, 2002", "02/15/10"),
  the decision or filing date first, typed as they are: the query language reads a written
  date as a date search (the article's date or any date it mentions).
- dockets: docket or case numbers exactly as printed ("WR-97,175-01", "2:15-cv-05642-CAS-JC"),
  typed as they are: the query language searches a docket-shaped word whole.

A query is found when the file's article is among every hit of the search (Library.all_ids,
not only the first page of hits). A date search also finds articles that name only a coarser
date ("2011" for "Apr 5 2011"), ranked after the exact ones, so dates are counted twice: found,
and found exactly (the query was read as a date, and the article is among the hits of the same
search with Filters(exact_dates=True), as `exact:` would ask); a date found but not exactly is
listed too. Byte-identical files are one article: the article of any
copy counts. A miss is listed with the file, the query, how many articles the search found,
and whether the words of the query are in the article's text as the reader stored it (after
folding case and punctuation), which tells a document the reader did not read whole from a
search that fails on text the reader has. The last line is the counts as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from bench.common import LEGAL_DOCS
from reader.core.errors import ReaderError
from reader.core.index.filters import Filters
from reader.core.library import Library

GOLD = Path(__file__).parent / "quality" / "legal_search_gold.jsonl"
DEFAULT_FILES = LEGAL_DOCS
KINDS = ("parties", "judges", "dates", "dockets")
# Names are typed as a phrase; dates and docket numbers as they are written, because the query
# language recognises them whole (quoting them would turn them into plain words).
QUOTED = {"parties", "judges"}


@dataclass(frozen=True)
class Miss:
    """A query that did not find its file, or (`weak`) a date that found it only loosely."""

    kind: str
    file: str
    query: str
    hits: int
    in_text: bool  # the query's words are in the stored title or body
    # For a date found only by a coarser date or as words: whether the query was read as a date.
    weak: bool = False
    as_date: bool = True


def fold(text: str) -> str:
    """Lower-case words with accents and punctuation folded away, one space apart."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def typed(kind: str, value: str) -> str:
    return f'"{value}"' if kind in QUOTED else value


def import_folder(files: Path, library_dir: Path, *, entities: bool) -> Library:
    """A new library of `files`, imported as `legal-reader index` then `index --wait` does."""
    library = Library.open(library_dir, samples=False)
    list(library.import_paths([files], entities=False))
    if entities:
        list(library.fill_entities())
    return library


def article_ids(library: Library, files: Path, names: list[str]) -> dict[str, str | None]:
    """Each gold file's article id; a byte-identical copy shares the article of any copy."""
    by_hash: dict[str, list[str]] = {}
    for name in names:
        digest = hashlib.sha256((files / name).read_bytes()).hexdigest()
        by_hash.setdefault(digest, []).append(name)
    ids: dict[str, str | None] = {}
    for group in by_hash.values():
        found: str | None = None
        for name in group:
            try:
                found = library.find_by_path(files / name).id
                break
            except ReaderError:
                continue
        ids.update(dict.fromkeys(group, found))
    return ids


def score(
    files: Path, library_dir: Path, gold: Path = GOLD, *, entities: bool = True
) -> tuple[dict[str, dict[str, int]], list[Miss]]:
    """Import `files` and run every gold query: counts by kind (and "all"), and the misses."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    library = import_folder(files, library_dir, entities=entities)
    ids = article_ids(library, files, [row["file"] for row in rows])
    counts = {kind: {"queries": 0, "found": 0} for kind in (*KINDS, "all")}
    counts["dates"]["exact"] = 0
    misses: list[Miss] = []
    texts: dict[str, str] = {}

    def in_text(article_id: str | None, value: str) -> bool:
        if article_id is None:
            return False
        if article_id not in texts:
            article = library.article(article_id)
            texts[article_id] = f" {fold(article.title)} {fold(article.body)} "
        return f" {fold(value)} " in texts[article_id]

    for row in rows:
        article_id = ids[row["file"]]
        for kind in KINDS:
            for value in row.get(kind, []):
                query = typed(kind, value)
                hits = library.all_ids(query)
                found = article_id is not None and article_id in hits
                for group in (kind, "all"):
                    counts[group]["queries"] += 1
                    counts[group]["found"] += found
                if not found:
                    misses.append(
                        Miss(kind, row["file"], query, len(hits), in_text(article_id, value))
                    )
                elif kind == "dates":
                    as_date = bool(library.search(query, limit=1).dates)
                    exact = as_date and article_id in library.all_ids(
                        query, Filters(exact_dates=True)
                    )
                    counts["dates"]["exact"] += exact
                    if not exact:
                        hit = Miss(kind, row["file"], query, len(hits), in_text(article_id, value))
                        misses.append(replace(hit, weak=True, as_date=as_date))
    return counts, misses


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--no-entities", action="store_true", help="phase 1 only: no entities, no OCR"
    )
    args = parser.parse_args()
    if not args.files.is_dir():
        raise SystemExit(f"No folder of documents at {args.files} (give one with --files).")
    folder = Path(tempfile.mkdtemp(prefix="legal-search-"))
    try:
        counts, misses = score(
            args.files.resolve(), folder / "library", args.gold, entities=not args.no_entities
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("| kind | queries | found | found exactly |")
    print("|---|---|---|---|")
    for kind in (*KINDS, "all"):
        c = counts[kind]
        exact = pct(c["exact"], c["queries"]) if "exact" in c else ""
        print(f"| {kind} | {c['queries']} | {pct(c['found'], c['queries'])} | {exact} |")
    for kind in KINDS:
        wrong = [miss for miss in misses if miss.kind == kind and not miss.weak]
        if wrong:
            print(f"\nMissed {kind}:")
            for miss in wrong:
                text = "in its text" if miss.in_text else "not in its text as read"
                print(f"- {miss.file}: {miss.query} ({miss.hits} hits; {text})")
    weak = [miss for miss in misses if miss.weak]
    if weak:
        print("\nDates found, but not as that date:")
        for miss in weak:
            how = "by a coarser date" if miss.as_date else "as words (not read as a date)"
            print(f"- {miss.file}: {miss.query} ({miss.hits} hits; found {how})")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
