"""Citation extraction against bench/quality/citations_gold.jsonl on the real court documents.

    PYTHONPATH=. python -m bench.quality_citations [--files ../shared/legal-docs-dev/files]

(from a worktree under /work/wt, pass --files /work/shared/legal-docs-dev/files)

Each gold line names a file and the citations it makes (their normalised values, read by hand;
no document text is kept here). HTML and text files are read as the app reads them; PDFs
through `pdftotext` (poppler-utils), skipped when it is not installed. A citation is found when
its value is among the values the extractor gives the file, missed when it is not, and a value
the extractor gives that the gold list lacks is wrong (a wrong normalisation counts as both).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import time
from pathlib import Path

from reader.core.ingest import reading
from reader.core.text.citations import find_citations

GOLD = Path(__file__).parent / "quality" / "citations_gold.jsonl"
FILES = Path(__file__).resolve().parents[1].parent / "shared" / "legal-docs-dev" / "files"


def text_of(path: Path) -> str | None:
    """The text the extractor reads for `path`, or None when it cannot be read here."""
    if path.suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            return None
        done = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=False
        )
        return done.stdout
    return reading.load_article(path).body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=Path, default=FILES)
    folder = parser.parse_args().files
    logging.disable(logging.WARNING)
    found = missed = wrong = words = 0
    seconds = 0.0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        text = text_of(folder / entry["file"])
        if text is None:
            print(f"{entry['file']}: skipped (pdftotext is not installed)")
            continue
        started = time.perf_counter()
        values = {c.value for c in find_citations(text)}
        seconds += time.perf_counter() - started
        words += len(text.split())
        gold = set(entry["citations"])
        found += len(gold & values)
        missed += len(gold - values)
        wrong += len(values - gold)
        for value in sorted(gold - values):
            print(f"{entry['file']}: missed {value}")
        for value in sorted(values - gold):
            print(f"{entry['file']}: wrong {value}")
    print(f"found {found}, missed {missed}, wrong {wrong}")
    print(f"{words} words in {seconds:.2f} s: {words / seconds:,.0f} words/s (one core)")


if __name__ == "__main__":
    main()
