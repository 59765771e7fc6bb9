"""Article → safe HTML: a header, and the markdown body with entity and query-term spans.

The HTML is for QTextBrowser (a subset of HTML 4), so it uses only simple tags and one class
per entity type. It is safe whatever the source holds: raw HTML in the source is escaped
before Markdown runs, the result is sanitised with nh3 against an allow-list of the tags,
attributes and classes emitted here, and only http(s) and mailto links survive.
"""

from __future__ import annotations

import bisect
import heapq
import html
import itertools
import re
from collections.abc import Iterable, Sequence

import markdown
import nh3

from reader.core.articles import Article
from reader.core.dates import timex
from reader.core.mentions import (
    CITATION,
    DATE,
    DOCKET,
    LEGAL,
    MONEY,
    ORG,
    PERSON,
    PLACE,
    TEMPORAL,
    Mention,
)
from reader.core.present import mdx_entities
from reader.core.present.mdx_entities import Span

# The types a reader sees, in legend order; TIME, DURATION and SET are shown as dates.
SHOWN_LABELS = (PERSON, ORG, PLACE, DATE, MONEY, LEGAL, CITATION, DOCKET)
LABEL_NAMES = {
    PERSON: "Person",
    ORG: "Organisation",
    PLACE: "Place",
    DATE: "Date",
    MONEY: "Money",
    LEGAL: "Legal term",
    CITATION: "Citation",
    DOCKET: "Docket number",
}
QUERY_CLASS = "query"
MAX_DEPTH = 24  # QTextBrowser freezes on deeply nested blocks
# Past these, Markdown's block parser and inline pass take tens of seconds (RELIABILITY.md,
# hostile files on every path): the body is then shown as plain paragraphs.
MAX_PARAGRAPHS = 20_000
MAX_PARAGRAPH_CHARS = 100_000
MAX_BRACKETS = 400  # Python-Markdown is quadratic on many "[" (links are tried at each)
_NO_END = 2**63  # past any offset

_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "ul", "ol", "li"}
_TAGS |= {"em", "strong", "code", "pre", "a", "span", "div"}
_CLASSES = {label.lower() for label in SHOWN_LABELS} | {
    QUERY_CLASS,
    "meta",
    "path",
    "header",
    "page",
}
# The line documents.py puts where a PDF's page begins ("— page 3 —"), drawn as a divider.
_PAGE_LINE = re.compile(r"<p>(\u2014 page \d+ \u2014)</p>")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)|<https?:[^>\n]*>")
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*?(/?)>")
_VOID = {"br", "hr"}


def display_label(label: str) -> str:
    """Return the type a mention is shown as (TIME, DURATION and SET show as DATE)."""
    return DATE if label in TEMPORAL else label


def describe(mention: Mention) -> str:
    """Return the hover text of a mention: its type and normalised value."""
    label = display_label(mention.label)
    kind = LABEL_NAMES.get(label, label.title())
    if mention.subtype:
        kind = f"{kind} ({mention.subtype.lower()})"
    value = mention.canonical or mention.value or mention.text
    if mention.label in TEMPORAL and mention.value:
        # "Date: July 2024 (2024-07)": as people write it, and the value searches use.
        described = timex.describe(mention.value)
        value = described if described == mention.value else f"{described} ({mention.value})"
    return f"{kind}: {value}"


def to_html(
    article: Article,
    mentions: Sequence[Mention],
    *,
    hidden_labels: frozenset[str] = frozenset(),
    query_terms: Iterable[str] = (),
) -> str:
    """Return the article as sanitised HTML with entity and query-term spans."""
    body = article.body
    literal = article.format != "md"
    if not literal and body.count("[") > MAX_BRACKETS:
        literal = True
    spans = _entity_spans(mentions, hidden_labels) + _query_spans(body, query_terms)
    if not literal:
        spans = _outside_link_targets(spans, body)
    nested = mdx_entities.nest(spans, body)
    if _too_big_for_markdown(body):
        rendered = mdx_entities.plain_html(body, nested)
    else:
        source = mdx_entities.mark(body, nested, literal=literal)
        md = markdown.Markdown(extensions=[mdx_entities.makeExtension(nested)])
        if literal:
            mdx_entities.literal_inline(md)
        rendered = md.convert(source)
    if _depth(rendered) > MAX_DEPTH:
        rendered = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    if article.pages:
        rendered = _PAGE_LINE.sub(r'<p class="page">\1</p>', rendered)
    return sanitise(_header(article) + rendered)


def _too_big_for_markdown(body: str) -> bool:
    """A paragraph or a count of paragraphs on which Python-Markdown takes tens of seconds."""
    paragraphs = body.count("\n\n") + 1
    return paragraphs > MAX_PARAGRAPHS or (
        len(body) > MAX_PARAGRAPH_CHARS and max(map(len, body.split("\n\n"))) > MAX_PARAGRAPH_CHARS
    )


def sanitise(fragment: str) -> str:
    """Return `fragment` with only our tags, attributes, classes and safe links kept."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes={"a": {"href", "title"}, "span": {"title"}},
        allowed_classes={"span": _CLASSES, "p": _CLASSES},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        clean_content_tags={"script", "style"},
    )


def _outside_link_targets(spans: list[Span], body: str) -> list[Span]:
    """Drop the spans overlapping a link target: a marker there would break the link."""
    # Link targets are found left to right without overlapping, so their starts and ends are
    # both sorted: the only target that can overlap a span is the first one ending after the
    # span's start (a bisect, instead of comparing every span with every target).
    targets = [(m.start(), m.end()) for m in _LINK_TARGET.finditer(body)]
    if not targets:
        return spans
    ends = [b for _, b in targets]
    kept = []
    for s in spans:
        i = bisect.bisect_right(ends, s.start)
        if i == len(targets) or targets[i][0] >= s.end:
            kept.append(s)
    return kept


def _entity_spans(mentions: Sequence[Mention], hidden: frozenset[str]) -> list[Span]:
    shown = [m for m in mentions if display_label(m.label) in SHOWN_LABELS]
    shown = [m for m in shown if display_label(m.label) not in hidden]
    spans = []
    for m, outer in zip(shown, _enclosing(shown), strict=True):
        title = describe(m)
        for o in outer:
            if (o.start, o.end) != (m.start, m.end):
                title += f"\nwithin {describe(o)}"
        spans.append(Span(m.start, m.end, display_label(m.label).lower(), title))
    return spans


def _enclosing(mentions: Sequence[Mention], limit: int = 2) -> list[list[Mention]]:
    """For each mention, the `limit` shortest others that contain it (start <= its start and
    end >= its end; equal lengths: earlier in `mentions` first; a mention with the same span
    counts, so the caller decides what to show).

    A sweep by start: a mention can only be contained by one that started at or before it
    and has not ended before it, so only those "open" mentions are compared, not all pairs.
    The cost is O(n log n) plus the overlap depth at each mention, which is 1-3 for real
    mentions (the extractor's do not overlap at all; corrections and tests nest a few).
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    # The smallest end among the mentions still to come: an open mention ending before it can
    # contain none of them. Equal to their start for well-formed mentions (start <= end).
    min_end_after = [0] * (len(order) + 1)
    min_end_after[-1] = _NO_END
    for pos in range(len(order) - 1, -1, -1):
        min_end_after[pos] = min(min_end_after[pos + 1], mentions[order[pos]].end)
    result: list[list[Mention]] = [[] for _ in mentions]
    open_ends: list[tuple[int, int]] = []  # heap of (end, index) of open mentions
    is_open: set[int] = set()
    pos = 0
    while pos < len(order):
        start = mentions[order[pos]].start
        group = pos
        while group < len(order) and mentions[order[group]].start == start:
            heapq.heappush(open_ends, (mentions[order[group]].end, order[group]))
            is_open.add(order[group])
            group += 1
        horizon = min(start, min_end_after[pos])
        while open_ends and open_ends[0][0] < horizon:
            is_open.discard(heapq.heappop(open_ends)[1])
        if len(is_open) == group - pos == 1:
            pos = group  # the usual case: a mention overlapping no other
            continue
        for i in order[pos:group]:
            m = mentions[i]
            outer = [
                (o.end - o.start, j)
                for j in is_open
                if (o := mentions[j]).end >= m.end and o is not m
            ]
            result[i] = [mentions[j] for _, j in sorted(outer)[:limit]]
        pos = group
    return result


def query_spans_positions(body: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Return where the query terms occur in `body` (whole words, any case)."""
    words = {t.strip("\"'*~").lower() for t in terms}
    words = {w for w in words if len(w) > 1 and w not in {"and", "or", "not"}}
    if not words:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(body)]


def _query_spans(body: str, terms: Iterable[str]) -> list[Span]:
    return [Span(s, e, QUERY_CLASS) for s, e in query_spans_positions(body, terms)]


def _depth(fragment: str) -> int:
    # Running sum of +1 per opening and -1 per closing tag, its maximum taken in C: a long
    # judgment has tens of thousands of tags, mostly entity spans.
    steps = [
        -1 if closing else 1
        for closing, name, self_closing in _TAG.findall(fragment)
        if not self_closing and name not in _VOID
    ]
    return max(itertools.accumulate(steps, initial=0))


def _header(article: Article) -> str:
    parts = [f"<h1>{html.escape(article.title)}</h1>"]
    meta = [v for v in (article.published, article.author, article.source) if v]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(html.escape(v) for v in meta)}</p>')
    # Before the path: the article view finds its mentions after the path line.
    case = case_facts(article)
    if case:
        parts.append(f'<p class="meta">{" · ".join(html.escape(v) for v in case)}</p>')
    reading = reading_facts(article)
    if reading:
        parts.append(f'<p class="meta">{" · ".join(html.escape(v) for v in reading)}</p>')
    parts.append(f'<p class="path">{html.escape(str(article.path))}</p><hr>')
    return "".join(parts)


def case_facts(article: Article) -> list[str]:
    """A legal document's court, docket numbers, parties and dated steps, as shown in its header."""
    facts = [article.court] if article.court else []
    if article.dockets:
        facts.append(("Nos. " if len(article.dockets) > 1 else "No. ") + ", ".join(article.dockets))
    sides: dict[str, list[str]] = {"first": [], "second": []}
    for party in article.parties:
        sides.setdefault(party.side, []).append(party.name)
    if sides["first"] and sides["second"]:
        facts.append(f"Parties: {'; '.join(sides['first'])} v. {'; '.join(sides['second'])}")
    elif sides["first"]:
        facts.append(f"Party: {'; '.join(sides['first'])}")
    facts.extend(f"{event.kind.capitalize()} {event.date}" for event in article.events[:4])
    return facts


def reading_facts(article: Article) -> list[str]:
    """How a PDF or converted file was read: its pages, the pages read by OCR, what was not read."""
    facts = []
    if article.pages:
        count = len(article.pages)
        facts.append(f"{article.format.upper()}, {count} page{'s' if count != 1 else ''}")
    if article.ocr_pages:
        facts.append(f"Text read by OCR ({_page_list(article.ocr_pages)})")
    if article.ocr_waiting:
        facts.append(
            f"Scanned {_page_list(article.ocr_waiting)}: the text is being read by OCR in the "
            "background, and appears here when it is in"
        )
    facts.extend(article.notes)
    return facts


def _page_list(numbers: Sequence[int]) -> str:
    """The pages named ("page 3", "pages 1, 2, 5"): the first eight, then "…"."""
    shown = ", ".join(str(number) for number in numbers[:8]) + (" …" if len(numbers) > 8 else "")
    return f"page{'s' if len(numbers) > 1 else ''} {shown}"
