"""Score the title and date the reader gives real court documents, against a hand-checked gold.

Usage: PYTHONPATH=. .venv/bin/python bench/quality_legal_facts.py [--files DIR] [--all]

The folder DIR (default ../shared/legal-docs-dev/files; the documents are never copied into the
repository) is imported into a new library in a temporary folder through the Library API, as
the app and `legal-reader index` import it (text phase only: titles and dates do not depend on
the entity model). Each file of bench/quality/legal_facts_gold.jsonl is then looked up by its
path and its stored title and date are compared with the gold:

- imported: the import added the file (or found it a byte-identical duplicate of one it added).
- title right: the shown title equals the gold title or one of its `title_ok` variants after
  folding case, spaces and punctuation (words are compared, nothing else: no substring or
  prefix matching). A gold title of null means the document has no heading or caption of its
  own (a page cut out of a filing, a test file); then the file name without its suffix (what
  the reader shows when it finds no title) is right, and so is a `title_ok` variant; files
  with the same bytes are one article, so the name of any of them is right for all.
- date right: the shown date (the article's `published`) equals the gold date, or one of its
  `date_ok` variants (a second date the document gives as its own: a filing stamp beside a
  signature date); null gold means the document has no date of its own, and only no date is
  right.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from bench.common import LEGAL_DOCS
from reader.core.errors import ReaderError
from reader.core.library import Library

GOLD = Path(__file__).parent / "quality" / "legal_facts_gold.jsonl"
DEFAULT_FILES = LEGAL_DOCS
IMPORTED = {"added", "duplicate", "unchanged", "updated"}


def fold(title: str) -> tuple[str, ...]:
    """A title's words, with case, accents, spaces and punctuation folded away."""
    text = unicodedata.normalize("NFKD", title.casefold().replace("&", " and "))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return tuple(re.sub(r"[^\w\s]|_", " ", text).split())


def title_right(shown: str | None, row: dict[str, object], stems: list[str]) -> bool:
    """Whether `shown` is the gold title; `stems` are the names of the file and its copies."""
    if shown is None:
        return False
    gold = row["title"]
    accepted = [str(t) for t in row.get("title_ok", [])]  # type: ignore[attr-defined]
    accepted += [str(gold)] if gold is not None else stems
    return fold(shown) in {fold(t) for t in accepted}


def date_right(shown: str | None, row: dict[str, object]) -> bool:
    accepted = [row["date"], *row.get("date_ok", [])]  # type: ignore[misc]
    return shown in accepted


def import_folder(files: Path, library_dir: Path) -> tuple[Library, dict[str, str]]:
    """Import `files` into a new library in `library_dir`; return it and each file's status."""
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])
    statuses: dict[str, str] = {}
    for step in library.import_paths([files], entities=False):
        statuses[step.path.name] = step.status
        if step.problem:
            statuses[step.path.name] += f": {step.problem}"
    return library, statuses


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "-"


def score(
    files: Path, library_dir: Path, *, every: bool = False
) -> tuple[dict[str, Counter[str]], list[str]]:
    """Import `files` into `library_dir` and score each gold file: counts by kind ("all" for
    every file) and a few lines for each wrong file (each file with `every`)."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    library, statuses = import_folder(files, library_dir)
    # Byte-identical files are one article, named after the first one imported.
    by_hash: dict[str, list[str]] = {}
    for row in rows:
        data = (files / row["file"]).read_bytes()
        by_hash.setdefault(hashlib.sha256(data).hexdigest(), []).append(row["file"])
    copies = {name: group for group in by_hash.values() for name in group}
    counts: dict[str, Counter[str]] = {}
    wrong: list[str] = []
    for row in rows:
        path = files / row["file"]
        status = statuses.get(row["file"], "not seen")
        imported = status.split(":")[0] in IMPORTED
        title = date = None
        if imported:
            try:
                article = library.find_by_path(path)
                title, date = article.title, article.published
            except ReaderError:
                imported = False
        stems = [Path(name).stem for name in copies[row["file"]]]
        t_ok = title_right(title, row, stems)
        d_ok = imported and date_right(date, row)
        for group in (row["kind"], "all"):
            c = counts.setdefault(group, Counter())
            c["docs"] += 1
            c["imported"] += imported
            c["title"] += t_ok
            c["date"] += d_ok
            c["both"] += t_ok and d_ok
        if every or not (t_ok and d_ok):
            marks = ("" if t_ok else "TITLE ") + ("" if d_ok else "DATE")
            gold_title = row["title"] if row["title"] is not None else f"(none: {path.stem})"
            wrong.append(
                f"- {row['file']} [{row['kind']}] {marks or 'ok'}"
                + ("" if imported else f"\n    not imported: {status}")
                + f"\n    ours: {title!r} | {date}\n    gold: {gold_title!r} | {row['date']}"
            )
    return counts, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--all", action="store_true", help="list every file, not only wrong ones")
    args = parser.parse_args()
    if not args.files.is_dir():
        raise SystemExit(f"No folder of documents at {args.files} (give one with --files).")
    folder = Path(tempfile.mkdtemp(prefix="legal-facts-"))
    try:
        counts, wrong = score(args.files.resolve(), folder / "library", every=args.all)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("| kind | docs | imported | title right | date right | both right |")
    print("|---|---|---|---|---|---|")
    for kind in sorted(counts, key=lambda k: (k == "all", k)):
        c = counts[kind]
        n = c["docs"]
        cells = [pct(c[key], n) for key in ("imported", "title", "date", "both")]
        print(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    if wrong:
        print("\nWrong:" if not args.all else "\nEvery file:")
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
