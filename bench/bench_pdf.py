"""PDF reading speed: pages a second with a text layer, pages a second through OCR, and the
import of the legal-docs-dev folder (text only and with entities).

Usage: .venv/bin/python -m bench.bench_pdf   (needs ../shared/legal-docs-dev beside the repo)
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from reader.core.ingest import ocr, pdf
from reader.core.library import Library

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT.parent / "shared" / "legal-docs-dev" / "files"


def main() -> None:
    pdfs = sorted(FILES.glob("*.pdf"))
    pages = 0
    start = time.perf_counter()
    for path in pdfs:
        document = pdfium.PdfDocument(path.read_bytes())
        for number in range(len(document)):
            pdf._text_layer(document, number)
            pages += 1
        document.close()
    text_seconds = time.perf_counter() - start
    print(
        f"text layer: {pages} pages of {len(pdfs)} PDFs in {text_seconds:.2f} s "
        f"= {pages / text_seconds:.0f} pages/s"
    )
    if ocr.available():
        scans = 0
        start = time.perf_counter()
        for path in pdfs:
            scans += len(pdf.read(path.read_bytes()).ocr_pages)
        ocr_seconds = time.perf_counter() - start - text_seconds
        print(
            f"OCR: {scans} scanned pages read; all {len(pdfs)} PDFs in "
            f"{ocr_seconds + text_seconds:.2f} s, about {ocr_seconds / max(scans, 1):.2f} s "
            "a scanned page"
        )
    for label, extractor in (("text only", lambda article: []), ("with entities", None)):
        folder = Path(tempfile.mkdtemp())
        try:
            kwargs = {"extractor": extractor} if extractor else {}
            library = Library.open(folder, samples=False, **kwargs)
            start = time.perf_counter()
            steps = list(library.import_paths([FILES]))
            seconds = time.perf_counter() - start
            added = sum(1 for step in steps if step.status == "added")
            print(
                f"import of legal-docs-dev ({len(steps)} files, {added} added), {label}: "
                f"{seconds:.1f} s"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
