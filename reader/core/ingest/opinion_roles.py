"""Who wrote an opinion and who joined it apart: "JUSTICE X delivered the opinion of the Court".

Courts state it in set forms: the Supreme Court's "ROBERTS, C. J., delivered the opinion of
the Court" and "ALITO, J., filed a dissenting opinion", a state court's "Justice Busby
delivered the opinion of the Court" and "Justice Sullivan filed a concurring opinion", and a
separate opinion's own heading "JUSTICE THOMAS, dissenting." Each gives a Party with the role
"opinion author", "concurring" or "dissenting" (on neither side of the case).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.articles import Party

AUTHOR = "opinion author"
DISSENTING = "dissenting"
CONCURRING = "concurring"

_NAME = r"[A-Z][A-Za-z'\u2019-]+(?: [A-Z][A-Za-z'\u2019-]+)?"
# "JUSTICE GINSBURG", "Chief Justice Blacklock", "MR. JUSTICE BLACK"
_TITLED = rf"(?:(?:MR\.|Mr\.)\s+)?(?:(?:CHIEF|Chief)\s+)?(?:JUSTICE|Justice)\s+(?P<name>{_NAME})"
# "GINSBURG, J.", "ROBERTS, C. J.", "Warren, C.J."
_SIGNED = rf"(?P<signed>{_NAME}),\s+(?:C\.\s?J\.|J\.)"
_SEPARATE = (
    r"(?:filed|delivered|wrote)\s+(?:a|an|the)\s+(?:(?P<kind>concurring|dissenting)\s+opinion"
    r"|opinion\s+(?P<kind2>concurring|dissenting)\b)"
)
_PATTERNS = (
    re.compile(rf"(?:{_TITLED}|{_SIGNED}),?\s+delivered\s+the\s+opinion\s+of\s+the\s+Court"),
    re.compile(rf"(?:{_TITLED}|{_SIGNED}),?\s+{_SEPARATE}"),
    # a separate opinion's heading: "JUSTICE THOMAS, dissenting." / "SCALIA, J., concurring"
    re.compile(
        rf"^(?:{_TITLED}|{_SIGNED}),(?:\s+with whom [^.]{{0,120}}?\s+joins?,)?"
        r"\s+(?P<kind3>concurring|dissenting)\b"
    ),
)
_NOT_NAMES = frozenset({"The", "Court", "Per", "Curiam", "Opinion", "Syllabus"})
_MAX_LINES = 4_000


def read(lines: Sequence[str]) -> tuple[Party, ...]:
    """The authors of the opinions `lines` state, each with the part they wrote."""
    found: list[Party] = []
    for line in lines[:_MAX_LINES]:
        if "pinion" not in line and "oncurring" not in line and "issenting" not in line:
            continue
        for number, pattern in enumerate(_PATTERNS):
            for match in pattern.finditer(line):
                name = _shown(match["name"] or match["signed"])
                if not name:
                    continue
                parts = match.groupdict()
                kind = parts.get("kind") or parts.get("kind2") or parts.get("kind3")
                role = AUTHOR if number == 0 else (kind or "").lower()
                if role:
                    found.append(Party(name, "", role))
    return tuple(dict.fromkeys(found))


def _shown(name: str) -> str | None:
    """ "GINSBURG" as "Ginsburg"; None for words that are no name ("The Court")."""
    if any(word in _NOT_NAMES for word in name.split()):
        return None
    return " ".join(w.title() if w.isupper() else w for w in name.split())
