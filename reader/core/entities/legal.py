"""The legal layer: charges, courts, roles, outcomes and proceedings, matched before the NER model.

The terms live in resources/data/legal/*.tsv. They become spaCy EntityRuler patterns placed
before the "ner" component, so the model treats them as fixed spans: "the Court" is no longer
an ORG, and "Special Counsel Kari Morrisey" splits into a role and a person.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.resources import resource

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

LEGAL_LABEL = "LEGAL"
ORG_LABEL = "ORG"
RULER_NAME = "legal_ruler"

# File stem → subtype. "organisations" holds justice bodies, labelled ORG, not LEGAL.
SUBTYPES = {
    "charges": "CHARGE",
    "courts": "COURT",
    "roles": "ROLE",
    "outcomes": "OUTCOME",
    "proceedings": "PROCEEDING",
}
# Capitalised words before a court or a justice body are part of its name.
_PREFIXABLE = {"COURT", ORG_LABEL}
# Words that look like a name prefix at a sentence start but are not one.
_NOT_PREFIX = ["the", "a", "an", "in", "at", "to", "of", "and", "by", "from", "for", "before"]
_PLURAL = {"ROLE", "PROCEEDING"}


@dataclass(frozen=True, slots=True)
class Term:
    """One legal term: its subtype (or "ORG"), the canonical form, and every form to match."""

    kind: str
    canonical: str
    forms: tuple[str, ...]


def _read_terms(path: Path, kind: str) -> list[Term]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, rest = line.partition("\t")
        forms = [canonical.strip(), *(f.strip() for f in rest.split("|") if f.strip())]
        if kind in _PLURAL:
            forms += [f + "s" for f in forms if not f.endswith("s")]
        terms.append(Term(kind, canonical.strip(), tuple(dict.fromkeys(forms))))
    return terms


@functools.cache
def terms() -> tuple[Term, ...]:
    """Return every legal term from resources/data/legal, in file order."""
    folder = resource("data", "legal")
    found: list[Term] = []
    for stem, subtype in SUBTYPES.items():
        found += _read_terms(folder / f"{stem}.tsv", subtype)
    found += _read_terms(folder / "organisations.tsv", ORG_LABEL)
    log.debug("loaded %d legal terms", len(found))
    return tuple(found)


def ent_id(term: Term) -> str:
    """Return the pattern id that carries a term's subtype and canonical form through spaCy."""
    return f"{term.kind}|{term.canonical}"


def parse_ent_id(value: str) -> tuple[str, str]:
    """Return (subtype or "ORG", canonical form) from a pattern id made by ent_id()."""
    kind, _, canonical = value.partition("|")
    return kind, canonical


def patterns(nlp: Language) -> list[dict[str, Any]]:
    """Return EntityRuler patterns for every term, tokenised by `nlp`."""
    found: list[dict[str, Any]] = []
    for term in terms():
        label = ORG_LABEL if term.kind == ORG_LABEL else LEGAL_LABEL
        for form in term.forms:
            tokens = [{"LOWER": t.lower_} for t in nlp.make_doc(form)]
            found.append({"label": label, "pattern": tokens, "id": ent_id(term)})
            if term.kind in _PREFIXABLE:
                prefix = {"IS_TITLE": True, "LOWER": {"NOT_IN": _NOT_PREFIX}, "OP": "{1,4}"}
                head = [{**tokens[0], "IS_TITLE": True}, *tokens[1:]]
                found.append({"label": label, "pattern": [prefix, *head], "id": ent_id(term)})
    return found


def add_ruler(nlp: Language) -> None:
    """Put the legal EntityRuler before the NER component of `nlp` (once)."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before=before)
    ruler.add_patterns(patterns(nlp))  # type: ignore[attr-defined]
