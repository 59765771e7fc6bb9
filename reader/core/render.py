"""Article → safe HTML: a header, and the markdown body with entity and query-term spans.

The HTML is for QTextBrowser (a subset of HTML 4), so it uses only simple tags and one class
per entity type. It is safe whatever the source holds: raw HTML in the source is escaped
before Markdown runs, the result is sanitised with nh3 against an allow-list of the tags,
attributes and classes emitted here, and only http(s) and mailto links survive.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import markdown
import nh3

from reader.core import mdx_entities
from reader.core.articles import Article
from reader.core.mdx_entities import Span
from reader.core.mentions import DATE, LEGAL, MONEY, ORG, PERSON, PLACE, TEMPORAL, Mention

# The types a reader sees, in legend order; TIME, DURATION and SET are shown as dates.
SHOWN_LABELS = (PERSON, ORG, PLACE, DATE, MONEY, LEGAL)
LABEL_NAMES = {
    PERSON: "Person",
    ORG: "Organisation",
    PLACE: "Place",
    DATE: "Date",
    MONEY: "Money",
    LEGAL: "Legal term",
}
QUERY_CLASS = "query"
MAX_DEPTH = 24  # QTextBrowser freezes on deeply nested blocks
MAX_BRACKETS = 400  # Python-Markdown is quadratic on many "[" (links are tried at each)

_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "ul", "ol", "li"}
_TAGS |= {"em", "strong", "code", "pre", "a", "span", "div"}
_CLASSES = {label.lower() for label in SHOWN_LABELS} | {QUERY_CLASS, "meta", "path", "header"}
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
        targets = [(m.start(), m.end()) for m in _LINK_TARGET.finditer(body)]
        spans = [s for s in spans if not any(a < s.end and s.start < b for a, b in targets)]
    nested = mdx_entities.nest(spans, body)
    source = mdx_entities.mark(body, nested, literal=literal)
    md = markdown.Markdown(extensions=[mdx_entities.makeExtension(nested)])
    rendered = md.convert(source)
    if _depth(rendered) > MAX_DEPTH:
        rendered = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return sanitise(_header(article) + rendered)


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


def _entity_spans(mentions: Sequence[Mention], hidden: frozenset[str]) -> list[Span]:
    shown = [m for m in mentions if display_label(m.label) in SHOWN_LABELS]
    shown = [m for m in shown if display_label(m.label) not in hidden]
    spans = []
    for m in shown:
        outer = [o for o in shown if o is not m and o.start <= m.start and m.end <= o.end]
        title = describe(m)
        for o in sorted(outer, key=lambda o: o.end - o.start)[:2]:
            if (o.start, o.end) != (m.start, m.end):
                title += f"\nwithin {describe(o)}"
        spans.append(Span(m.start, m.end, display_label(m.label).lower(), title))
    return spans


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
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(fragment):
        if name in _VOID or self_closing:
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


def _header(article: Article) -> str:
    parts = [f"<h1>{html.escape(article.title)}</h1>"]
    meta = [v for v in (article.published, article.author, article.source) if v]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(html.escape(v) for v in meta)}</p>')
    parts.append(f'<p class="path">{html.escape(str(article.path))}</p><hr>')
    return "".join(parts)
