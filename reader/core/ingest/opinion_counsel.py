"""Counsel and amici an opinion names above it: "X argued the cause for petitioner".

A Supreme Court opinion (and many state high courts' copying its form) lists who argued and
briefed the case before the opinion begins: "Harold Roe argued the cause and filed a brief for
petitioner", "With him on the brief were A and B", "Briefs of amici curiae were filed by C,
Attorney General, for the State of Ohio; and by D for the E Association". Each person becomes
counsel for the side or body named after "for"; an amicus becomes a party with that part.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from reader.core.articles import Party

AMICUS = "amicus curiae"

# A person as these lines write one: a first name or initial, more initials or names, a
# surname, and "Jr." after a comma ("Harry W. Hultgren, Jr.").
_NAME = re.compile(
    r"\b(?:[A-Z][a-z'\u2019]+|[A-Z]\.)(?:\s+[A-Z]\.)*(?:\s+(?:de |van |Mc|O')?[A-Z][\w'\u2019-]+)+"
    r"(?:,\s+(?:Jr|Sr|II|III)\.?)?"
)
_COUNSEL_WORDS = re.compile(
    r"\b(?:argued the cause|filed (?:a |the )?briefs?|on the briefs?|were filed by)\b"
)
_SIDES = re.compile(r"(?:petitioner|respondent|appellant|appellee)s?")
_FOR = re.compile(
    r"\bfor\s+(?:the\s+)?(?P<for>(?:petitioners?|respondents?|appellants?|appellees?)\b"
    r"|[A-Z][\w.'\u2019&]*(?:\s+(?:of|the|and|&|[A-Z][\w.'\u2019&]*))*)"
    r"(?P<amicus>,?\s+as\s+amic(?:us|i)\s+curiae)?"
)
# Titles and offices written beside the names ("Attorney General of California"): no person.
_TITLE_WORDS = frozenset(
    [
        "attorney",
        "attorneys",
        "general",
        "assistant",
        "deputy",
        "solicitor",
        "counsel",
        "state's",
        "district",
        "united",
        "states",
        "court",
        "state",
        "justice",
        "chief",
    ]
)
_MAX_LINES = 80


def read(lines: Sequence[str]) -> tuple[Party, ...]:
    """The counsel (and amici) an opinion's head names, each for the side or body they argued
    or briefed for: "petitioner", "respondent", or a body's name."""
    found: list[Party] = []
    side = ""
    for line in lines[:_MAX_LINES]:
        if "opinion of the Court" in line:
            break  # the opinion itself begins
        if not _COUNSEL_WORDS.search(line):
            continue
        amici = "amicus curiae" in line or "amici curiae" in line
        # one statement per sentence or per "; and by ..." part
        for part in re.split(r";\s+|(?<=[a-z]{2}\.)\s+(?=[A-Z])", line):
            if not _COUNSEL_WORDS.search(part) and not part.startswith("and by"):
                continue
            targets = list(_FOR.finditer(part))
            names_end = targets[-1].start() if targets else len(part)
            if targets:
                side = re.sub(r"(?<=[a-z]{3})\.$", "", targets[-1]["for"].strip())
                if targets[-1]["amicus"] or (amici and not _SIDES.fullmatch(side)):
                    found.append(Party(side, "", AMICUS))
            elif "on the brief" not in part:
                continue  # "With him on the brief were ...": the side named before
            for match in _NAME.finditer(part[:names_end]):
                name = match.group(0)
                if not any(w.casefold().strip(",.") in _TITLE_WORDS for w in name.split()):
                    found.append(Party(name, "", "attorney", side or None))
    return tuple(dict.fromkeys(found))


def with_sides(counsel: Sequence[Party], captioned: Sequence[Party]) -> tuple[Party, ...]:
    """Counsel "for petitioner" as counsel for the caption's party that is the petitioner."""
    by_role = {p.role: p.name for p in captioned if p.role}
    shown = []
    for party in counsel:
        role = (party.represents or "").lower().removesuffix("s")
        if party.role == "attorney" and role in by_role:
            party = dataclasses.replace(party, represents=by_role[role])
        shown.append(party)
    return tuple(shown)
