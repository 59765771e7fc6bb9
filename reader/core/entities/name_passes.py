"""Passes over the model's names that the text's shape corrects (after recognition.extract).

Companies the model missed or cut, an entry's filer written surname first, the model's pieces
inside a company it read whole, one entity per company whatever its legal form, and the people
of a list of surnames or of a one-word caption side (entities/shapes.py finds those shapes).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from reader.core.entities import aliases, furniture_names, places, shapes
from reader.core.mentions import CITATION, ORG, PERSON, PLACE, Mention
from reader.core.text.folding import fold


def add_companies(text: str, named: list[Mention], others: Iterable[Mention]) -> list[Mention]:
    """Companies the model missed or cut ("Aligned Development LLC" under "Case Name:"): where
    no other mention than the model's pieces of it ("Development LLC", "LLC") is."""
    fixed = aliases.Spans((m.start, m.end) for m in others)
    extra = []
    for start, end in shapes.company_names(text):
        start, end = aliases.trim(text, start, end, ORG)
        name = aliases.clean(text[start:end])
        if end <= start or fixed.overlaps(start, end) or furniture_names.is_furniture(name, ORG):
            continue
        inside = [m for m in named if m.start < end and start < m.end]
        if all(start <= m.start and m.end <= end and m.label == ORG for m in inside):
            extra.append((Mention(start, end, text[start:end], ORG), inside))
    if not extra:
        return named
    dropped = {id(m) for _, inside in extra for m in inside}
    kept = [m for m in named if id(m) not in dropped]
    return sorted([*kept, *(m for m, _ in extra)], key=lambda m: m.start)


def add_filers(text: str, named: list[Mention]) -> list[Mention]:
    """Names written surname first: an entry's filer, "(GOLDBERG, RANDOLPH)", is one person
    listed as "RANDOLPH GOLDBERG" (the model read "RANDOLPH" as an organisation); "Mihlar,
    Faiq" or "Robinson, Annette" where the text names Faiq Mihlar or Annette Robinson is that
    person."""
    filers = shapes.filer_names(text)
    spans = aliases.Spans((s, e) for s, e, _ in filers)
    kept = [m for m in named if not spans.overlaps(m.start, m.end)]
    # "Richard Ravosa" is the "Richard S. Ravosa" the text names in full
    full: dict[tuple[str, str], str] = {}
    for m in kept:
        if m.label == PERSON and len(words := fold(m.canonical or m.text).split()) >= 2:
            full.setdefault((words[0], words[-1]), m.canonical or m.text)
    extra = []
    for s, e, name in filers:
        first, *_, last = fold(name).split()
        canonical = full.get((first, last), name)
        extra.append(Mention(s, e, text[s:e], PERSON, canonical=canonical))
    out = []
    for m in kept:
        inverted = _INVERTED.fullmatch(m.canonical or m.text)
        if inverted and m.label in (PERSON, ORG):
            known = full.get((fold(inverted.group(2)), fold(inverted.group(1))))
            if known:
                m = dataclasses.replace(m, label=PERSON, canonical=known)
        out.append(m)
    return sorted([*out, *extra], key=lambda m: m.start)


_INVERTED = re.compile(r"([A-Z][\w'-]+),\s+([A-Z][\w'-]+)")


def inside_companies(named: list[Mention]) -> list[Mention]:
    """Without the model's pieces of a company it read with its legal form ("Fenwick Tugs"
    inside "Fenwick Tugs, L.L.C.")."""
    companies = [m for m in named if m.label == ORG and furniture_names.has_legal_form(m.text)]
    if not companies:
        return named
    spans = aliases.Spans((m.start, m.end) for m in companies)
    inside = {
        id(m)
        for m in named
        if m not in companies
        and spans.overlaps(m.start, m.end)
        and any(c.start <= m.start and m.end <= c.end for c in companies)
    }
    return [m for m in named if id(m) not in inside]


def legal_forms(named: list[Mention]) -> list[Mention]:
    """One entity per company: "Tallis Marine Services" is listed as "Tallis Marine Services,
    L.L.C." when the text names it so, and is an organisation."""
    full = {
        furniture_names.without_legal_form(m.canonical or m.text).casefold(): m.canonical or m.text
        for m in named
        if m.label == ORG and furniture_names.has_legal_form(m.canonical or m.text)
    }
    if not full:
        return named
    out = []
    for m in named:
        key = (m.canonical or m.text).casefold()
        if m.label in (ORG, PERSON) and key in full and key != full[key].casefold():
            m = dataclasses.replace(m, label=ORG, canonical=full[key])
        out.append(m)
    return out


def surnames(text: str, named: list[Mention], others: Iterable[Mention]) -> list[Mention]:
    """People the text's shape names: every name of a list of surnames the model read one of
    as a person ("Castro, Manglona, Inos"), a one-word side of a caption ("White v. Camacho")."""
    people: list[tuple[int, int]] = []
    lists = shapes.name_lists(text)
    known = {text[m.start : m.end] for m in named if m.label == PERSON}
    while lists:  # a list with one known person makes its other names known: "Carbullido"
        vouched = [items for items in lists if any(text[s:e] in known for s, e in items)]
        if not vouched:
            break
        for items in vouched:
            people += items
            known |= {text[s:e] for s, e in items}
        lists = [items for items in lists if items not in vouched]
    people += shapes.lone_caption_parties(text)
    if not people:
        return named
    by_span = {(m.start, m.end): m for m in named}
    taken = aliases.Spans((m.start, m.end) for m in [*named, *others])
    # a known place stays one ("Paris"); the model's guess of a place does not ("Carbullido")
    kept = {(m.start, m.end) for m in named if m.label == PLACE and places.is_place(m.text)}
    spans = set(people) - kept
    out = [m for m in named if (m.start, m.end) not in spans]
    for start, end in dict.fromkeys(people):
        model = by_span.get((start, end))
        if (start, end) in kept:
            continue
        if model is None and taken.overlaps(start, end):
            continue  # inside a longer name, a citation or a legal term
        out.append(Mention(start, end, text[start:end], PERSON, canonical=text[start:end]))
    return sorted(out, key=lambda m: (m.start, m.end))


_FIRST_PARTY = re.compile(r"^(?P<party>.+?) v\. ")


def case_references(
    text: str, named: list[Mention], numbered: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """A cited case's first party named alone ("since Twining and Adamson") is the case, not a
    person or place: it becomes a short citation of that case.

    A party that is also a place or a government ("United States v. Lopez") keeps its label;
    so does a longer name that holds it ("Frank Twining").
    """
    cases: dict[str, str] = {}
    for m in numbered:
        if m.start < _HEAD:
            continue  # the document's own citation above its caption: its parties are its own
        if m.label == CITATION and m.subtype == "CASE" and m.value and " v. " in f"{m.text} ":
            match = _FIRST_PARTY.match(m.text)
            party = aliases.clean(match["party"]) if match else ""
            first_word = party.split()[0].casefold() if party else ""
            if party and not places.is_place(party) and first_word not in _GOVERNMENTS:
                cases.setdefault(party, m.value)
    if not cases:
        return named, numbered
    taken = aliases.Spans((m.start, m.end) for m in numbered)
    cited = list(numbered)
    replaced: set[int] = set()
    # one pass over the text for every cited party, longest first
    parties = "|".join(re.escape(p) for p in sorted(cases, key=len, reverse=True))
    for found in re.finditer(rf"(?<![\w.])(?:{parties})(?![\w])", text):
        start, end = found.span()
        if taken.overlaps(start, end):
            continue
        holding = [m for m in named if m.start < end and start < m.end]
        if any(_more_name(text, m, start, end) for m in holding):
            continue  # a longer name holds it
        replaced.update(id(m) for m in holding)
        value = cases[found.group(0)]
        cited.append(Mention(start, end, found.group(0), CITATION, "SHORT", value, value))
    kept = [m for m in named if id(m) not in replaced]
    return kept, sorted(cited, key=lambda m: m.start)


def _more_name(text: str, mention: Mention, start: int, end: int) -> bool:
    """True if `mention` holds capitalised words beside start..end ("Frank Hollis"), not only
    small words the model took in ("Hollis the")."""
    beside = text[mention.start : start] + " " + text[end : mention.end]
    return any(word[:1].isupper() for word in beside.split())


_HEAD = 200
# "State of Texas v. Lopez", "People v. Doe", "United States v. Jones": a government is
# a party to many cases, and named alone it is the government.
_GOVERNMENTS = frozenset(
    {"state", "people", "commonwealth", "government", "city", "county", "united", "the"}
)
