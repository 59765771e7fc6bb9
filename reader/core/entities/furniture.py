"""Page furniture of court documents: text the entity model must not read as names.

Court pages and notices carry menus, form labels ("Date Filed:"), e-mail headers, addresses,
HTML left in saved e-mails and clerks' initials. `mask` blanks them (same length, so offsets
hold) before the model reads the text. The shape of a page decides before the word lists
(resources/data/legal/furniture_*.tsv) do: a header block tops a text, an address block ends
at its "City, ST 12345" line, a form's value follows its label, a docket's case flags stand
above its court's name, a site's menu is a run of short lines. What the model still calls a
name but is furniture is dropped by furniture_names.py.
"""

from __future__ import annotations

import re

from reader.core.entities.furniture_words import vocabulary

# A header block starts the text: "Return-Path:", "Received:" ... (the reader may have put
# "## " before a line it took for a heading).
_HEADER = re.compile(
    r"(?:## )?(?:Return-Path|Received|Received-SPF|Authentication-Results|DKIM-Signature|"
    r"X-[\w-]+|ARC-[\w-]+|Date|From|To|Cc|Bcc|Reply-To|Sender|Subject|Message-I[Dd]|"
    r"MIME-Version|Content-Type|Content-Transfer-Encoding|Delivered-To|Return-Receipt-To|"
    r"Thread-Topic|Thread-Index|Importance|Priority|User-Agent|In-Reply-To|References)"
    r"\s*:",
    re.IGNORECASE,
)
# Wrapped header values: "by host with ESMTP", "Mon, 26 Sep 2022 ...", "dmarc=none ...", a
# base64 line; anything not starting with a capitalised word.
_CONTINUATION = re.compile(r"(?:## )?(?:[a-z0-9(\[<;=]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),|\S+$)")
_KEEP_VALUE = re.compile(r"(?:## )?Subject\s*:", re.IGNORECASE)
_PATTERNS = [
    # HTML left in a saved e-mail; a tag may wrap a line ("<A HREF=...\nTARGET=...>")
    r"<[A-Za-z/?][^<>]{0,800}>|<![^<>\n]{0,800}>",
    r"&(?:#\d{1,6}|[a-zA-Z]{2,8});",
    r"\b(?:https?://|www\.)\S+",
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    r"\b[a-z0-9-]+(?:\.[a-z0-9-]+){2,}\b",  # host names
    r"(?=[A-Za-z0-9+/=]*\d)(?=[A-Za-z0-9+/=]*[A-Za-z])[A-Za-z0-9+/=_-]{20,}",  # hashes, ids
    r"\[STAMP[^\n]*",
    r"\((?:[a-z]{2,8}\d?(?:,\s*[a-z]{2,8})*|Admin\.?)\)",  # clerk's initials: (jreg, usbc)
    r"\[\s*LOGIN REMOVED\s*\]",
    r"\bCM/ECF\b",
    r"\([A-Za-z]{2,8}\)(?=\s*\(Entered:)",  # a clerk's initials before "(Entered: ...)"
    r"\b[A-Z0-9-]+\.(?:GOV|COM|ORG|NET|EDU)\b",  # "USA.GOV" in a site's footer
    # a box number inside a sentence, with its city: "P.O. Box 5021 Saipan, MP 96950"
    r"\bP\.\s?O\.\s+Box\s+\d+(?:,?\s+[A-Z][A-Za-z .'-]{1,30},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?",
    r"\b(?:LIVE|Live)\s+(?:Database|DB)\b",  # "District of X Live Database" (CM/ECF)
]
_NOISE = re.compile("|".join(_PATTERNS))
_SPACE = " \t\u00a0\u200b\ufeff"  # a zero-width space starts lines of some e-mails
_STREET = (
    r"Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Plaza|Center|Centre|Circle|Way|Lane|"
    r"Ln|Pkwy|Parkway|Square|Sq|Place|Pl|Highway|Hwy|Floor|Fl|Suite|Ste|Bldg|Building"
)
# A street line ("555 California St. 26th Fl"), a suite or box line, a phone line; short and
# without a sentence's end, so a news line starting with a number is not one.
_ADDRESS_LINE = re.compile(
    rf"(?:\d+[A-Za-z]?\s+[^\n]{{0,50}}\b(?:{_STREET}|[A-Z]{{2,}})\b\.?[^\n.!?]{{0,25}}"
    rf"|(?:Suite|SUITE|Ste|STE|Room|Rm|Floor|P\.?\s?O\.?\s+(?:Box|BOX))\b\.?\s*#?\s*\w+[^\n]{{0,20}}"
    r"|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}[^\n]{0,20}"
    r"|[A-Z][A-Za-z .'-]{1,30},\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?)"  # "Natick, MA 01760"
)
# The city line ends an address block; the lines just above it that name a building
# ("Key Bldg", "J.W. McCormack Post Office & Courthouse") or a unit ("#1023") belong to it.
_CITY_LINE = re.compile(r"[A-Z][A-Za-z .'-]{1,30},\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?")
_BUILDING_LINE = re.compile(
    r"(?:#\s*\d|\d)[^\n]{0,60}|[^\n]{0,60}\b(?:Bldg|Building|Courthouse|Court House|Tower|"
    r"Towers|Floor|Fl|Suite|Ste|Room|Rm)\b\.?(?:\s*#?\s*\d+\w?)?"
)
_ADDRESS_LOOKBACK = 3
_MIN_REPEATED_VALUE = 16
# "Date Filed:", "Tax ID / EIN:", "Nature[s] of Suit:" at the start of a line.
_LABEL = re.compile(r"(?:## |- )?(?P<label>[A-Z][\w()\[\]/#.' -]{0,40}?)\s?:(?!\S*//)")
_LIST_ITEM = re.compile(r"(?:- |\* )(?P<item>[^\n]{1,60})")
_MENU_RUN = 6  # this many short list items in a row are a menu, whatever they say
_MENU_ITEM_WORDS = 10
_BARE_MENU_RUN = 8
SMALL_WORDS = frozenset(
    {"of", "to", "for", "re", "on", "in", "by", "with", "and", "or", "the", "a", "an", "at"}
    | {"from", "v", "vs", "v.", "&"}
)


def mask(text: str) -> str:
    """Return `text` with its furniture replaced by spaces (same length, newlines kept)."""
    return _blank(text, furniture_spans(text))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are page furniture, in no particular order."""
    spans = [m.span() for m in _NOISE.finditer(text)]
    # Lines are read with tags and addresses blanked, so "<b>Case Name:</b>" starts a line.
    cleaned = _blank(text, spans)
    lines = []
    for m in re.finditer(r"[^\n]+", cleaned):
        body = m.group(0).lstrip(_SPACE)
        if body.strip(_SPACE):
            lines.append((m.end() - len(body), m.end(), body.rstrip(_SPACE)))
    spans += _header_block(lines)
    spans += _menus(lines)
    spans += _line_furniture(text, lines)
    return spans


def _header_block(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The e-mail header block at the top of a text, keeping the Subject's value."""
    spans: list[tuple[int, int]] = []
    if not lines or not _HEADER.match(lines[0][2]):
        return spans
    in_subject = closing = False
    for start, end, line in lines:
        header = _HEADER.match(line)
        if closing and not header:
            break
        if header:
            in_subject = bool(_KEEP_VALUE.match(line))
            spans.append((start, start + header.end() if in_subject else end))
            if header.group(0).lower().lstrip("# ").startswith("content-type") and "html" in line:
                closing = True  # the body follows the last header lines
        elif in_subject:
            continue  # the Subject's wrapped value: the case name, kept
        elif _CONTINUATION.match(line):
            spans.append((start, end))
        else:
            break
    return spans


def _menus(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Runs of short list items that are menus: long runs, or runs of known furniture.

    A site's menu may head its groups with a bare line ("About", "News Media") or have no list
    marks at all ("Public Laws", "TT Code", "About Us"): bare short lines inside a run of
    items belong to it, and a run of bare lines is a menu when it is long and holds known
    furniture lines.
    """
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str, str]] = []
    for line in [*lines, (0, 0, "")]:
        kind = _menu_kind(line[2])
        if kind:
            run.append((*line, kind))
            continue
        if _is_menu(run):
            spans += [(s, e) for s, e, _, _ in run]
        run = []
    return spans


def _menu_kind(line: str) -> str:
    """ "item" (a short list item), "bare" (a short line a menu may hold), "mark" (no word)."""
    text = re.sub(r"^#{1,6}\s+", "", line.strip())  # the reader took it for a heading
    item = _LIST_ITEM.fullmatch(text)
    if item and len(item.group("item").split()) <= 6:
        return "item"
    if item and len(item.group("item").split()) <= _MENU_ITEM_WORDS:
        return "long"  # in a menu ("- Chief Justice's Year-End Reports on the ..."), not one alone
    if text and not any(c.isalnum() for c in text):
        return "mark"  # "<!--//", "//-->"
    if (
        len(text.split()) <= 5
        and not re.search(r"[\d,:;!?]|\.$|\sv\.?\s", text)
        and text[:1].isupper()
    ):
        return "bare"
    return ""


def _is_menu(run: list[tuple[int, int, str, str]]) -> bool:
    known = vocabulary().lines
    items = [r for r in run if r[3] == "item"]
    if not items:
        bare = [r for r in run if r[3] == "bare"]
        hits = sum(_fold_line(r[2]) in known for r in bare)
        return len(bare) >= _BARE_MENU_RUN and hits >= 2
    # bare lines only between items: a heading after a menu is no part of it
    first, last = run.index(items[0]), run.index(items[-1])
    del run[last + 1 :]
    del run[:first]
    hits = sum(_fold_line(r[2]) in known for r in run)
    return len(items) >= _MENU_RUN or 2 * hits >= len(run)


def _fold_line(line: str) -> str:
    return re.sub(r"^(?:## |- |\* )", "", line.strip()).strip().casefold()


def _line_furniture(text: str, lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Known furniture lines, addresses and phone lines, and form labels (with some values)."""
    words = vocabulary()
    spans: list[tuple[int, int]] = []
    blank_next = False
    values: set[str] = set()  # a form value written again in the text ("Nature of Suit")
    for number, (start, end, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if blank_next:
            # a code line ("21") is followed by its description, and perhaps another pair
            blank_next = bool(re.fullmatch(r"\d{1,4}", stripped)) or _is_code_line(
                lines, number + 1
            )
            spans.append((start, end))
            if len(stripped) >= _MIN_REPEATED_VALUE:
                values.add(stripped)
            continue
        if _CITY_LINE.fullmatch(stripped):
            spans += _building_lines(lines, number)
        if _is_flags_line(lines, number):
            spans.append((start, end))
            continue
        if _fold_line(line) in words.lines or _ADDRESS_LINE.fullmatch(stripped):
            spans.append((start, end))
            continue
        label = _LABEL.match(line)
        if label and _is_label(label.group("label")):
            name = label.group("label").strip().casefold()
            if name in words.value_labels:
                spans.append((start, end))
                # a label alone on its line (an HTML table's label cell): the value follows
                blank_next = not text[start + label.end() : end].strip()
            else:
                spans.append((start, start + label.end()))
    for value in values:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(value), text)]
    return spans


_FLAG = re.compile(r"[\w-]+")
_ODD_FLAG = re.compile(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z]\w*|\w*\d\w*")


def _is_flags_line(lines: list[tuple[int, int, str]], number: int) -> bool:
    """A docket's case flags above its court's name: "## PlnDue, DsclsDue, APPEAL"."""
    if number + 1 >= len(lines) or "court" not in lines[number + 1][2].casefold():
        return False
    items = [i.strip() for i in _fold_line(lines[number][2]).split(",")]
    raw = [i.strip() for i in re.sub(r"^(?:## |- |\* )", "", lines[number][2]).split(",")]
    return (
        all(_FLAG.fullmatch(i) for i in items)
        and len(items) <= 12
        and any(_ODD_FLAG.fullmatch(i) for i in raw)
    )


def _is_code_line(lines: list[tuple[int, int, str]], number: int) -> bool:
    return number < len(lines) and bool(re.fullmatch(r"\d{1,4}", lines[number][2].strip()))


def _building_lines(lines: list[tuple[int, int, str]], city: int) -> list[tuple[int, int]]:
    """The building and unit lines just above an address's city line."""
    spans = []
    for start, end, line in reversed(lines[max(0, city - _ADDRESS_LOOKBACK) : city]):
        if not _BUILDING_LINE.fullmatch(line.strip()):
            break
        spans.append((start, end))
    return spans


def _is_label(label: str) -> bool:
    words = vocabulary()
    folded = label.strip().casefold()
    if folded in words.labels:
        return True
    tokens = re.findall(r"[\w/]+", label)
    if re.search(r"(?:#|\bNo\.?)$", label.strip()) and all(t[0].isupper() for t in tokens[:4]):
        return 0 < len(tokens) <= 4  # "Adversary Proceeding #:", "Claim No.:"
    if not tokens or len(tokens) > 5 or tokens[0].casefold() not in words.words:
        return False
    # "Date Filed", "Lead BK Case": all form words; "Debtor disposition": a form word and
    # lower-case words. "Judge Smith:" starts a line of a transcript and is no label.
    rest = tokens[1:]
    return all(
        t.casefold() in words.words or t.casefold() in SMALL_WORDS or t.islower() for t in rest
    )
