"""A case caption ("Fisher v. University of Texas at Austin") and its two sides; court names.

A caption is what a reader calls the case: the parties' names without their roles
("Petitioner", "et al." stays, as courts write it), "v." between them. "In re X" has one side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.articles import Party

_VERSUS = re.compile(r"\s+(?:v\.?|vs\.?|versus)\s+", re.IGNORECASE)
_ROLE = re.compile(
    r"[,;]?\s*\b(?:(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?"
    r"|Applicants?|Movants?|Debtors?|Relators?|Intervenors?|Cross-Appellants?|Cross-Appellees?)"
    r"(?:\s*(?:-|and|/|,)\s*(?:Appellants?|Appellees?|Petitioners?|Respondents?|Cross-\w+))*)"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)
# An official sued in office writes the office after the name ("HOGAN, SHERIFF.", "Smith,
# Warden"): it is no part of the party's name, nor a role in the case.
_OFFICE = re.compile(
    r",\s*(?:SHERIFF|WARDEN|SUPERINTENDENT|COMMISSIONER|DIRECTOR|ADMINISTRATOR|MAYOR|GOVERNOR"
    r"|SECRETARY|TREASURER|ATTORNEY GENERAL|DISTRICT ATTORNEY|CHIEF OF POLICE|ACTING WARDEN)"
    r"(?:\s+(?:OF|FOR)\s+[A-Z][\w .,&'-]{0,60})?\s*\.?$",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"\b(?:Corp|Inc|Co|Ltd|Bros|Assn|Ass'n|Jr|Sr|Mfg|Dept|Cos|Al)\.$", re.I)
_IN_RE = re.compile(r"^(?:IN RE|In re|IN THE MATTER OF|In the Matter of)[:,]?\s+(?P<name>.+)$")
# Court names as a document heads itself; the district or circuit may follow on the next line.
_COURT = re.compile(
    r"^(?:THE\s+|IN THE\s+)?(?:"
    r"(?:U\.\s?S\.|UNITED STATES|United States)\s+(?:BANKRUPTCY|DISTRICT|Bankruptcy|District)"
    r"\s+(?:COURT|Court)\b.*"
    r"|(?:UNITED STATES|United States)\s+(?:COURT OF APPEALS|Court of Appeals)\b.*"
    r"|(?:SUPREME COURT|Supreme Court)\s+(?:OF|of)\s+[^\d]{2,40}"
    r"|(?:COURT OF (?:CRIMINAL )?APPEALS|Court of (?:Criminal )?Appeals)\s+(?:OF|of|FOR|for)\s+.+"
    r"|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3} (?:COURT OF APPEALS?|Court of Appeals?)"
    r")$"
)
_DISTRICT = re.compile(
    r"^(?:for the\s+|FOR THE\s+)?(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?"
    r"(?:District|DISTRICT|Circuit|CIRCUIT)\b.*$|^(?:for the|FOR THE)\s+.*(?:Circuit|CIRCUIT)$",
    re.IGNORECASE,
)
_MAX_SIDE = 160
# "Case Title: GRAY, ET AL. v. PERRY, ET AL." (a form's label before the caption)
_LABEL = re.compile(r"^(?:Case Title|Case Name|Case Style|Title|Style)\s*:\s*", re.IGNORECASE)
# What OCR makes of the comma before "et al." ("GRAY; ET AL.")
_OCR_ET_AL = re.compile(r"\s*[;:]\s+(?=et al\b)", re.IGNORECASE)
# A company's name is complete at its form ("PARTNERS, II, LLC,"): more names after it are
# more parties, which a caption writes as "et al."
_COMPANY_END = re.compile(
    r"\b(?:L\.?L\.?C|Inc|Corp|Corporation|Co|Company|Ltd|L\.?P|LLP|P\.?C|N\.?A)\.?,$",
    re.IGNORECASE,
)
# What a court's system adds to its name: "U.S. District Court [LIVE]", "... Live Database".
_LIVE = re.compile(r"\s*(?:\[LIVE\]|-?\s*LIVE(?: ECF| Database| System)?|Live Database)\s*$")


def court_name(lines: Sequence[str]) -> str | None:
    """The court a document names in a heading line of its own, with its district if it follows."""
    for number, line in enumerate(lines):
        if len(line) > 120 or not _COURT.match(line):
            continue
        if number and lines[number - 1].startswith("Lower Ct"):  # a Supreme Court docket
            continue
        name = _LIVE.sub("", line.removeprefix("IN THE ").removeprefix("THE "))
        following = _LIVE.sub("", lines[number + 1] if number + 1 < len(lines) else "")
        has_place = re.search(r"\b(?:of|for)\b", name, re.IGNORECASE)
        if not has_place and len(following) <= 80 and _DISTRICT.match(following):
            joiner = " " if following[:4].lower() == "for " else ", "
            name = f"{name}{joiner}{following}"
        return _court_case(name.rstrip(" :."))
    return None


def is_court_line(line: str) -> bool:
    """Whether `line` is a court's name or its district, as a document heads itself."""
    return bool(_COURT.match(line) or _DISTRICT.match(line))


def court_in_title(page_title: str | None) -> str | None:
    """The court a page's title names ("Search - Supreme Court of the United States")."""
    for part in re.split(r"\s+[-|]\s+", (page_title or "").split(" Docket for ")[0]):
        if _COURT.match(part.strip()):
            return _court_case(part.strip())
    return None


def _court_case(name: str) -> str:
    """An all-capitals court name in title case ("SUPREME COURT OF TEXAS")."""
    name = name.split(" Docket for ")[0]
    if not name.isupper():
        return name
    small = {"of", "for", "the", "and", "in"}
    words = [w.lower() if w.lower() in small else w.capitalize() for w in name.split()]
    words = [w.upper() if w.rstrip(".,").upper() in ("U.S.", "U.S") else w for w in words]
    return " ".join(words[:1] + words[1:]).replace("U.s.", "U.S.")


def parse_caption(text: str) -> tuple[str, tuple[Party, ...]] | None:
    """A caption's title and parties ("X, Petitioner v. Y" → "X v. Y"), or None if not a caption."""
    text = " ".join(text.split()).strip(" ,;:")
    in_re = _IN_RE.match(text)
    if in_re:
        name, role = _side_and_role(in_re["name"])
        return (f"In re {name}", (Party(name, "first", role),)) if name else None
    sides = _VERSUS.split(text, maxsplit=1)
    if len(sides) != 2:
        return None
    (first, first_role), (second, second_role) = map(_side_and_role, sides)
    if not first or not second or len(first) > _MAX_SIDE or len(second) > _MAX_SIDE:
        return None
    if not all(side[0].isupper() or side[0].isdigit() for side in (first, second)):
        return None
    parties = (Party(first, "first", first_role), Party(second, "second", second_role))
    return f"{first} v. {second}", parties


def caption_near(
    lines: Sequence[str], start: int, end: int
) -> tuple[str, tuple[Party, ...]] | None:
    """The caption in lines[start:end]: a "X v. Y" line, or "X," / "v." / "Y" on three lines."""
    window = [_OCR_ET_AL.sub(", ", _LABEL.sub("", line)) for line in lines[start:end]]
    for number, line in enumerate(window):
        if line.lower().rstrip(".") in ("v", "vs", "versus"):
            first = _gather_back(window, number)
            second = _gather_forward(window, number)
            if first and second:
                found = parse_caption(f"{first} v. {second}")
                if found:
                    return found
        elif _VERSUS.search(line) and len(line) <= 2 * _MAX_SIDE + 10 and _is_heading_like(line):
            found = parse_caption(line)
            if found:
                return found
    return None


def _is_heading_like(line: str) -> bool:
    """Not a sentence citing a case ("... governed by Rule 608. United States v. Colbert")."""
    first = _VERSUS.split(line, maxsplit=1)[0]
    return (
        not first[:1].isdigit()
        and len(first.split()) <= 14
        and not re.search(
            r"\d+ [A-Z][\w.]* \d+|\(\w+|\w{2}[.;:] +[A-Z]|§|\b(?:see|in|by|of)\s*$", first
        )
    )


def _gather_back(window: list[str], number: int) -> str:
    parts: list[str] = []
    for line in reversed(window[max(0, number - 3) : number]):
        if parts and not line.rstrip().endswith(","):
            break
        parts.insert(0, line)
    return " ".join(parts)


def _gather_forward(window: list[str], number: int) -> str:
    """The second side of a caption set on lines after "v.", with its role ("Defendants.")."""
    parts: list[str] = []
    following = window[number + 1 : number + 8]
    for index, line in enumerate(following):
        parts.append(line)
        if len(parts) > 1 and _is_role_line(line):
            break
        text = line.rstrip()
        after = following[index + 1] if index + 1 < len(following) else ""
        if _COMPANY_END.search(text):
            if _is_role_line(after) or after.lower().startswith("et al"):
                parts.append(after)
            elif after:
                parts.append("et al.")  # more defendants follow, each on lines of its own
            break
        # A name in capitals broken over two lines of a caption box ("PENDRICK CAPITAL" /
        # "PARTNERS, II, LLC,")
        continued = text.isupper() and after.isupper() and after.rstrip().endswith(",")
        if not text.endswith((",", " and", "&")) and not continued:
            break
    return " ".join(parts)


def _is_role_line(line: str) -> bool:
    """A line that is only a party's role ("Defendants.", "Plaintiff-Appellant,")."""
    return bool(_ROLE.match(line.rstrip(" ,")))


def _side(text: str) -> str:
    """One side of a caption without its role words ("Michael B. Graves, Applicant")."""
    return _side_and_role(text)[0]


def _side_and_role(text: str) -> tuple[str, str | None]:
    """One side of a caption and the role it states, lower case ("applicant"), if it does."""
    text = _OFFICE.sub("", text.strip(" ,;:"))
    if not _ABBREVIATED.search(text):
        text = re.sub(r"(?<=[a-z]{3}|[A-Z]{3})\.$", "", text)  # a caption line's full stop
    previous = None
    roles: list[str] = []
    while previous != text:
        previous = text
        found = _ROLE.search(text)
        if found:
            roles.insert(0, " ".join(found.group(0).strip(" ,;:.").split()).lower())
            text = text[: found.start()].strip(" ,;:")
    return text, (roles[0] if roles else None)
