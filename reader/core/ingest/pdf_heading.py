"""A PDF's own title and date, read from its first page: caption, form name, heading.

A filed PDF rarely states its title in its metadata. Its first page says it: the caption of
a pleading ("CRYSTAL LONG, Plaintiff, v. PENDRICK CAPITAL ..." in a box of colons beside the
case number, on numbered pleading paper), the name of an official form ("Official Form 101
Voluntary Petition ... page 1"), the subject of a printed e-mail, the page title of a printed
web page ("3/4/2021 Terms of Use | Help Center" over its address), or a heading line in
capitals. What is never a title: the court's name, the district, the e-filing stamp, the
case number, page and line numbers, a section heading ("III. DISCUSSION") or the first words
of a paragraph. A page cut from the middle of a filing has no title of its own (None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.ingest import caption, legal_dates, page_text

# Pleading paper numbers its lines in the margin ("3   CRYSTAL LONG,    :").
_LINE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\s{2,}|\s*$)")
# A caption box: the parties left of a column of colons, the case number right of it.
_COLON_COLUMN = re.compile(r"(?:^|\s):(?:\s.*)?$")
_OFFICIAL_FORM = re.compile(
    r"\bOfficial Form (?:B\s?)?\d+[A-Z]?\w*\s+(?P<title>[A-Z][^|]{3,100}?)\s+page \d+\b"
)
_PRINT_HEADER = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{2,4}),?\s+(?:\d{1,2}:\d{2}\s*(?:[AaPp][Mm])?\s+)?(?P<title>\S.*)$"
)
_URL_LINE = re.compile(r"^https?://\S+(?:\s+\d+/\d+)?\s*$")
_MAIL_HEADER = re.compile(r"^(?:From|To|Cc|Sent|Date)\s*:", re.IGNORECASE)
_SUBJECT = re.compile(r"^Subject\s*:\s*(?P<subject>\S.*)$", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:\W*CONFIDENTIAL\W*|Page \d+(?: of \d+)?|#:\s*\d+|(?:Case|Civil Action|Docket|Index)"
    r"\s+(?:No|Number)\b.*|Case number\b.*|Nos?\.\s*[\w:-]*\d.*"
    r"|(?:Filed|Decided|Dated|Argued|Submitted|Entered|Date)\b.{0,30}\d{4}\.?)$",
    re.IGNORECASE,
)
_ENUMERATED = re.compile(r"^(?:[IVXL]+|[A-Za-z]|\d{1,3})[.)]\s")
_PHONE = re.compile(r"\(\d{3}\)\s*\d{3}-\d{4}")
_TRAILING_PAGE = re.compile(r"\s+\d{1,3}$")
_SMALL = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to")
)
_QUOTES_AND_MARKS = "\"'\u201c\u201d\u2018\u2019()[],.:;"
_SCAN_LINES = 15
_MAX_TITLE = 150


@dataclass(frozen=True)
class Heading:
    """What the first page says the document is; None where it does not say."""

    title: str | None = None
    date: str | None = None  # only a printed page's print date: a stamp's date comes later


def clean(lines: Sequence[str]) -> list[str]:
    """The lines without pleading-paper line numbers and caption-box colon columns, each with
    its spaces made single."""
    out = []
    for line in lines:
        text = _LINE_NUMBER.sub("", line, count=1)
        text = " ".join(_COLON_COLUMN.sub("", text).split())
        if text:
            out.append(text)
    return out


def find(pages: Sequence[Sequence[str]], large: Sequence[tuple[str, float]] = ()) -> Heading:
    """The title (and a printed page's date) the first page with text states; `large` are
    the first page's lines set in large type, with their size (pdf.PdfText.large_lines)."""
    lines = next((clean(page) for page in pages if clean(page)), [])
    lines = [line for line in lines if not page_text.STAMP.match(line)]
    printed = _print_header(lines)
    if printed:
        return printed
    found = caption.caption_near(lines, 0, 80)
    if found:
        return Heading(found[0])
    for line in lines:
        form = _OFFICIAL_FORM.search(line)
        if form:
            return Heading(form["title"].strip())
    subject = _mail_subject(lines[:8])
    return Heading(subject or _large_heading(lines, large) or _heading_line(lines))


def _print_header(lines: Sequence[str]) -> Heading | None:
    """A web page printed from a browser: "3/4/2021 Its Title" over "https://... 1/2"."""
    if len(lines) < 2 or not _URL_LINE.match(lines[1]):
        return None
    header = _PRINT_HEADER.match(lines[0])
    if not header:
        return None
    return Heading(header["title"].strip()[:_MAX_TITLE], legal_dates.first_date(header["date"]))


def _mail_subject(lines: Sequence[str]) -> str | None:
    """A printed e-mail's subject, when header lines (From:, To:, Sent:) surround it."""
    if sum(1 for line in lines if _MAIL_HEADER.match(line)) == 0:
        return None
    for line in lines:
        found = _SUBJECT.match(line)
        if found:
            return found["subject"].strip()[:_MAX_TITLE]
    return None


def _large_heading(lines: Sequence[str], large: Sequence[tuple[str, float]]) -> str | None:
    """The first line set in large type, with the lines after it in the same type."""
    sizes = dict(large)
    content = [line for line in lines if not _is_furniture(line)][:_SCAN_LINES]
    for number, line in enumerate(content):
        size = sizes.get(line)
        if size is None or not _may_be_title(line):
            continue
        title = line
        for following in content[number + 1 : number + 3]:
            if sizes.get(following) != size or len(title) + len(following) > _MAX_TITLE:
                break
            title = f"{title} {following}"
        return title
    return None


def _heading_line(lines: Sequence[str]) -> str | None:
    """The first heading line above the first paragraph, continued lines in capitals joined."""
    content = [line for line in lines if not _is_furniture(line)][:_SCAN_LINES]
    for number, line in enumerate(content):
        # A short first line over the text ("Memorandum Opinion", "Court rules for the
        # acequia"): a heading of its own.
        first = number == 0 and not _is_capitals(line)
        if first and _is_first_line_heading(line, content[1:4]) and _may_be_title(line):
            return line
        if _is_prose(line):
            return None
        alone = number + 1 == len(content)  # a page of one line is not titled by it
        if _is_capitals(line) and _may_be_title(line) and not (alone and " " not in line):
            title = _TRAILING_PAGE.sub("", line)
            for following in content[number + 1 : number + 3]:
                if not (_is_capitals(following) and _may_be_title(following)):
                    break
                if title.endswith((".", ":")) or len(title) + len(following) > _MAX_TITLE:
                    break
                title = f"{title} {_TRAILING_PAGE.sub('', following)}"
            return title
        if _is_title_case(line) and _may_be_title(line):
            return line
    return None


def _is_furniture(line: str) -> bool:
    return bool(
        page_text.is_furniture(line, set())
        or _FURNITURE.match(line)
        or not any(char.isalpha() for char in line)
        or (len(line) <= 120 and caption.is_court_line(line))
    )


def _may_be_title(line: str) -> bool:
    words = [word for word in line.split() if any(char.isalpha() for char in word)]
    return (
        len(line) <= _MAX_TITLE
        and (len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 5))
        and not _ENUMERATED.match(line)
        and not line.endswith((",", ";"))
        and not _PHONE.search(line)
    )


def _is_capitals(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters)


def _is_title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital, and there are two or more."""
    words = [word.strip(_QUOTES_AND_MARKS) for word in line.split()]
    long = [word for word in words if sum(char.isalpha() for char in word) >= 4]
    return len(long) >= 2 and all(word[:1].isupper() for word in long) and not line.endswith(".")


def _is_first_line_heading(line: str, following: Sequence[str]) -> bool:
    """A first line of a few words, well short of the lines of text under it."""
    widest = max((len(text) for text in following), default=0)
    return (
        len(line.split()) <= 12
        and line[:1].isupper()
        and not line.endswith((".", ",", ";", ":"))
        and len(line) < 0.6 * widest
    )


def _is_prose(line: str) -> bool:
    """A line of running text: many words, most of them small letters."""
    words = line.split()
    if len(words) < 8 or _is_capitals(line) or _is_title_case(line):
        return False
    lower = sum(1 for word in words if word[:1].islower() and word.lower() not in _SMALL)
    return lower >= 2
