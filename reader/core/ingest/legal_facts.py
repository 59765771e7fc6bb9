"""A legal document's own facts: its title (the caption), its date, court, dockets and parties.

Read from the document's source lines (source_lines.py), not from the article body: court
pages keep these facts in tables and labels that the body leaves out as page furniture. News
articles are left alone: the facts are taken only from a document that names a docket number,
or a court in a heading line of its own together with a caption or a labelled date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.articles import Article, DatedEvent, Party
from reader.core.ingest import (
    caption,
    legal_dates,
    opinion_counsel,
    opinion_roles,
    party_table,
    pdf_heading,
    source_lines,
)
from reader.core.text.docket_numbers import docket_at_start, find_docket_numbers

# Which stated date is the document's date, best first: a decision is dated by its decision,
# a filing or a docket by its filing.
_DATE_ORDER = ("decided", "filed", "dated", "entered", "submitted", "argued", "sent")
_HEAD_LINES = 200
# Saved court pages open with long menus ("1st Court of Appeals", ...) before their heading.
_COURT_LINES = 400
_MAX_DOCKETS = 50
_MAX_EVENTS = 12
# A document's own heading, when it has no caption (notices, attachment menus, dockets).
_HEADING = re.compile(
    r"^(?:Notice of (?:Electronic Filing|Docket Activity|Bankruptcy Case Filing)|Docket for .+"
    r"|Document Selection Menu|\d+ Documents? (?:are|is) attached to this filing)$",
    re.IGNORECASE,
)
# The heading of a page listing many cases, which wins over the caption of the first one.
_LIST_HEADING = re.compile(
    r"^(?:Orders? (?:Pronounced|List)\b.*|Opinions? (?:Released|Filed)\b.*"
    r"|Oral Argument (?:Archive|Calendar)\b.*|Searched the Docket for .+|Archive Search Results"
    r"|Supreme Court \d{4})$",
    re.IGNORECASE,
)
# "A new docket entry ... has been added for Christine Asing, Petitioner v. Hawaii ... . You"
_CAPTION_IN_SENTENCE = re.compile(
    r"\b(?:added for|entered for|filed for|filings in|in the case of)\s+"
    r"(?P<caption>[A-Z][^.]*?(?:\.[^\s.][^.]*?)*\s(?:v\.|vs\.)\s.+?)\.(?:\s+[A-Z]|\s*$)"
)
_SUBJECT_PREFIX = re.compile(r"^(?:(?:NEF|Re|Fwd?):\s*|Activity in Case\s+)+", re.IGNORECASE)
# A page listing more cases than this (orders lists, search results) is titled by its heading.
_LIST_DOCKETS = 3


@dataclass(frozen=True)
class LegalFacts:
    """What a legal document says about itself; None where it does not say."""

    title: str | None = None
    date: str | None = None
    court: str | None = None
    dockets: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    events: tuple[DatedEvent, ...] = ()


def apply(article: Article, text: str) -> Article:
    """Return `article` with the facts of its source `text`, if it is a legal document."""
    facts = read(article.format, text)
    if facts is None:
        return article
    return dataclasses.replace(
        article,
        title=facts.title or article.title,
        published=facts.date or article.published,
        court=facts.court,
        dockets=facts.dockets,
        parties=facts.parties,
        events=facts.events,
    )


def read(kind: str, text: str) -> LegalFacts | None:
    """The facts of a document of `kind` ("html", "txt", "md"), or None for a news article."""
    source = source_lines.read(kind, text)
    if source.headers:
        return _from_email(source)
    lines = source.lines
    head = lines[:_HEAD_LINES]
    dockets = _dockets("\n".join(head))
    # A PDF's lines as laid out (spaces kept), without pleading-paper line numbers and the
    # caption box's column of colons: where its court and caption are read
    top = pdf_heading.clean(text.splitlines()[:_COURT_LINES]) if kind == "pdf" else lines
    court = caption.court_name(top[:_COURT_LINES]) or caption.court_in_title(source.page_title)
    found = _caption(top[:_HEAD_LINES])
    events = legal_dates.find_events(lines)
    heading = _heading(lines[:_COURT_LINES])
    # A document dated by its signature ("Dated:", "electronically signed on") is one too.
    signed = any(event.kind == "dated" for event in events)
    if not dockets and not heading and not signed and not (court and (found or events)):
        return None
    title = found[0] if found else heading
    day = _document_date(events) or _first_date_line(head)
    # Many numbers and no date of its own: a list of cases (a case page names lower courts' too)
    is_list = bool(heading and _LIST_HEADING.match(heading))
    if is_list or (
        len(dockets) > _LIST_DOCKETS and not events
    ):  # a list of cases: its heading, and its date
        title, found, events = heading, None, []
        day = legal_dates.first_date(title) if title else None
    table = party_table.read(text) if kind == "html" else ()
    people = (
        *table,
        *party_table.supreme_court_counsel(lines),
        *party_table.judges(lines),
        *opinion_roles.read(lines),
    )
    captioned = _review_roles(found[1], head) if found else ()
    counsel = opinion_counsel.with_sides(opinion_counsel.read(lines), captioned)
    return LegalFacts(
        title=title,
        date=day,
        court=court,
        dockets=dockets,
        parties=merge_parties(captioned, (*people, *counsel)),
        events=tuple(events[:_MAX_EVENTS]),
    )


# How a higher court came to the case: "CERTIORARI TO THE SUPREME COURT OF ERRORS OF
# CONNECTICUT", "ON WRIT OF CERTIORARI TO ...", "APPEAL FROM ...".
_REVIEW = re.compile(r"^(?:ON\s+WRIT\s+OF\s+)?(?P<how>CERTIORARI|APPEAL)\s+(?:TO|FROM)\b", re.I)


def _review_roles(captioned: Sequence[Party], head: Sequence[str]) -> tuple[Party, ...]:
    """A caption's sides as petitioner and respondent (appellant and appellee) where the
    document says it came on certiorari (on appeal) and the caption gives no roles."""
    how = next((m["how"].lower() for line in head if (m := _REVIEW.match(line))), None)
    if how is None or len(captioned) != 2 or any(p.role for p in captioned):
        return tuple(captioned)
    roles = ("petitioner", "respondent") if how == "certiorari" else ("appellant", "appellee")
    return tuple(dataclasses.replace(p, role=r) for p, r in zip(captioned, roles, strict=True))


def merge_parties(captioned: Sequence[Party], stated: Sequence[Party]) -> tuple[Party, ...]:
    """The caption's parties, each with the role the party table states for the same name,
    then everyone else the document names with a part (counsel, judges, opinion authors)."""
    by_name = {fold_name(p.name): p for p in stated if p.role != "attorney"}
    merged = []
    for party in captioned:
        same = by_name.get(fold_name(party.name))
        if same and same.role:
            party = dataclasses.replace(party, role=same.role, kind=same.kind or party.kind)
        merged.append(party)
    named = {(fold_name(p.name), p.role) for p in merged}
    merged += [p for p in stated if (fold_name(p.name), p.role) not in named]
    return tuple(dict.fromkeys(merged))


def fold_name(name: str) -> str:
    """A name compared without case, spacing or closing punctuation."""
    return " ".join(name.lower().replace(",", " ").split()).rstrip(".")


def _from_email(source: source_lines.Source) -> LegalFacts:
    """A court e-mail: its subject is its title, its Date header its date."""
    lines = source.lines
    subject = source.headers.get("subject", "")
    case_name = _labelled(lines, "Case Name")
    case_number = _labelled(lines, "Case Number")
    dockets = _dockets("\n".join([f"Case {subject}", f"Case {case_number or ''}"]))
    title = _SUBJECT_PREFIX.sub("", subject).strip()
    for docket in dockets:
        title = title.removeprefix(docket).strip()
    found = caption.parse_caption(case_name) if case_name else None
    if not found and not dockets_in(subject) and not caption.parse_caption(title):
        # A subject that names no case ("Supreme Court Electronic Filing System"): the case
        # the message's first sentences name is what it is about.
        found = _caption_in_sentences(lines[:10])
        title = found[0] if found else title
    sent = legal_dates.email_date(source.headers.get("date", ""))
    events = legal_dates.find_events(lines)
    if sent:
        events.append(DatedEvent("sent", sent))
    return LegalFacts(
        title=title or (found[0] if found else None) or _heading(lines),
        date=sent or _document_date(events),
        court=caption.court_name(lines),
        dockets=dockets,
        parties=found[1] if found else (),
        events=tuple(events[:_MAX_EVENTS]),
    )


def dockets_in(text: str) -> bool:
    """Whether `text` names a docket or case number."""
    return bool(find_docket_numbers(text))


def _caption_in_sentences(lines: Sequence[str]) -> tuple[str, tuple[Party, ...]] | None:
    for line in lines:
        for match in _CAPTION_IN_SENTENCE.finditer(line):
            found = caption.parse_caption(match["caption"])
            if found:
                return found
    return None


def _dockets(text: str) -> tuple[str, ...]:
    values: list[str] = []
    for number in find_docket_numbers(text):
        # "10-05021" again after "10-05021-mss" is the same case without the judge's initials
        if not any(v == number.value or v.startswith(number.value + "-") for v in values):
            values.append(number.value)
    return tuple(values[:_MAX_DOCKETS])


def _caption(lines: Sequence[str]) -> tuple[str, tuple[Party, ...]] | None:
    """The caption of a docket page, a Supreme Court docket or an opinion's first page."""
    for number, line in enumerate(lines):
        if line == "Title:":  # Supreme Court docket: the caption runs until "Docketed:"
            end = next((n for n in range(number, len(lines)) if lines[n] == "Docketed:"), number)
            found = caption.parse_caption(" ".join(lines[number + 1 : end]))
            if found:
                return found
        if line == "Style:" and number + 1 < len(lines):  # Texas case pages: "Style:", "v.:"
            style = lines[number + 1].strip()
            if style and not style.endswith(":"):
                return style, (Party(style, "first"),)
        after = _after_docket(line)
        if after:
            found = caption.parse_caption(after) or _debtor(after)
            if found:
                return found
    debtors = _values_after(lines, "Debtor")
    plaintiff = next(iter(_values_after(lines, "Plaintiff")), None)
    defendant = next(iter(_values_after(lines, "Defendant")), None)
    if plaintiff and defendant:
        return caption.parse_caption(f"{plaintiff} v. {defendant}")
    if debtors:
        return _debtor(" and ".join(dict.fromkeys(debtors[:2])))
    return caption.caption_near(lines, 0, 80)


def _values_after(lines: Sequence[str], label: str) -> list[str]:
    """The lines after each line that is only `label` ("Debtor"), past a rule of dashes."""
    values = []
    for number, line in enumerate(lines):
        if line == label:
            following = [ln for ln in lines[number + 1 : number + 3] if ln.strip("-")]
            if following:
                values.append(following[0])
    return values


def _after_docket(line: str) -> str | None:
    """The case title after a docket number opening a line ("3:17-cv-00971-N Phillips v. ...")."""
    if len(line) > 300:
        return None
    number = docket_at_start(line)
    if number is None:
        return None
    rest = line[number.end :].strip()
    # PACER adds the initials of a referral judge after the number ("SWH Mimi's Cafe")
    rest = re.sub(r"^[A-Z]{2,4}\s+(?=[A-Z][a-z])", "", rest)
    return rest if len(rest) > 2 and rest[0].isalnum() else None


def _debtor(name: str) -> tuple[str, tuple[Party, ...]] | None:
    name = name.strip(" ,")
    if not name or len(name) > 160 or re.search(r"\d{3}|Case type|Chapter", name):
        return None
    return caption.parse_caption(f"In re {name}")


def _heading(lines: Sequence[str]) -> str | None:
    for line in lines:
        if len(line) <= 120 and (_LIST_HEADING.match(line) or _HEADING.match(line)):
            return line
    return None


def _labelled(lines: Sequence[str], label: str) -> str | None:
    """The value after "Label:", on the same line or the next."""
    for number, line in enumerate(lines):
        if line.rstrip(": ").lower() == label.lower() and number + 1 < len(lines):
            return lines[number + 1]
        if line.lower().startswith(label.lower() + ":"):
            return line[len(label) + 1 :].strip() or None
    return None


def _document_date(events: Sequence[DatedEvent]) -> str | None:
    for kind in _DATE_ORDER:
        for event in events:
            if event.kind == kind:
                return event.date
    return None


def _first_date_line(lines: Sequence[str]) -> str | None:
    """A short line that ends with a date ("May 15, 2026", "Orders Pronounced May 15, 2026")."""
    for line in lines:
        if len(line) <= 60 and line[-4:].isdigit():
            day = legal_dates.first_date(line)
            if day:
                return day
    return None
