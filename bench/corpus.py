"""The benchmark variants of ../shared/corpus, materialised as .md files outside the repo.

Deterministic, as ../shared/corpus/README.md describes:

* 1k   — the first 950 news by id + 50 judgments evenly spaced by id (quick runs);
* 10k  — the first 9,500 news by id + 500 judgments evenly spaced by id;
* 100k — 95,000 news + 5,000 judgments: copy 0 is every real document, later copies are
  perturbed repetitions (capitalised words swapped with words of similar corpus frequency,
  four-digit years shifted by +copy, paragraphs rotated).

Each document becomes `<dir>/<variant>/docs/<id>.md` with front matter (title, date). The text
is research-only: it goes to $LCR_BENCH_DIR (default /tmp/lcr-bench), never into the repo.

Usage: .venv/bin/python -m bench.corpus --size 10k
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import CORPUS, bench_dir

SIZES = {"1k": (950, 50), "10k": (9_500, 500), "100k": (95_000, 5_000)}
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_KEEP = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "And",
        "But",
        "For",
        "With",
        "From",
        "Court",
        "Supreme",
    ]
)


def load_rows() -> list[dict[str, Any]]:
    """Every corpus document, in file order."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def select(rows: list[dict[str, Any]], size: str) -> list[dict[str, Any]]:
    """The documents of a variant (1k or 10k: real documents only; 100k: see perturbed())."""
    n_news, n_legal = SIZES[size]
    news = sorted((r for r in rows if r["kind"] == "news"), key=lambda r: r["id"])
    legal = sorted((r for r in rows if r["kind"] == "legal"), key=lambda r: r["id"])
    if size == "100k":
        return list(perturbed(news, legal, n_news, n_legal))
    spaced = [legal[i * len(legal) // n_legal] for i in range(n_legal)]
    return news[:n_news] + spaced


def perturbed(
    news: list[dict[str, Any]], legal: list[dict[str, Any]], n_news: int, n_legal: int
) -> Iterator[dict[str, Any]]:
    """Copy 0 of every document, then perturbed copies until the counts are reached."""
    swaps = _swap_tables(news + legal)
    for pool, wanted in ((news, n_news), (legal, n_legal)):
        made = 0
        copy = 0
        while made < wanted:
            for row in pool:
                if made == wanted:
                    break
                yield row if copy == 0 else _perturb(row, copy, swaps)
                made += 1
            copy += 1


def _swap_tables(rows: list[dict[str, Any]]) -> list[str]:
    """Capitalised words ranked by corpus frequency (neighbours have similar frequency)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(w for w in _CAPITALISED.findall(row["text"]) if w not in _KEEP)
    return [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _perturb(row: dict[str, Any], copy: int, ranked: list[str]) -> dict[str, Any]:
    rank = {w: i for i, w in enumerate(ranked)}
    band = 16

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        i = rank.get(word)
        if i is None:
            return word
        start = i - i % band
        j = start + (i - start + copy) % band
        return ranked[j] if j < len(ranked) else word

    def shift(match: re.Match[str]) -> str:
        return str(int(match.group(0)) + copy)

    paragraphs = row["text"].split("\n\n")
    turn = copy % len(paragraphs)
    text = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
    text = _YEAR.sub(shift, _CAPITALISED.sub(swap, text))
    title = _YEAR.sub(shift, _CAPITALISED.sub(swap, row["title"]))
    when = row.get("date")
    if when:
        when = f"{int(when[:4]) + copy:04d}{when[4:]}"
    return {**row, "id": f"{row['id']}-c{copy}", "title": title, "text": text, "date": when}


def markdown(row: dict[str, Any]) -> str:
    """One document as our importer reads it: front matter, then the text."""
    title = " ".join(row["title"].split()) or row["id"]
    lines = ["---", f'title: "{title}"']
    if row.get("date"):
        lines.append(f"date: {row['date']}")
    lines += ["---", "", row["text"], ""]
    return "\n".join(lines)


def words(row: dict[str, Any]) -> int:
    """Words of title and text (whitespace-separated)."""
    return len(row["title"].split()) + len(row["text"].split())


def build(size: str) -> Path:
    """Materialise variant `size` (once); return its folder of .md files."""
    root = bench_dir() / size
    docs = root / "docs"
    done = root / "meta.json"
    if done.exists():
        return docs
    docs.mkdir(parents=True, exist_ok=True)
    chosen = select(load_rows(), size)
    longest: dict[str, tuple[int, str]] = {}
    total_words = 0
    for row in chosen:
        (docs / f"{row['id']}.md").write_text(markdown(row), encoding="utf-8")
        n = words(row)
        total_words += n
        best = longest.get(row["kind"])
        if best is None or n > best[0]:
            longest[row["kind"]] = (n, row["id"])
    meta = {
        "size": size,
        "docs": len(chosen),
        "news": sum(r["kind"] == "news" for r in chosen),
        "legal": sum(r["kind"] == "legal" for r in chosen),
        "words": total_words,
        "mb_text": sum(len(r["text"].encode()) for r in chosen) / 1e6,
        "article_1k": _closest(chosen, "news", 1_000),
        "article_40k": _closest(chosen, "legal", 40_000),
    }
    done.write_text(json.dumps(meta, indent=1))
    return docs


def _closest(rows: list[dict[str, Any]], kind: str, n_words: int) -> dict[str, Any]:
    best = min((r for r in rows if r["kind"] == kind), key=lambda r: abs(words(r) - n_words))
    return {"id": best["id"], "words": words(best)}


def meta(size: str) -> dict[str, Any]:
    """The facts about a built variant (docs, words, the sample articles for 'open')."""
    build(size)
    return json.loads((bench_dir() / size / "meta.json").read_text())  # type: ignore[no-any-return]


def main() -> None:
    """Build one variant from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="10k")
    args = parser.parse_args()
    print(build(args.size), json.dumps(meta(args.size)))


if __name__ == "__main__":
    main()
