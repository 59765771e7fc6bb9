"""Case and statute citations in a text, found by eyecite and resolved to the case they cite.

"410 U.S. 113" is a full citation; "410 U.S., at 120", "Id. at 125" and "Roe, supra" are short
forms that refer back to one, and are given the full citation as their value, so that a search
for "410 U.S. 113" finds every article that cites the case however it was written. eyecite is
imported on the first call (about 0.4 s, DECISIONS.md), so starting the app does not pay for it.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

# eyecite's citation objects are untyped; they stay inside this module.
CitationBase = Any

log = logging.getLogger(__name__)

CASE = "CASE"
STATUTE = "STATUTE"
SHORT = "SHORT"
ID = "ID"
SUPRA = "SUPRA"


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation's span in the text (str offsets, end exclusive) and the citation it names.

    `value` is the normalised full citation ("410 U.S. 113", "42 U.S.C. § 1983"); for a short
    form whose full citation is not in the text it is the short form itself ("963 F.3d at 770").
    """

    start: int
    end: int
    text: str
    kind: str  # CASE, STATUTE, SHORT, ID or SUPRA
    value: str
    # Where a full case citation's case name written before it starts ("Twining v. New
    # Jersey, 211 U. S. 78"); -1 when the text names no case.
    name_start: int = -1


# Court rules, which eyecite does not read: "Fed. R. Civ. P. 56(a)", "Fed. R. Evid. 702",
# "Fed R Bankr P 5009", "Tex. R. App. P. 47.1" (the model made "Fed" a place and "R. Civ" a
# person of them).
_RULE = re.compile(
    r"\b(?P<body>Fed|Tex|Cal|Fla|N\.Y|Ill|Pa|Ohio|Mich|Ga|N\.M|Ariz|Colo|Mass|Wash)\.? ?"
    r"R\.? ?(?P<kind>Civ|Crim|App|Evid|Bankr?|Prof|Jud)\.?(?: ?(?:P|Pro|Proc)\.?)?"
    r" ?(?P<number>\d{1,4}(?:\.\d+)?(?:\([a-zA-Z0-9]{1,4}\))*)"
)


def find_citations(text: str) -> list[Citation]:
    """Return the citations in `text` in order; an id. or supra citing nothing is left out."""
    if not any(ch.isdigit() for ch in text):
        return []  # every citation, or the one an id. refers to, has a number
    found = _eyecite_citations(text)
    taken = [(c.start, c.end) for c in found]
    for match in _RULE.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in taken):
            found.append(
                Citation(match.start(), match.end(), match.group(0), STATUTE, _rule(match))
            )
    return _with_case_names(text, sorted(found, key=lambda c: (c.start, c.end)))


# A case name as opinions write it before the citation: a party, "v.", a party, a comma.
# Each party is a run of capitalised words, initials and the small words of a name ("Chicago,
# B. & Q. R. Co.", "Prudential Ins. Co. of America", "United States ex rel. Toth").
_PARTY_WORD = r"(?:[A-Z][\w.'&\u2019-]*|&|of|the|and|ex|rel\.|de|la|von|van)"
_CASE_NAME = re.compile(
    rf"(?P<name>(?:[A-Z][\w.'&\u2019-]*,?(?:[ \t]+{_PARTY_WORD},?){{0,7}}?[ \t]+v\."
    rf"|\b(?:In[ \t]+re|Ex[ \t]+parte))"
    rf"[ \t]+[A-Z][\w.'&\u2019-]*,?(?:[ \t]+{_PARTY_WORD},?){{0,9}}?)"
    r",[ \t]*$"
)
# A full stop after a word that is not an abbreviation ("Amendment." but not "Corp.").
_SENTENCE_END = re.compile(
    r"\b(?!(?:Corp|Bros|Assn|Dept|Mfg|Dist|Cnty|Comm|Univ|Auth|Mont|Colo|Mass|Mich|Minn|Tenn)\.)"
    r"[A-Z]?[a-z]{3,}\.[ \t]+(?=[A-Z])"
)
# Words that open the sentence or signal the citation, not the first party's name.
_SIGNALS = frozenset(
    [
        "In",
        "See",
        "Cf.",
        "Cf",
        "Thus",
        "But",
        "And",
        "Also",
        "Accord",
        "Compare",
        "Contra",
        "Similarly,",
        "Similarly",
        "E.g.,",
        "Then",
        "Under",
        "Since",
        "After",
        "As",
        "Like",
        "Unlike",
        "Following",
        "Citing",
        "Quoting",
        "Compare,",
        "Here",
    ]
)


def _with_case_names(text: str, citations: list[Citation]) -> list[Citation]:
    """Give each full case citation the start of the case name written just before it."""
    named = []
    before = 0  # the case name may not reach back into the citation before it
    for cite in citations:
        if cite.kind == CASE:
            window_start = max(before, cite.start - 160)
            window = text[window_start : cite.start].rsplit("\n", 1)[-1]
            offset = cite.start - len(window)
            match = _CASE_NAME.search(window)
            if match:
                start = offset + match.start("name")
                name = match.group("name")
                # "... by the Fourteenth Amendment. Twining v. New Jersey": a sentence ended.
                ended = list(_SENTENCE_END.finditer(name))
                if ended:
                    start += ended[-1].end()
                    name = name[ended[-1].end() :]
                first = name.split(maxsplit=1)
                while len(first) > 1 and first[0] in _SIGNALS and not first[1].startswith("re "):
                    start += len(name) - len(first[1])
                    name = first[1]
                    first = name.split(maxsplit=1)
                cite = dataclasses.replace(cite, name_start=start)
        named.append(cite)
        before = cite.end
    return named


def _rule(match: re.Match[str]) -> str:
    """A rule's citation as the Bluebook writes it ("Fed. R. Bankr. P. 5009")."""
    kind = match["kind"]
    kind = "Bankr" if kind.startswith("Bank") else kind
    procedure = "" if kind in ("Evid", "Prof", "Jud") else " P."
    return f"{match['body'].rstrip('.')}. R. {kind}.{procedure} {match['number']}"


def _eyecite_citations(text: str) -> list[Citation]:
    from eyecite import get_citations, resolve_citations

    found = get_citations(text, tokenizer=_tokenizer())
    resolved: dict[int, Any] = {}
    resources: dict[Any, list[Any]] = resolve_citations(found)
    for resource, cites in resources.items():
        for cite in cites:
            resolved[id(cite)] = resource.citation
    citations = []
    for cite in found:
        full = resolved.get(id(cite)) or _same_volume(cite, found)
        citation = _citation(text, cite, full)
        if citation is not None:
            citations.append(citation)
    return citations


def _same_volume(cite: CitationBase, found: list[CitationBase]) -> CitationBase | None:
    """The one earlier full citation a short form's volume and reporter fit, if only one does.

    eyecite leaves a short form unresolved when it cannot match the case name before it
    ("Alder, 512 U.S., at 309" after "Alder v. Birch, 512 U.S. 301"); the volume, reporter and
    a pin page after the first page say as much.
    """
    from eyecite.models import FullCaseCitation, ShortCaseCitation

    if not isinstance(cite, ShortCaseCitation):
        return None
    volume, reporter, pin = (cite.groups.get(k) for k in ("volume", "reporter", "page"))
    candidates = {
        _case_value(full): full
        for full in found
        if isinstance(full, FullCaseCitation)
        and _start(full) < _start(cite)
        and full.groups.get("volume") == volume
        and _reporter(full) == _reporter(cite)
        and _page_before(full.groups.get("page"), pin)
    }
    return next(iter(candidates.values())) if len(candidates) == 1 and reporter else None


def _start(cite: CitationBase) -> int:
    return int(cite.span()[0])


def _page_before(page: str | None, pin: str | None) -> bool:
    return bool(page and pin and page.isdigit() and pin.isdigit() and int(page) <= int(pin))


@functools.cache
def _tokenizer() -> Any:
    from eyecite.tokenizers import default_tokenizer

    # eyecite logs "Unknown overlap case" at WARNING for ordinary short forms; that is its
    # business, not the reader's log.
    logging.getLogger("eyecite").setLevel(logging.ERROR)
    return default_tokenizer


def _citation(text: str, cite: CitationBase, full: CitationBase | None) -> Citation | None:
    from eyecite.models import (
        FullCaseCitation,
        FullLawCitation,
        IdCitation,
        ShortCaseCitation,
        SupraCitation,
    )

    start, end = cite.span()
    if isinstance(cite, FullCaseCitation):
        kind, value = CASE, _case_value(cite)
    elif isinstance(cite, FullLawCitation):
        kind, value = STATUTE, _law_value(cite)
    elif isinstance(cite, ShortCaseCitation):
        kind = SHORT
        value = _full_value(full) if full is not None else _short_value(cite)
    elif isinstance(cite, IdCitation | SupraCitation) and full is not None:
        kind, value = (ID if isinstance(cite, IdCitation) else SUPRA), _full_value(full)
    else:
        return None
    span = text[start:end].rstrip(" ,;.")
    if isinstance(cite, IdCitation | FullCaseCitation | FullLawCitation):
        span = text[start:end].rstrip(" ,;")  # "Id." keeps its full stop
    if not span or not value:
        return None
    return Citation(start, start + len(span), span, kind, value)


def _full_value(cite: CitationBase) -> str:
    from eyecite.models import FullLawCitation

    return _law_value(cite) if isinstance(cite, FullLawCitation) else _case_value(cite)


def _case_value(cite: CitationBase) -> str:
    groups = cite.groups
    reporter = _reporter(cite)
    return " ".join([groups.get("volume") or "", reporter, groups.get("page") or "___"]).strip()


def _short_value(cite: CitationBase) -> str:
    groups = cite.groups
    return (
        f"{groups.get('volume') or ''} {_reporter(cite)} at {groups.get('page') or '___'}".strip()
    )


def _reporter(cite: CitationBase) -> str:
    # The reporter as the reporters database spells it: "SW3d" and "S.W.3d" are one reporter.
    edition = getattr(cite, "corrected_reporter", None)
    reporter = edition() if callable(edition) else None
    return str(reporter or cite.groups.get("reporter") or "")


def _law_value(cite: CitationBase) -> str:
    # eyecite's corrected_citation() drops the subject ("Cal. Penal Code" became "Cal. Code"),
    # so the statute is written from its own parts.
    groups = cite.groups
    parts = [groups.get("title") or "", groups.get("reporter") or "", "§", groups.get("section")]
    return (
        " ".join(p for p in parts if p)
        if groups.get("section")
        else " ".join(cite.matched_text().split())
    )
