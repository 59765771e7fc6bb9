"""Entities of an article: people, organisations, places, sums, dates and the legal layer.

The spaCy model (NER only, with the legal EntityRuler in front of it) runs once per line of the
text: a whole-text run glues a heading to the next line ("Baldwin\\n\\nFast" became an ORG).
The model's spans are then trimmed, relabelled with the place gazetteer, and made consistent
across the article (reader.core.entities.aliases). Citations and docket numbers are found
first, by their own patterns, and win over any model span they overlap: "323 U. S" is never a
person, nor "F. 3d 301" an organisation.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reader.core.dates import finding as dates
from reader.core.entities import (
    aliases,
    capitals,
    furniture,
    furniture_names,
    legal,
    money,
    name_passes,
    places,
)
from reader.core.mentions import CITATION, DATE, DOCKET, LEGAL, ORG, PERSON, PLACE, TIME, Mention
from reader.core.text import nlp as nlp_loader
from reader.core.text.citations import find_citations
from reader.core.text.docket_numbers import find_docket_numbers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# spaCy (OntoNotes) label → ours; labels not listed here are dropped (MONEY has its own finder).
_LABELS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": ""}
_MARKUP = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)?")
# An editorial insertion inside a quotation, "Attorney General [Raul] Torrez"; not a link.
_EDITORIAL = re.compile(r"\[([^\[\]\n]{1,60})\](?!\()")
_BATCH = 256
# No name is 60 characters without a space; spaCy's tokenizer is quadratic on such runs
# (20,000 "[" took 31 s), so the model sees them as blanks (offsets unchanged).
_LONG_RUN = re.compile(r"\S{60,}")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the text as the model sees it; origin[i] is the offset of text[i]."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the full-text offsets of the block's characters start..end."""
        return self.origin[start], self.origin[end - 1] + 1


def blocks(text: str) -> list[Block]:
    """Split `text` into lines without markdown markup or editorial brackets."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        body_start = line.start() + _MARKUP.match(line.group(0)).end()  # type: ignore[union-attr]
        body = text[body_start : line.end()]
        if not body.strip():
            continue
        brackets = _editorial_brackets(body)
        kept = [i for i in range(len(body)) if i not in brackets]
        seen = _LONG_RUN.sub(_blank, "".join(body[i] for i in kept))
        found.append(Block(seen, tuple(body_start + i for i in kept)))
    return found


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _editorial_brackets(body: str) -> set[int]:
    """Offsets of the brackets of editorial insertions in one line (found in one pass)."""
    if "[" not in body:
        return set()
    return {i for m in _EDITORIAL.finditer(body) for i in (m.start(), m.end() - 1)}


@functools.cache
def pipeline() -> Language:
    """Return the NER-only pipeline with the legal ruler in front (loaded on first call)."""
    import spacy

    nlp = spacy.load(nlp_loader.MODEL, exclude=nlp_loader.NER_ONLY_EXCLUDE)
    legal.add_ruler(nlp)
    return nlp


def extract(
    text: str, published: date | None = None, *, nlp: Language | None = None
) -> list[Mention]:
    """Return the mentions in `text`, sorted by position; dates resolve against `published`."""
    return extract_many([text], [published], nlp=nlp)[0]


def extract_many(
    texts: Sequence[str],
    published_list: Sequence[date | None],
    n_process: int = 1,
    *,
    nlp: Language | None = None,
) -> list[list[Mention]]:
    """Return the mentions of each text; with n_process > 1 the work is shared by processes."""
    if n_process > 1 and len(texts) > 1:
        chunks = [list(range(i, len(texts), n_process)) for i in range(n_process)]
        results: list[list[Mention]] = [[] for _ in texts]
        with ProcessPoolExecutor(max_workers=n_process) as pool:
            jobs = [
                pool.submit(_extract_chunk, [texts[i] for i in c], [published_list[i] for i in c])
                for c in chunks
            ]
            for chunk, job in zip(chunks, jobs, strict=True):
                for i, mentions in zip(chunk, job.result(), strict=True):
                    results[i] = mentions
        return results
    return list(_run(texts, published_list, nlp or pipeline()))


def _extract_chunk(
    texts: Sequence[str], published_list: Sequence[date | None]
) -> list[list[Mention]]:
    return list(_run(texts, published_list, pipeline()))


def _run(
    texts: Sequence[str],
    published_list: Sequence[date | None],
    nlp: Language,
    n_process: int = 1,
) -> Iterator[list[Mention]]:
    legal.add_ruler(nlp)
    # Everything reads the text with its page furniture blanked (same offsets); the mentions
    # then take their text from the original.
    seen = [furniture.mask(t) for t in texts]
    split = [blocks(t) for t in seen]
    # The model reads lines of capitals in title case (capitals.py); the same offsets.
    docs = nlp.pipe(
        (capitals.soften(b.text) for bs in split for b in bs),
        batch_size=_BATCH,
        n_process=n_process,
    )
    for text, masked, published, text_blocks in zip(
        texts, seen, published_list, split, strict=True
    ):
        found = _mentions(masked, published, text_blocks, [next(docs) for _ in text_blocks])
        yield [_original_text(text, m) for m in found]


def _original_text(text: str, mention: Mention) -> Mention:
    original = text[mention.start : mention.end]
    return mention if original == mention.text else dataclasses.replace(mention, text=original)


def _mentions(
    text: str, published: date | None, text_blocks: Sequence[Block], docs: Sequence[Doc]
) -> list[Mention]:
    named: list[Mention] = []
    fixed: list[Mention] = []  # legal terms and justice bodies from the ruler
    temporal: list[tuple[int, int]] = []
    for block, doc in zip(text_blocks, docs, strict=True):
        for ent in doc.ents:
            start, end = block.span(ent.start_char, ent.end_char)
            if ent.label_ in (DATE, TIME):
                temporal.append((start, end))
            elif ent.ent_id_:
                fixed.append(_ruler_mention(text, start, end, ent.label_, ent.ent_id_))
            elif ent.label_ in _LABELS:
                named.extend(_named_mention(text, start, end, _LABELS[ent.label_]))
    numbered = citations_and_dockets(text)
    cited = aliases.Spans((m.start, m.end) for m in numbered)
    # Dropped before names are linked, so a citation's pieces never become an alias.
    named = [m for m in named if not cited.overlaps(m.start, m.end)]
    named, numbered = name_passes.case_references(text, named, numbered)
    fixed = [m for m in fixed if not cited.overlaps(m.start, m.end)]
    sums = money.find(text)
    named = name_passes.add_companies(text, named, [*numbered, *fixed, *sums])
    named = _add_gazetteer_places(text, named, [*numbered, *fixed, *sums])
    named = [
        m
        for m in aliases.link(name_passes.inside_companies(named))
        if not aliases.is_epithet(text, m)
    ]
    named = name_passes.legal_forms(name_passes.surnames(text, named, [*numbered, *fixed, *sums]))
    named = name_passes.add_filers(text, named)
    named += aliases.repeats(text, [*named, *numbered, *fixed, *sums])
    found = _without_overlaps([*numbered, *fixed, *sums, *named])
    taken = aliases.Spans((m.start, m.end) for m in found)
    free = [
        (s, e)
        for s, e in temporal
        if not taken.overlaps(s, e) and not furniture_names.is_zip_or_code(text[s:e])
    ]
    found = _without_overlaps([*found, *dates.find(text, published, free)])
    return sorted(found, key=lambda m: (m.start, m.end))


def citations_and_dockets(text: str) -> list[Mention]:
    """The citations and docket numbers of `text`, each with its normalised value.

    The value is also the mention's canonical name: the case an "Id. at 307" refers to is the
    one its full citation names, and it is listed and counted under that citation.
    """
    # A full citation's mention takes in the case name written before it: "Betts v. Brady,
    # 316 U. S. 455" names a case, not the people Betts and Brady.
    found = [
        Mention(s, c.end, text[s : c.end], CITATION, c.kind, c.value, c.value)
        for c in find_citations(text)
        for s in [c.name_start if 0 <= c.name_start < c.start else c.start]
    ]
    found += [
        Mention(d.start, d.end, d.text, DOCKET, value=d.value, canonical=d.value)
        for d in find_docket_numbers(text)
    ]
    return _without_overlaps(found)


def _ruler_mention(text: str, start: int, end: int, label: str, ent_id: str) -> Mention:
    kind, canonical = legal.parse_ent_id(ent_id)
    if label == LEGAL:
        return Mention(start, end, text[start:end], LEGAL, subtype=kind, canonical=canonical)
    start, end = aliases.trim(text, start, end, ORG)
    start += furniture_names.leading_role(text[start:end])  # "Assistant U.S. Trustee" is a title
    return Mention(start, end, text[start:end], ORG, canonical=aliases.clean(text[start:end]))


def _named_mention(text: str, start: int, end: int, label: str) -> list[Mention]:
    parts = furniture_names.caption_parts(text[start:end])
    if parts != [(0, end - start)]:
        # "Kenai Ironclad v. CP Marine Services": the model's span may start inside the
        # first party's name; each party gets its own label.
        start -= furniture_names.name_before(text, start)
        parts = furniture_names.caption_parts(text[start:end])
        return [
            m
            for s, e in parts
            for m in _named_mention(
                text,
                start + s,
                start + e,
                furniture_names.party_label(text[start + s : start + e], label),
            )
        ]
    if label == ORG and furniture_names.is_bare_suffix(text[start:end]):
        start -= furniture_names.name_before(
            text, start, comma=True
        )  # "CP Marine Services, L.L.C."
    start, end = aliases.trim(text, start, end, label or ORG)
    end -= furniture_names.trailing_entry_words(text[start:end])
    if label == ORG:
        end -= furniture_names.cut_legal_form(text[start:end])
    if label == PERSON:
        end = start + len(furniture_names.trim_title(text[start:end]))
    start += furniture_names.leading_role(text[start:end])
    if end <= start:
        return []
    name = aliases.clean(text[start:end])
    if furniture_names.is_furniture(name, label or ORG) or furniture_names.titles_a_document(
        text, start, name
    ):
        return []
    if label and name.split()[-1] in aliases.ORG_WORDS:
        label = ORG
    elif label != PERSON and places.is_place(name):
        label = PLACE
    elif label == PERSON and name in places.names() and " " not in name:
        label = PLACE  # "Paris" alone is far more often the city
    elif label == PERSON and " " in name and places.is_place(name):
        label = PLACE  # "Pinellas County"
    return [Mention(start, end, text[start:end], label)] if label else []


def _add_gazetteer_places(
    text: str, named: list[Mention], others: Iterable[Mention]
) -> list[Mention]:
    taken = aliases.Spans((m.start, m.end) for m in [*named, *others])
    extra = [
        Mention(m.start(), m.end(), m.group(0), PLACE)
        for m in places.finder().finditer(text)
        if not taken.overlaps(m.start(), m.end())
    ]
    return sorted([*named, *extra], key=lambda m: m.start)


def _without_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep mentions in the given order of priority, dropping any that overlap a kept one."""
    kept: list[Mention] = []
    # The kept spans are non-empty and never overlap, so sorted by start their ends are sorted
    # too: the only kept span that can overlap m is the first one ending after m.start.
    starts: list[int] = []
    ends: list[int] = []
    for m in mentions:
        if m.end <= m.start:
            continue
        i = bisect.bisect_right(ends, m.start)
        if i < len(ends) and starts[i] < m.end:
            continue
        kept.append(m)
        starts.insert(i, m.start)
        ends.insert(i, m.end)
    return kept
