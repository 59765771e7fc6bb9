"""The part an entity plays in a case: which of an article's parties an entity name is.

The parties come with the article (ingest/legal_facts.py reads them from the document's own
structure and the index stores them); the entities come from the text. An entity is a party
when its name is the party's name, or the party's name before its first comma ("Irving H.
Picard, Trustee for ..."), or, for a judge known only by surname ("Busby"), that surname.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from reader.core.articles import Article, Party
from reader.core.entities import aliases
from reader.core.mentions import DATE, ORG, PERSON, PLACE, Mention
from reader.core.text.folding import fold

_ET_AL = (", et al.", " et al.", ", et al", " et al")
_BENCH = frozenset({"judge", "referred judge", "opinion author", "dissenting", "concurring"})


def party_keys(party: Party) -> set[str]:
    """The folded names an entity may be listed under and be this party."""
    name = party.name
    for suffix in _ET_AL:
        name = name.removesuffix(suffix).removesuffix(suffix.upper())
    keys = {fold(aliases.clean(name)), fold(aliases.clean(name.split(",")[0]))}
    return {" ".join(key.replace(",", " ").split()) for key in keys if key}


def parties_of(name: str, parties: Iterable[Party]) -> list[Party]:
    """The parties `name` (an entity as listed) is, in the order the document names them."""
    key = " ".join(fold(aliases.clean(name)).replace(",", " ").split())
    if not key:
        return []
    found = []
    for party in parties:
        keys = party_keys(party)
        surname = " " not in party.name and party.role in _BENCH
        if key in keys or (surname and key.split()[-1] in keys):
            found.append(party)
    return found


def roles_of(name: str, parties: Iterable[Party], *, short: bool = False) -> list[str]:
    """What the document says `name` is ("debtor", "attorney for Acme (Jones Day)"), once each;
    `short` leaves out whom counsel appear for ("attorney")."""
    found = parties_of(name, parties)
    return list(dict.fromkeys(p.part() if short else p.describe() for p in found))


def unmatched(names: Iterable[str], parties: Sequence[Party]) -> list[Party]:
    """The parties none of `names` is: named by the document, not found in its text."""
    matched = {id(p) for name in names for p in parties_of(name, parties)}
    return [p for p in parties if id(p) not in matched]


# Parts that are always a person: counsel and the bench.
_PEOPLE_ROLES = frozenset({"attorney", *_BENCH})
_NAMED_LABELS = frozenset({PERSON, ORG, PLACE, DATE})
_MAX_PLACES = 20  # occurrences of one name looked at
# A first name, a middle initial and a surname: a person's name, whatever the model reads
# in capitals ("WILLIAM" and "LEONARD" were two organisations).
_PERSON_SHAPE = re.compile(
    r"[A-Z][A-Za-z'-]+\s+[A-Z]\.?\s+[A-Z][A-Za-z'-]+(?:,?\s+(?:Jr|Sr|JR|SR|II|III|IV)\.?)?"
)
_SIGNED = re.compile(r",\s+(?:C\.\s?J\.|J\.|JJ\.)")


_GOVERNMENT = re.compile(r"(?:the\s+)?(?:state|commonwealth|people|city|county)\s+of\s+\S", re.I)


def apply(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with what the document's structure says about its names put first.

    The party table knows that "Minnie Loo" is counsel (a person, whatever the model said),
    that "Caplin, Drysdale and Chartered" is one firm (not the places "Caplin" and
    "Drysdale"), and that "Jones Day" is a firm (not a date); a judge named only by surname
    ("Justice Young") is a person. Each such name, where the text writes it, becomes one
    mention of its own in place of the model's pieces. Derived from the article at open time,
    never cached: the extraction cache keeps the model's output.
    """
    if not article.parties:
        return list(mentions)
    named: list[tuple[str, str]] = []  # (name as the document writes it, label)
    for party in article.parties:
        if party.role in _PEOPLE_ROLES:
            named.append((party.name, PERSON))
        if party.firm:
            named.append((party.firm, ORG))
        if party.role in _PEOPLE_ROLES:
            continue
        if party.kind in (PERSON, ORG):
            named.append((party.name, party.kind))
        elif party.name.split()[-1] in aliases.ORG_WORDS or _GOVERNMENT.match(party.name):
            named.append((party.name, ORG))  # a company; "In re State of Texas": a government
        elif _PERSON_SHAPE.fullmatch(party.name):
            named.append((party.name, PERSON))  # "WILLIAM A LEONARD", a trustee
    found = list(mentions)
    for name, label in sorted(set(named), key=lambda n: -len(n[0])):
        for start in _places(article.body, name):
            end = start + len(name)
            if " " not in name and not _titled(article.body, start, end):
                continue  # a judge's bare surname only where the text gives the title
            if any(m.start <= start and end <= m.end and m.label == label for m in found):
                continue  # already one mention of this name, or inside a longer one
            if any(m.start < end and start < m.end and m.label not in _NAMED_LABELS for m in found):
                continue  # a citation, docket number, sum or legal term holds it
            found = [m for m in found if not (m.start < end and start < m.end)]
            canonical = aliases.clean(name.rstrip(" ,;"))
            found.append(Mention(start, end, article.body[start:end], label, canonical=canonical))
    bench = [p for p in article.parties if p.role in _PEOPLE_ROLES]
    found = [
        dataclasses.replace(m, label=PERSON)
        if m.label in (ORG, PLACE) and parties_of(m.canonical or aliases.clean(m.text), bench)
        else m
        for m in found
    ]
    return sorted(_own_sides(article.parties, found), key=lambda m: (m.start, m.end))


def _own_sides(parties: Sequence[Party], found: list[Mention]) -> list[Mention]:
    """A caption side named by one word ("HOGAN") is that party, not another party of the
    same surname the aliases linked it to (the counsel Frank S. Hogan)."""
    sides = {p.name: p for p in parties if p.side and " " not in p.name.strip()}
    others = {p.name for p in parties if p.name not in sides}
    return [
        dataclasses.replace(m, canonical=m.text)
        if m.text in sides and m.canonical and m.canonical != m.text and m.canonical in others
        else m
        for m in found
    ]


def _titled(text: str, start: int, end: int) -> bool:
    """ "Justice Busby", "Judge Busby", "BUSBY, J.": a surname named as a judge."""
    before = text[max(0, start - 8) : start].lower()
    return before.endswith(("justice ", "judge ")) or bool(_SIGNED.match(text, end))


def _places(text: str, name: str) -> list[int]:
    """Where `text` writes `name` as a whole name (not inside a longer word)."""
    found: list[int] = []
    start = text.find(name)
    while start >= 0 and len(found) < _MAX_PLACES:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            found.append(start)
        start = text.find(name, end)
    return found
