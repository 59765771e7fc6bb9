"""Names the entity model found that are page furniture, not people or organisations.

`is_furniture` drops what the model still calls a name after furniture.mask: a document kind,
a form word, a date, an address or a legal abbreviation ("Docket Report", "Email", "C. J",
"323 U. S"). The other functions trim a name to what it names: a role before it, a title or
a docket entry's words after it, a legal form cut short by a column.
"""

from __future__ import annotations

import itertools
import re

from reader.core.entities.furniture import SMALL_WORDS
from reader.core.entities.furniture_words import vocabulary
from reader.core.mentions import ORG, PERSON

_NO_NAME_STARTS = frozenset({"of", "to", "for", "and", "or", "by", "with", "from", "on", "re"})
# A title or a common noun alone, whatever the model calls it.
_NO_NAMES = frozenset(
    {("mr",), ("mrs",), ("ms",), ("dr",), ("messrs",), ("national",), ("federal",)}
    | {("states",), ("state",), ("the", "states")}
)
_DATE_OR_ZIP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\b[A-Z]{2}\s+\d{5}\b|\d{1,2}:\d{2}")
# A legal abbreviation or citation: every word an initial or a short abbreviation ("C. J",
# "S. W. Rep", "O. T. 1954", "Tex. R. App"), or a reporter between numbers ("323 U. S. 214").
_ABBREVIATION_WORD = re.compile(
    r"(?:[A-Z]\.?|[A-Z][a-z]{0,4}\.|\d+[a-z]{0,2}|Rep|App|Supp|Civ|Crim|Proc|Evid|Stat|Ann|"
    r"Code|Ct|Cir|Dist|Reg|Sess|Laws|Ed|JJ?|C\.J)"
)
# A small word between two capitalised words: "Fixing of Bond" (not "de", "van", "bin" ...).
_CONNECTOR = re.compile(r"\b[A-Z][\w.'-]*\s+(?:of|and|or|for|the|to|on|in)\s+[A-Z]")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
_TRAILING_TITLE = re.compile(r",?\s+(?:C\.\s?J|J|JJ|P\.\s?J|Ch\.\s?J)\.?$")


def is_furniture(name: str, label: str) -> bool:
    """True if a PERSON/ORG `name` the model found is a form word, document title or citation."""
    if not any(c.isupper() for c in name) or _DATE_OR_ZIP.search(name):
        return True
    if re.fullmatch(r"[Cc]/[Oo]", name.strip()):  # "in care of" before a firm
        return True
    if label == "PERSON" and any(c.isdigit() for c in name):
        return True
    tokens = name.replace(",", " ").split()
    # "R. APP" (Tex. R. App. P. in a capitals heading) as much as "R. App"
    if all(
        _ABBREVIATION_WORD.fullmatch(t) or _ABBREVIATION_WORD.fullmatch(t.title()) for t in tokens
    ):
        return True
    words = vocabulary()
    # "Response/Objection" is two words; "Document(s" one
    folded = [
        word
        for t in tokens
        for w in re.split(r"[/-]", re.sub(r"\(s\)?$|\[s\]", "s", t).casefold())
        if (word := w.strip(".()[]'\u2019:;"))
    ]
    if tuple(folded) in _NO_NAMES:
        return True  # "MR" of "MR. JUSTICE BRENNAN"; "the States" of an opinion
    if folded[0] in _NO_NAME_STARTS:
        return True  # "Of Intent To Distribute Estate": a title's tail
    content = [w for w in folded if w not in SMALL_WORDS]
    if not content or all(w in words.words or _NUMBER.fullmatch(w) for w in content):  # "Chapter 7"
        return True
    if any(w in words.never for w in folded) or name.rstrip().endswith("&"):
        return True  # an address ("Fed Bldg Akron"), a shout ("DO NOT REPLY"), a cut-off span
    if label == PERSON and _CONNECTOR.search(name):
        return True  # "Fixing of Bond": a person's name has no "of" between its words
    if label == ORG and re.search(r"\sor\s", name):
        return True  # "Validity, Priority or Extent"
    kinds = words.document_kinds
    if folded[-1] in kinds or (folded[0] in kinds and len(folded) == 2 and len(folded[1]) == 1):
        return True  # "Docket Report", "Schedules F", "Exhibit A"
    # "Notice of ...", "Final Report and Applications for Compensation": a title
    if any(w in kinds and nxt in SMALL_WORDS for w, nxt in itertools.pairwise(folded)):
        return True
    return is_bare_suffix(name) or " by " in name  # "P.C"; "Corrected by Clerks Office"


# "AZ 85041" in "PHOENIX, AZ 85041," and a claim code "(AZ09-11127)" the model reads as dates
_ZIP_OR_CODE = re.compile(r"[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?|[A-Z]{2,4}\d{2}-\d{3,}")


def is_zip_or_code(span: str) -> bool:
    """True for a state and zip code, or a letters-and-digits code, that is no date."""
    return bool(_ZIP_OR_CODE.fullmatch(span.strip(" ,.()")))


def titles_a_document(text: str, start: int, name: str) -> bool:
    """True for a name that goes on a document's title: "Order Scheduling Initial Chapter 11
    Case Management Conference", "Motion Granting ...": a document kind, then a verb form."""
    first = name.split()[0] if name.split() else ""
    if not re.fullmatch(r"[A-Z][a-z]{2,}(?:ing|ed)", first):
        return False
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30) : start])
    return before is not None and before.group(1).casefold() in vocabulary().document_kinds


def trim_title(name: str) -> str:
    """Drop a judicial title after a name: "Warren, C. J." is Warren."""
    return _TRAILING_TITLE.sub("", name)


# Docket-entry words the model takes into the name before them: "Megan G Heeg Hearing",
# "Harold Taxel Granting", "A. L. Tenney Added", "Gray Cary Ware With Hearing Re".
_TRAILING_ENTRY_WORD = re.compile(
    r"(?:[\s,/]+(?:Filed|FILED|Added|Re|RE|Hearing|Granting|Denying|Approving|Regarding|Sent"
    r"|Scheduled|Entered|Terminated|With|C/O|c/o|and|for|of|to|by))+\.?$"
)


def trailing_entry_words(name: str) -> int:
    """How many characters at the end of `name` are docket-entry words, not the name."""
    match = _TRAILING_ENTRY_WORD.search(name)
    return len(match.group(0)) if match and match.start() > 0 else 0


def leading_role(name: str) -> int:
    """How many characters of `name` are a party-role word before the name itself.

    "Debtor Marina View Corporation" (a docket entry's "filed by Debtor X") is Marina View
    Corporation.
    """
    words = vocabulary().words
    for count in (2, 1):
        match = re.match(rf"(?:[A-Za-z]+\s+){{{count}}}", name)
        if (
            match
            and name[match.end() : match.end() + 1].isupper()
            and all(w.casefold() in words for w in match.group(0).split())
        ):
            return match.end()
    return 0


# "Kenai Ironclad v. CP Marine Services": a caption names two parties, never one entity.
# A run of blanks or a line break (blanked furniture between two names) also ends a name.
_VERSUS = re.compile(
    r"\s+(?:v\.?|vs\.?|[fan]ka|dba|FKA|AKA|NKA|DBA)\s+|\.?\)\s*\(|\s*\((?=[^)]*$)|\s*/\s+"
    r"|\s+(?:v\.?|vs\.?|et\.? al\.?|et)$|\s*\n\s*|\s{3,}"
)


_CORPORATE_SUFFIX = re.compile(
    r"(?:L\.\s?L\.\s?[CP]\.?|L\.\s?P\.?|LLC|LLP|PLLC|Inc\.?|Ltd\.?|Corp\.?|Co\.|P\.\s?C\.?|P\.\s?A\.?)"
)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.'-]*[ \t]+){0,4}[A-Z][\w&.'-]*[ \t]*$")
_NAME_BEFORE_COMMA = re.compile(r"(?:[A-Z][\w&.'-]*[ \t]+){0,4}[A-Z][\w&.'-]*,[ \t]*$")
_ACRONYM = re.compile(r"\b[A-Z]{2,4}\b")


_LEGAL_FORM_AT_END = re.compile(rf",?\s+{_CORPORATE_SUFFIX.pattern}$")


def has_legal_form(name: str) -> bool:
    """True for a company's name that ends with its legal form: "Fenwick Tugs, L.L.C"."""
    return bool(_LEGAL_FORM_AT_END.search(name.strip()))


def without_legal_form(name: str) -> str:
    """ "Fenwick Tugs, L.L.C" without its legal form: "Fenwick Tugs"."""
    return _LEGAL_FORM_AT_END.sub("", name.strip())


_CUT_LEGAL_FORM = re.compile(r"(?<=\w)\s+(?:LL|L\.L)\.?$")


def cut_legal_form(name: str) -> int:
    """How many characters end `name` with a legal form a court system's column cut short
    ("Sheppard Mullin Richter & Hampton LL" for "... LLP")."""
    match = _CUT_LEGAL_FORM.search(name)
    return len(match.group(0)) if match and len(name.split()) >= 3 else 0


def is_bare_suffix(name: str) -> bool:
    """True for a span that is only a company's legal form ("L.L.C."): the name is before it."""
    return bool(_CORPORATE_SUFFIX.fullmatch(name.strip(" ,")))


def name_before(text: str, start: int, *, comma: bool = False) -> int:
    """How many characters of capitalised words (then a comma, with `comma`) on the same line
    run straight into `start`: "Kenai " before "Ironclad v. ...", "CP Marine Services, " before
    "L.L.C."."""
    window = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
    if not comma and window and not window[-1].isspace():
        return 0
    match = (_NAME_BEFORE_COMMA if comma else _NAME_BEFORE).search(window)
    return len(match.group(0)) if match else 0


def party_label(part: str, label: str) -> str:
    """The label of one party of a caption the model labelled as a whole: an organisation when
    it has a company's word or an acronym beside ordinary words ("CP Marine Services")."""
    words = part.split()
    shaped = bool(_ACRONYM.search(part) or _CORPORATE_SUFFIX.search(part))
    if label == PERSON and len(words) >= 2 and not part.isupper() and shaped:
        return ORG
    return label


def caption_parts(name: str) -> list[tuple[int, int]]:
    """The (start, end) of each party in a caption-shaped name; one part for any other name."""
    parts: list[tuple[int, int]] = []
    start = 0
    for match in _VERSUS.finditer(name):
        parts.append((start, match.start()))
        start = match.end()
    parts.append((start, len(name)))
    return [(s, e) for s, e in parts if e > s]
