"""The parties of a docket page, read from its party table: each party with its role, and counsel.

A CM/ECF docket page lists its parties in a table of rows "party | represented by | counsel":
the party cell opens with the role in bold italics ("Debtor", "Plaintiff", "U.S. Trustee"),
or a row of its own above holds it, underlined by dashes; then the party's name in bold, then
its address. The counsel cell holds one bold name per attorney, each followed by the firm and
its address. The table's shape says which line is which; no word list decides it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core.articles import Party

REPRESENTED = "represented by"
# Which roles stand on which side of the case (a caption names the first side first).
FIRST_SIDE = frozenset(
    {"plaintiff", "petitioner", "appellant", "debtor", "joint debtor", "movant", "applicant"}
)
SECOND_SIDE = frozenset({"defendant", "respondent", "appellee", "intervenor defendant"})
_ALIAS = frozenset({"aka", "fka", "dba", "fdba", "nka", "fna", "formerly known as"})
_MAX_PARTIES = 60
_MAX_LINES = 2_000
# CM/ECF's abbreviated roles, as a reader says them
_SHORT_ROLES = {
    "responsible ind": "responsible individual",
    "intervenor-dft": "intervenor defendant",
}
_MAX_ROLE = 40
# A line of the counsel cell that is not a firm: a street, suite, city, telephone, e-mail.
_NOT_FIRM = re.compile(
    r"^(?:\d|#|P\.?\s?O\.?\s|Suite\b|Ste\.?\s|Fax\b|Email\b|E-mail\b|Phone\b|Tel\b|\(\d"
    r"|\(See above|Attorney at Law|PRO SE\b|LEAD ATTORNEY|ATTORNEY TO BE NOTICED|TERMINATED"
    r"|Attention\b|c/o\b)"
    r"|^.{0,40},\s*[A-Z]{2}\s+\d{5}",
    re.IGNORECASE,
)


@dataclass
class _Line:
    text: str = ""
    bold: bool | None = None  # of its first words
    italic: bool | None = None


@dataclass
class _Cell:
    lines: list[_Line] = field(default_factory=lambda: [_Line()])

    def texts(self) -> list[_Line]:
        return [ln for ln in self.lines if ln.text.strip()]


class _Rows(HTMLParser):
    """The table rows of a page, each a list of cells, each a list of lines with their style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[_Cell]] = []
        self._bold = 0
        self._italic = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(_Cell())
        elif tag in ("br", "p", "div"):
            self._new_line()
        elif tag in ("b", "strong"):
            self._bold += 1
        elif tag in ("i", "em"):
            self._italic += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)
        elif tag in ("i", "em"):
            self._italic = max(0, self._italic - 1)

    def handle_data(self, data: str) -> None:
        if self._skip or not self.rows or not self.rows[-1]:
            return
        line = self.rows[-1][-1].lines[-1]
        if data.strip() and line.bold is None:
            line.bold, line.italic = self._bold > 0, self._italic > 0
        if data.strip() and line.bold and not self._bold and not line.text.strip():
            line.bold = False
        line.text += data

    def _new_line(self) -> None:
        if self.rows and self.rows[-1]:
            self.rows[-1][-1].lines.append(_Line())


def read(html: str) -> tuple[Party, ...]:
    """The parties and their counsel of a docket page's party table; () if it has none."""
    if REPRESENTED not in html:
        return ()
    parser = _Rows()
    parser.feed(html)
    parser.close()
    found: list[Party] = []
    role: str | None = None
    for cells in parser.rows:
        texts = [_clean(" ".join(ln.text for ln in c.texts())) for c in cells]
        at = next((n for n, t in enumerate(texts) if t.lower() == REPRESENTED), None)
        party_cells = cells[:at] if at is not None else cells
        for cell in party_cells:
            own_role, name = _party_cell(cell)
            role = own_role or role
            if name and role and (at is not None or own_role):
                found.append(Party(name, side_of(role), role, kind=_kind(cell)))
                if at is not None and at + 1 < len(cells):
                    found += _counsel(cells[at + 1], name)
        if len(found) >= _MAX_PARTIES:
            break
    return tuple(dict.fromkeys(found))[:_MAX_PARTIES]


def side_of(role: str) -> str:
    """ "first" for a plaintiff's side, "second" for a defendant's, "" for the others."""
    if role in FIRST_SIDE:
        return "first"
    return "second" if role in SECOND_SIDE else ""


def _party_cell(cell: _Cell) -> tuple[str | None, str | None]:
    """The role a party cell opens with (or holds alone), and the party's name after it."""
    lines = cell.texts()
    role = None
    name = None
    skip_next = False
    for number, line in enumerate(lines):
        text = _clean(line.text)
        if set(text) <= set("-_ "):
            continue  # the rule under a role
        if not line.bold:
            if name or role:
                break  # the address
            continue
        underlined = number + 1 < len(lines) and set(lines[number + 1].text.strip()) <= set("-_")
        if text.lower() in _ALIAS:
            skip_next = True
            continue
        if skip_next:
            skip_next = False
            continue
        if role is None and name is None and (line.italic or underlined):
            if len(text) <= _MAX_ROLE:
                role = _SHORT_ROLES.get(text.lower(), text.lower())
            continue
        if name is None:
            name = text.rstrip(" ,;")
    return role, name


def _kind(cell: _Cell) -> str | None:
    """ "PERSON" for a party the docket gives an SSN, "ORG" for one it gives an EIN."""
    text = " ".join(line.text for line in cell.texts())
    if re.search(r"\bSSN\b|\bITIN\b", text):
        return "PERSON"
    return "ORG" if re.search(r"Tax ID|\bEIN\b", text) else None


def _counsel(cell: _Cell, party: str) -> list[Party]:
    """Each attorney of a counsel cell (a bold line), with the firm on the line after it."""
    lines = cell.texts()
    found = []
    for number, line in enumerate(lines):
        text = _clean(line.text).rstrip(" ,;")
        if not line.bold or not text or text.lower() == party.lower():
            continue  # "Huntington National Bank / PRO SE": a party for itself
        following = _clean(lines[number + 1].text) if number + 1 < len(lines) else ""
        firm = None
        if following and not lines[number + 1].bold and not _NOT_FIRM.search(following):
            firm = following.removeprefix("c/o ").strip(" ,;") or None
        found.append(Party(text, "", "attorney", party, firm))
    return found


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


_JUDGE = re.compile(
    r"^(?P<label>Assigned to|Presiding Judge|Judge|Referred to)\s*:\s*(?P<name>.+)$", re.IGNORECASE
)
_JUDGE_TITLE = re.compile(
    r"^(?:(?:Hon(?:orable|\.)?|The Honorable)\s+)?(?:(?:Chief|Senior|Magistrate|Bankruptcy"
    r"|District|Visiting|U\.?\s?S\.?)\s+)*(?:Judges?\s+)?",
    re.IGNORECASE,
)


def judges(lines: Sequence[str]) -> tuple[Party, ...]:
    """The judges a docket names on its own lines ("Assigned to: Judge Thomas E. Carlson")."""
    found: list[Party] = []
    for number, line in enumerate(lines[:400]):
        match = _JUDGE.match(line)
        text = match["name"] if match else None
        if match is None and line.rstrip(": ").lower() in ("presiding judge", "assigned to"):
            text = lines[number + 1] if number + 1 < len(lines) else None
        if not text:
            continue
        name = _JUDGE_TITLE.sub("", text.strip()).strip(" ,.")
        name = re.split(r"\s+(?:Date|Case|Chapter|Referred|Demand)\b", name)[0]
        if 2 <= len(name.split()) <= 6 and not re.search(r"\d", name):
            label = (match["label"] if match else line).lower()
            role = "referred judge" if label.startswith("referred") else "judge"
            found.append(Party(name, "", role))
    return tuple(dict.fromkeys(found))


_COUNSEL_FOR = re.compile(r"^(?:Attorneys? for (?P<side>[A-Za-z -]{3,40})|(?P<other>Other)):$")
_PARTY_NAME = "Party name:"
_OFFICE = re.compile(
    r"\b(?:LLP|LLC|L\.L\.P\.|P\.C\.|P\.A\.|PLLC|Department|Office|Law|Attorney General"
    r"|Committee|Clinic|Association|Center|Council|Group)\b|&",
)


def supreme_court_counsel(lines: Sequence[str]) -> tuple[Party, ...]:
    """The parties and counsel of a Supreme Court docket: blocks under "Attorneys for
    Petitioners:", each an attorney's name, office and address, closed by "Party name: X"."""
    found: list[Party] = []
    role: str | None = None
    block: list[str] = []
    for line in lines[:_MAX_LINES]:
        heading = _COUNSEL_FOR.match(line)
        if heading:
            side = heading["side"]
            role = side.lower().removesuffix("s") if side else "other party"
            block = []
        elif role and line.startswith(_PARTY_NAME):
            party = line[len(_PARTY_NAME) :].strip()
            if party and block:
                firm = next((b for b in block[1:4] if _OFFICE.search(b)), None)
                found.append(Party(party, side_of(role), role))
                if block[0].lower() != party.lower():  # not a party for itself
                    found.append(Party(block[0], "", "attorney", party, firm))
            block = []
        elif role:
            block.append(line)
    return tuple(dict.fromkeys(found))
