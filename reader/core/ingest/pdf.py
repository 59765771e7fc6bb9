"""PDF files → text page by page (pypdfium2), with scanned pages read by OCR.

pypdfium2 wraps PDFium, the PDF engine of Chrome: it read the 27 PDFs of legal-docs-dev at
274 pages a second (docs/DECISIONS.md). A page is read by OCR only when its text layer
is empty, garbage, or nothing but the court's e-filing stamp over a scanned page; a page with
a good text layer is never read again.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core.ingest import ocr, page_text

MAX_PAGES = 2000
# Fewer letters than this over a picture: the picture is a scanned page.
_SCAN_LETTERS = 200
# Type sizes are compared on the first lines of the first page (a title is at its top).
_SIZE_CHARS = 6000
_SIZE_LINES = 20
_MIN_BODY_SIZE = 4.0
# A line longer than this is lines run together (a printed line holds about 100 characters).
_RUN_ON_LINE = 250


@dataclass(frozen=True)
class OcrBudget:
    """How many scanned pages one reading of a PDF may read by OCR, and for how long."""

    pages: int
    seconds: float


# OCR is about a second a page: a long scanned filing read during an import would hold it for
# minutes, so the pages past the budget are named as unread instead. In the background (the
# import's second phase, entity_queue.py) nothing waits on it, so it may read far more.
INLINE = OcrBudget(pages=60, seconds=45.0)
BACKGROUND = OcrBudget(pages=600, seconds=900.0)


class PdfRefusedError(Exception):
    """A PDF that cannot be read, with the reason as a sentence fragment."""


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF: each page's lines, and what could not be read as text."""

    pages: tuple[tuple[str, ...], ...]
    title: str | None
    ocr_pages: tuple[int, ...]  # 1-based page numbers read by OCR
    notes: tuple[str, ...]  # sentences about pages left unread
    # Scanned pages left for OCR later (1-based; read with `ocr_budget=None`)
    scan_pages: tuple[int, ...] = ()
    # The first page's lines set in large type (a title over the text), with their size;
    # each line with its spaces made single
    large_lines: tuple[tuple[str, float], ...] = ()


def read(data: bytes, ocr_budget: OcrBudget | None = INLINE) -> PdfText:
    """Read the text of a PDF's pages; raise PdfRefusedError with a readable reason.

    Scanned pages are read by OCR within `ocr_budget`; with None they are left empty and
    named in `scan_pages`, for a reading with OCR later.
    """
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PdfRefusedError(
                "it is password-protected; open it and save a copy without a password"
            ) from error
        raise PdfRefusedError(
            "it is not a PDF file that can be read (it may be damaged)"
        ) from error
    try:
        return _read_pages(document, ocr_budget)
    finally:
        document.close()


def _read_pages(document: pdfium.PdfDocument, ocr_budget: OcrBudget | None) -> PdfText:
    count = len(document)
    if count == 0:
        raise PdfRefusedError("it has no pages")
    notes: list[str] = []
    if count > MAX_PAGES:
        notes.append(
            f"Only the first {MAX_PAGES} of its {count} pages were read: the reader reads at "
            f"most {MAX_PAGES} pages of a PDF."
        )
    pages: list[tuple[str, ...]] = []
    scanned: list[int] = []
    for number in range(min(count, MAX_PAGES)):
        text, has_image = _text_layer(document, number)
        if not _has_text(text, has_image):
            scanned.append(number)
        pages.append(tuple(text.splitlines()))
    later: tuple[int, ...] = ()
    ocr_done: tuple[int, ...] = ()
    if ocr_budget is None and scanned and ocr.available():
        later = tuple(number + 1 for number in scanned)
    else:
        ocr_done = _ocr(document, scanned, pages, notes, ocr_budget or INLINE)
    title = _metadata_title(document)
    large = _large_lines(document) if 0 not in scanned else ()
    return PdfText(
        pages=tuple(pages),
        title=title,
        ocr_pages=ocr_done,
        notes=tuple(notes),
        large_lines=large,
        scan_pages=later,
    )


def _text_layer(document: pdfium.PdfDocument, number: int) -> tuple[str, bool]:
    """A page's text layer, and whether the page holds a picture (a scan may lie under it)."""
    page = document[number]
    has_image = False
    try:
        objects = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
        has_image = next(iter(objects), None) is not None
    except pdfium.PdfiumError:
        has_image = True
    try:
        textpage = page.get_textpage()
        try:
            text = str(textpage.get_text_bounded())
            # The bounded text can run a page's lines into one ("Judiciary Branch
            # PersonnelFinancial Disclosure Report"); the whole range has the same characters
            # in the same order with its line breaks: then it is the page's text.
            if max(map(len, text.splitlines()), default=0) > _RUN_ON_LINE:
                ranged = str(textpage.get_text_range())
                if ranged.count("\n") > text.count("\n") and _same_text(ranged, text):
                    text = ranged
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        text = ""
    finally:
        page.close()
    # PDFium marks a hyphen that ends a line with \x02.
    text = text.replace("\x02", "-").replace("\x00", "")
    if text.count("\u00b7") > 20:  # court reporters' transcripts space their lines with "·"
        text = text.replace("\u00b7", " ")
    return text.replace("\r\n", "\n").replace("\r", "\n"), has_image


def _large_lines(document: pdfium.PdfDocument) -> tuple[tuple[str, float], ...]:
    """The lines near the top of the first page set in type well larger than its text's."""
    page = document[0]
    try:
        textpage = page.get_textpage()
        try:
            count = min(pdfium_c.FPDFText_CountChars(textpage.raw), _SIZE_CHARS)
            lines: list[tuple[str, float]] = []
            chars: list[str] = []
            largest = 0.0
            sizes: list[float] = []
            for index in range(count):
                char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
                if char in "\r\n":
                    if char == "\n":
                        lines.append((" ".join("".join(chars).split()), largest))
                        chars, largest = [], 0.0
                    continue
                chars.append(char)
                if not char.isspace():
                    size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
                    largest = max(largest, size)
                    sizes.append(size)
            lines.append((" ".join("".join(chars).split()), largest))
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return ()
    finally:
        page.close()
    # Some PDFs scale their text by its matrix and state every size as 1: no size to compare.
    body = statistics.median(sizes) if sizes else 0.0
    if body < _MIN_BODY_SIZE:
        return ()
    return tuple((text, size) for text, size in lines[:_SIZE_LINES] if text and size >= body * 1.3)


def _same_text(one: str, other: str) -> bool:
    return "".join(one.split()) == "".join(other.split())


def _has_text(text: str, has_image: bool) -> bool:
    """Whether a page's text layer is its text: more than a stamp over a picture, mostly words.

    A short page without a picture keeps its few words; with a picture under a stamp or a
    line or two, the picture is the page (a scan) and is read by OCR.
    """
    lines = [line for line in text.splitlines() if line.strip() and not page_text.STAMP.match(line)]
    body = " ".join(lines)
    letters = sum(char.isalpha() for char in body)
    if letters == 0 or (has_image and letters < _SCAN_LETTERS):
        return False
    words = [word for word in body.split() if sum(char.isalpha() for char in word) >= 2]
    # Garbage layers (fonts without a text map) come out as long runs with few vowels.
    wordlike = sum(1 for word in words if any(c in "aeiouyAEIOUY" for c in word))
    return wordlike >= len(words) * 0.5


def _ocr(
    document: pdfium.PdfDocument,
    scanned: list[int],
    pages: list[tuple[str, ...]],
    notes: list[str],
    budget: OcrBudget,
) -> tuple[int, ...]:
    if not scanned:
        return ()
    if not ocr.available():
        notes.append(f"{_pages(scanned)} could not be read: {ocr.INSTALL_HINT}.")
        return ()
    done: list[int] = []
    unread: list[int] = []
    start = time.monotonic()
    for number in scanned:
        if len(done) >= budget.pages or time.monotonic() - start > budget.seconds:
            unread.append(number)
            continue
        try:
            text = ocr.read_page(_render(document, number))
        except ocr.OcrUnavailableError:
            unread.append(number)
            continue
        stamp = [line for line in pages[number] if page_text.STAMP.match(line)]
        lines = tuple(text.splitlines())
        pages[number] = tuple(stamp) + lines if stamp and not _starts_with(lines, stamp) else lines
        done.append(number)
    if unread:
        notes.append(f"{_pages(unread)} could not be read by OCR in the time the reader allows.")
    return tuple(number + 1 for number in done)


def _starts_with(lines: tuple[str, ...], stamp: list[str]) -> bool:
    head = " ".join(" ".join(lines[:3]).split())
    return " ".join(stamp[0].split()) in head


def _render(document: pdfium.PdfDocument, number: int) -> ocr.GrayImage:
    page = document[number]
    try:
        width, height = page.get_size()
        # A huge page (a poster, a hostile size) is drawn at a lower resolution, not at 300 dpi.
        scale = min(ocr.DPI / 72, 6000 / max(width, height, 1))
        bitmap = page.render(scale=scale, grayscale=True)
    finally:
        page.close()
    stride, columns, rows = bitmap.stride, bitmap.width * bitmap.n_channels, bitmap.height
    buffer = bytes(bitmap.buffer)
    pixels = (
        buffer
        if stride == columns
        else b"".join(buffer[row * stride : row * stride + columns] for row in range(rows))
    )
    if bitmap.n_channels != 1:  # grayscale was not honoured: keep one channel
        pixels = pixels[:: bitmap.n_channels]
    return ocr.GrayImage(width=bitmap.width, height=rows, pixels=pixels)


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    try:
        title = document.get_metadata_dict().get("Title", "").strip()
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return None
    return title or None


def _pages(numbers: list[int]) -> str:
    shown = [str(number + 1) for number in numbers]
    if len(shown) == 1:
        return f"Page {shown[0]}"
    if len(shown) > 6:
        return f"{len(shown)} pages (from page {shown[0]})"
    return "Pages " + ", ".join(shown[:-1]) + " and " + shown[-1]
