"""Names the text's shape gives where the model reads none or the wrong kind.

A panel of justices is a list of surnames ("Castro, Manglona, *Inos"); a case name with a
one-word side names a person by surname ("White v. Camacho"); capitalised words ending in a
legal form are a company ("Aligned Development LLC"). recognition.py decides with the model's
mentions which of these spans become people or organisations.
"""

from __future__ import annotations

import re

from reader.core.entities import aliases
from reader.core.entities.furniture_names import leading_role
from reader.core.entities.furniture_words import vocabulary

# A list of surnames: "Castro, Manglona, *Inos" (a panel, the author starred), "Attorney for
# Appellees: Bohman, Morse". Between a line's start, a colon or a semicolon and its end or a
# semicolon.
_SURNAME = r"\*?[A-Z][a-z][A-Za-z'-]+"
_NAME_LIST = re.compile(
    rf"(?:^|(?<=:)|(?<=;))[ \t]*(?P<list>{_SURNAME}(?:,[ \t]*{_SURNAME})+)[ \t]*(?=$|;)",
    re.MULTILINE,
)
# One side of a caption that is one word: "White v. Camacho", "ACME CORPORATION v. BALDWIN et al"
_LONE_FIRST = re.compile(
    r"^[ \t]*(?:#+[ \t]+)?(?:\S*\d\S*[ \t]+)?(?P<w>[A-Z][A-Za-z'-]+)[ \t]+v\.?[ \t]+\S",
    re.MULTILINE,
)
_LONE_SECOND = re.compile(
    r"\S[ \t]+v\.?[ \t]+(?P<w>[A-Z][A-Za-z'-]+)(?:,?[ \t]+et\.?[ \t]*al\.?)?[ \t]*$", re.MULTILINE
)
# Sides of a case that are no surname
_SOVEREIGNS_TEXT = """
    commonwealth state people government territory nation city county town republic kingdom
    crown king queen united
"""
_SOVEREIGNS = frozenset(_SOVEREIGNS_TEXT.split())


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """The spans of the names of each list of surnames in `text` ("*" left out)."""
    found = []
    for match in _NAME_LIST.finditer(text):
        items = []
        for item in re.finditer(r"[A-Z][A-Za-z'-]+", match.group("list")):
            items.append((match.start("list") + item.start(), match.start("list") + item.end()))
        found.append(items)
    return found


def lone_caption_parties(text: str) -> list[tuple[int, int]]:
    """The spans of one-word caption sides that read as surnames: not a sovereign ("State",
    "Commonwealth"), a company's word or a form word."""
    found = []
    words = vocabulary().words
    for pattern in (_LONE_FIRST, _LONE_SECOND):
        for match in pattern.finditer(text):
            word = match.group("w")
            folded = word.casefold()
            if folded in _SOVEREIGNS or folded in words or word.title() in aliases.ORG_WORDS:
                continue
            found.append(match.span("w"))
    return found


# A company the model missed: capitalised words and a legal form ("Aligned Development LLC"),
# or a law office ("Law Offices of Travis & Pon").
_COMPANY_WORD = r"[A-Z][\w&'.-]*"
_COMPANY = re.compile(
    rf"(?<![\w.-])(?!(?:A|An|The|By|For|Of|To|And|With|From)\s)"
    rf"{_COMPANY_WORD}(?:[ \t]+(?:{_COMPANY_WORD}|&|and)){{0,5}},?[ \t]+"
    r"(?:LLC|L\.L\.C\.|LLP|L\.L\.P\.|PLLC|Inc\.|INC\.|Corp\.|Ltd\.)(?![\w-])"
    rf"|\bLaw Offices? of[ \t]+{_COMPANY_WORD}(?:[ \t]+(?:&|and)[ \t]+{_COMPANY_WORD}"
    rf"|[ \t]+{_COMPANY_WORD}){{0,3}}"
)


def company_names(text: str) -> list[tuple[int, int]]:
    """Spans of names shaped as companies, each without a leading role word ("Debtor")."""
    found = []
    for match in _COMPANY.finditer(text):
        start = match.start() + leading_role(match.group(0))
        found.append((start, match.end()))
    return found


# CM/ECF closes an entry with its filer, surname first: "(GOLDBERG, RANDOLPH) (Entered: ...)",
# "(Ravosa, Richard) (Entered: ...)", "(LEZAK, CHRISTOPHER) Modified on ...".
_FILER = re.compile(
    r"\((?P<last>[A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+)?),[ \t]*"
    r"(?P<first>[A-Z][A-Za-z'-]+(?:[ \t]+[A-Z]\.?)?)\)(?=\.?[ \t]*(?:\(Entered|Modified|$))",
    re.MULTILINE,
)


def filer_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "First Last") of each entry's filer written surname first."""
    found = []
    for match in _FILER.finditer(text):
        last, first = match.group("last"), match.group("first")
        placeholder = {last.casefold(), first.casefold()} & {"lastname", "firstname"}
        if (
            placeholder
            or last.title() in aliases.ORG_WORDS
            or last.casefold() in vocabulary().words
        ):
            continue
        found.append((match.start("last"), match.end("first"), f"{first} {last}"))
    return found
