"""The part an entity plays in a case: which of an article's parties an entity name is.

The parties come with the article (ingest/legal_facts.py reads them from the document's own
structure and the index stores them); the entities come from the text. An entity is a party
when its name is the party's name, or the party's name before its first comma ("Irving H.
Picard, Trustee for ..."), or, for a judge known only by surname ("Busby"), that surname.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.articles import Party
from reader.core.entities import aliases
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


def roles_of(name: str, parties: Iterable[Party]) -> list[str]:
    """What the document says `name` is ("debtor", "attorney for Acme (Jones Day)"), once each."""
    return list(dict.fromkeys(p.describe() for p in parties_of(name, parties)))


def unmatched(names: Iterable[str], parties: Sequence[Party]) -> list[Party]:
    """The parties none of `names` is: named by the document, not found in its text."""
    matched = {id(p) for name in names for p in parties_of(name, parties)}
    return [p for p in parties if id(p) not in matched]
