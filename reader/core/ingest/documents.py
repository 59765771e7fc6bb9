"""PDF, Word, WordPerfect, RTF and e-mail files → Article, with the source text for legal facts.

Each reader (pdf, office, email_message) gives text; this module makes the Article of it: the
body as markdown paragraphs (a PDF's pages marked by a "— page N —" line), the title and date
where the file states them, and notes on what could not be read.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import email_message, office, page_text, pdf, pdf_heading

# The extracted text is capped like a text file: a 5,000-page filing is still searchable by
# its first part, and the note says where it stops.
MAX_BODY_CHARS = 5_000_000
_GENERATOR_TITLE = re.compile(r"^(?:Microsoft Word|untitled|document\d*|scan\w*)\b", re.IGNORECASE)


def page_divider(number: int) -> str:
    """The body line that marks where page `number` begins."""
    return f"\u2014 page {number} \u2014"


def from_pdf(
    path: Path, aid: str, data: bytes, ocr_budget: pdf.OcrBudget | None = pdf.INLINE
) -> tuple[Article, str]:
    """The Article of a PDF and its source text (every line, stamps and headers included).

    With `ocr_budget` None, scanned pages are left for later (Article.ocr_waiting): a PDF
    that is all scans is then kept with no text yet, not refused.
    """
    try:
        read = pdf.read(data, ocr_budget)
    except pdf.PdfRefusedError as error:
        raise ArticleFormatError(path, str(error)) from error
    running = page_text.running_lines(read.pages)
    parts: list[str] = []
    starts: list[int] = []  # the index in parts where each page's text starts
    size = 0
    notes = list(read.notes)
    for number, lines in enumerate(read.pages, start=1):
        if number > 1:
            parts.append(page_divider(number))
        starts.append(len(parts))
        paragraphs = page_text.paragraphs(lines, running)
        parts.extend(paragraphs)
        size += sum(len(paragraph) + 2 for paragraph in paragraphs)
        if size > MAX_BODY_CHARS:
            notes.append(f"Only the text of its first {number} pages was kept: it is very long.")
            break
    body = "\n\n".join(parts)
    dividers = {page_divider(number) for number in range(2, len(read.pages) + 1)}
    ends = [0]
    for part in parts:
        ends.append(ends[-1] + len(part) + 2)
    offsets = [min(ends[start], len(body)) for start in starts]
    if not read.scan_pages and not any(part not in dividers for part in parts):
        raise ArticleFormatError(path, _no_text_reason(read))
    source = "\n".join(line for lines in read.pages for line in lines)
    heading = pdf_heading.find(read.pages, read.large_lines)
    article = Article(
        id=aid,
        path=path,
        title=_stated_title(read.title) or heading.title or path.stem,
        body=body,
        format="pdf",
        published=heading.date,
        pages=tuple(offsets),
        ocr_pages=read.ocr_pages,
        ocr_waiting=read.scan_pages,
        notes=tuple(notes),
    )
    return article, source


def from_office(path: Path, aid: str, data: bytes, kind: str) -> tuple[Article, str]:
    """The Article of a .docx, .rtf, .doc or .wpd file and its source text."""
    title: str | None = None
    try:
        if kind == "docx":
            title, paragraphs = office.read_docx(data)
        elif kind == "rtf":
            paragraphs = office.read_rtf(data.decode("latin-1"))
        else:
            paragraphs = office.read_with_program(f".{kind}", data)
    except office.OfficeRefusedError as error:
        raise ArticleFormatError(path, str(error)) from error
    paragraphs = _capped(paragraphs)
    if not paragraphs:
        raise ArticleFormatError(path, "it has no text")
    plain = [paragraph.removeprefix("## ") for paragraph in paragraphs]
    heading = next((p[3:] for p in paragraphs if p.startswith("## ")), None)
    article = Article(
        id=aid,
        path=path,
        # A Word file without a heading style is titled like a PDF's first page: its caption
        # or heading line, never the court's name or a paragraph's first words.
        title=_stated_title(title) or heading or pdf_heading.find([plain]).title or path.stem,
        body="\n\n".join(paragraphs),
        format=kind,
    )
    return article, "\n".join(plain)


def from_email(path: Path, aid: str, data: bytes) -> tuple[Article, str]:
    """The Article of an e-mail (.eml, or a raw e-mail saved as text) and its source text."""
    message = email_message.read(data)
    paragraphs = _capped(list(message.paragraphs))
    notes: tuple[str, ...] = ()
    if message.attachments:
        notes = (f"Attachments not read: {', '.join(message.attachments[:10])}.",)
    if not paragraphs:
        raise ArticleFormatError(path, "the e-mail has no message text")
    article = Article(
        id=aid,
        path=path,
        title=message.subject or path.stem,
        body="\n\n".join(paragraphs),
        format="eml",
        published=message.date,
        source=message.sender,
        notes=notes,
    )
    return article, data.decode("utf-8", "replace")


def _capped(paragraphs: list[str]) -> list[str]:
    kept: list[str] = []
    size = 0
    for paragraph in paragraphs:
        size += len(paragraph) + 2
        if size > MAX_BODY_CHARS:
            break
        kept.append(paragraph)
    return kept


def _stated_title(stated: str | None) -> str | None:
    """The title a file's properties state, never a generator's placeholder."""
    if stated and " " in stated.strip() and not _GENERATOR_TITLE.match(stated.strip()):
        return stated
    return None


def _no_text_reason(read: pdf.PdfText) -> str:
    if read.notes:
        return "no page has text that could be read. " + " ".join(read.notes).rstrip(".")
    return "it has no text that could be read"
