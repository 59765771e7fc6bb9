"""Document consistency: one name, one label, one canonical form per article.

"Baldwin", "Mr. Baldwin" and "Alec Baldwin's" all refer to "Alec Baldwin" once the article has
introduced him; a surname the model called an ORG ("Allred") becomes a PERSON when the article
knows a person of that name; and repeats of a known name the model missed are added.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.core.mentions import ORG, PERSON, PLACE, Mention
from reader.core.text.folding import fold

log = logging.getLogger(__name__)

NAMED = frozenset({PERSON, ORG, PLACE})
_TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Judge|Justice|President|"
    r"Senator|Sen|Rep|Gov|Governor|Det|Detective|Officer|Sgt|Sergeant|Insp|Inspector|Rev"
)
_LEADING_TITLES = re.compile(rf"^(?:(?:{_TITLES})\.?\s+)+(?=[A-Z])")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_SURNAME_AFTER = re.compile(
    r"(?:['\u2019]s?)?\s+(?:family|families|estate|household|children|parents|brothers|sisters"
    r"|siblings|case|trial|lawsuit|suit|lawyers?|attorneys?)\b"
)
# "Baldwin's", "Hutchins'" (also with U+2019): the possessive is not part of the name.
_TRAILING = re.compile(
    "(?<!Inc)(?<!Ltd)(?<!Corp)(?<!\\bCo)(?<!Jr)(?<!Sr)(?:\\s*['\u2019]s|(?<=s)['\u2019]|[\\s,.;:!?\"\u201c\u201d'\u2019)\\-])+$"
)
_BRACKETS = str.maketrans("", "", "[]")
# A name ending in one of these words is an organisation, whatever the model or the
# gazetteer says ("West Yorkshire Police", "Bristol City Council").
_ORG_WORDS_TEXT = """
    Police Council Department Party University College Bank Inc Inc. Ltd Ltd. LLC PLC plc
    Group Company Corporation Corp Corp. Service Commission Authority Agency Association
    Society Foundation Trust Union Club Institute Hospital Board Office Ministry
"""
ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())


_LEADING_PUNCTUATION = frozenset("-\u2013\u2014\"'\u201c\u2018( ")


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Return the span without a leading "the", titles (for people) and a trailing possessive."""
    # Punctuation the model sometimes takes in: a quote attribution's dash, opening quotes.
    while start < end and text[start] in _LEADING_PUNCTUATION:
        start += 1
    span = text[start:end]
    lead = _LEADING_THE.match(span)
    if lead and label != PERSON:
        start += lead.end()
    elif label == PERSON and (title := _LEADING_TITLES.match(span)):
        start += title.end()
    tail = _TRAILING.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    # A span that ends after an editorial "]" starts at its "[": "[Raul] Torrez".
    if start > 0 and text[start - 1] == "[" and "]" in text[start:end]:
        start -= 1
    return start, end


def is_epithet(text: str, mention: Mention) -> bool:
    """A one-word "person" no full name vouches for, after "the": "the Grinch who stole…".

    "the Hutchins family" is a surname, not an epithet, even where no first name is given.
    """
    lone = mention.label == PERSON and " " not in (mention.canonical or mention.text)
    return (
        lone
        and bool(_THE_BEFORE.search(text, max(0, mention.start - 8), mention.start))
        and not _SURNAME_AFTER.match(text, mention.end)
    )


def clean(name: str) -> str:
    """Return the canonical spelling of a name: no brackets, titles, possessive or extra spaces."""
    name = " ".join(name.translate(_BRACKETS).split())
    name = _LEADING_TITLES.sub("", name)
    tail = _TRAILING.search(name)
    return name[: tail.start()] if tail and tail.start() > 0 else name


def _full_name(name: str, full_names: Sequence[tuple[int, str]], position: int) -> str:
    """Return the full name introduced in the article that `name` is short for, or `name`."""
    parts = fold(name).split()
    if len(parts) >= 2:
        for _, full in full_names:
            other = fold(full).split()
            if len(other) > len(parts) and other[0] == parts[0] and other[-1] == parts[-1]:
                return full
        return name
    by_surname = [(p, f) for p, f in full_names if fold(f).split()[-1] == parts[0]]
    candidates = by_surname or [(p, f) for p, f in full_names if fold(f).split()[0] == parts[0]]
    if not candidates:
        return name
    # With two Baldwins, the one mentioned last before this mention is the likelier referent.
    before = [f for p, f in candidates if p <= position]
    return before[-1] if before else candidates[0][1]


def link(mentions: Sequence[Mention]) -> list[Mention]:
    """Return `mentions` with canonical names set and one label per name across the article."""
    named = [m for m in mentions if m.label in NAMED]
    people = [m for m in named if m.label == PERSON]
    first_seen: dict[str, tuple[int, str]] = {}
    for m in people:
        name = clean(m.text)
        if len(name.split()) >= 2:
            first_seen.setdefault(fold(name), (m.start, name))
    full_names = sorted(first_seen.values())
    person_keys = {fold(f): f for _, f in full_names}
    for _, full in full_names:
        words = full.split()
        person_keys.setdefault(fold(words[-1]), full)
        person_keys.setdefault(fold(words[0]), full)

    # Single-word people ("Ellery") vouch for a two- or three-word ORG ending in their name.
    singles = {fold(clean(m.text)) for m in people if " " not in clean(m.text)}
    org_heads = {
        fold(words[0]): clean(m.text)
        for m in named
        if m.label == ORG and len(words := clean(m.text).split()) >= 2
    }
    out: list[Mention] = []
    for m in mentions:
        if m.label not in NAMED:
            out.append(m)
            continue
        name = clean(m.text)
        words = name.split()
        is_lone = m.label == PERSON and len(words) == 1 and fold(name) not in person_keys
        if is_lone and fold(name) in org_heads:  # "Cascade" after "Cascade Freight Inc."
            out.append(dataclasses.replace(m, label=ORG, canonical=org_heads[fold(name)]))
            continue
        short_org = m.label == ORG and 2 <= len(words) <= 3 and words[-1] not in ORG_WORDS
        if short_org and fold(words[-1]) in singles | person_keys.keys():
            m = dataclasses.replace(m, label=PERSON)
        if m.label == PERSON or fold(name) in person_keys:
            canonical = _full_name(name, full_names, m.start)
            canonical = first_seen.get(fold(canonical), (0, canonical))[1]
            out.append(dataclasses.replace(m, label=PERSON, canonical=canonical))
        else:
            out.append(dataclasses.replace(m, canonical=name))
    return _vote(out)


def _vote(mentions: list[Mention]) -> list[Mention]:
    """Give every non-person name the label the model chose most often for it."""
    votes: dict[str, Counter[str]] = {}
    spelling: dict[str, str] = {}
    for m in mentions:
        if m.label in (ORG, PLACE) and m.canonical:
            votes.setdefault(fold(m.canonical), Counter())[m.label] += 1
            spelling.setdefault(fold(m.canonical), m.canonical)
    out = []
    for m in mentions:
        if m.label in (ORG, PLACE) and m.canonical:
            key = fold(m.canonical)
            label = votes[key].most_common(1)[0][0]
            m = dataclasses.replace(m, label=label, canonical=spelling[key])
        out.append(m)
    return out


def repeats(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Return new mentions for unlabelled occurrences of names the article already labelled."""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.label not in NAMED or not m.canonical:
            continue
        name = clean(m.text)
        if len(name) > 2 and name[0].isupper():
            known.setdefault(name, m)
        if m.label == PERSON and len(words := m.canonical.split()) >= 2:
            known.setdefault(m.canonical, m)
            if len(words[-1]) > 2:
                known.setdefault(words[-1], m)
    if not known:
        return []
    taken = Spans((m.start, m.end) for m in mentions)
    alternatives = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
    found = []
    for match in re.finditer(rf"(?<![\w.\-])(?:{alternatives})(?![\w\-])", text):
        start, end = match.span()
        if taken.overlaps(start, end) or _inside_longer_name(text, start, end):
            continue
        model = known[match.group(0)]
        found.append(Mention(start, end, match.group(0), model.label, canonical=model.canonical))
    return found


class Spans:
    """A fixed set of half-open spans that tells in O(log n) whether a range overlaps any.

    Same answer as `any(s < end and start < e for s, e in spans)`, for any spans (nested,
    crossing, empty): sorted by start, the spans starting before `end` are a prefix, and one
    of them overlaps iff the largest end in that prefix is past `start`.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []  # _max_end[i]: the largest end among ordered[: i + 1]
        furthest = 0
        for i, (_, e) in enumerate(ordered):
            furthest = e if i == 0 else max(furthest, e)
            self._max_end.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether some span s..e has s < end and start < e."""
        before_end = bisect.bisect_left(self._starts, end)
        return before_end > 0 and self._max_end[before_end - 1] > start


_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_PREVIOUS_CAPITAL = re.compile("(?:^|[^.!?:\"\u201c\\n]\\s)[A-Z][\\w.'\u2019-]*[ \t]+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Tell whether a capitalised word runs straight into the match: "Stephen Baldwin"."""
    if _NEXT_CAPITAL.match(text, end):
        return True
    return _PREVIOUS_CAPITAL.search(text[max(0, start - 40) : start]) is not None
