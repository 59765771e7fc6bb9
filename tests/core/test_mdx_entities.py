"""mdx_entities: markers become properly nested spans; escaping keeps offsets honest."""

from __future__ import annotations

import markdown
import pytest

from reader.core import mdx_entities
from reader.core.mdx_entities import Span


def convert(text: str, spans: list[Span], *, literal: bool = False) -> str:
    nested = mdx_entities.nest(spans, text)
    source = mdx_entities.mark(text, nested, literal=literal)
    return markdown.markdown(source, extensions=[mdx_entities.makeExtension(nested)])


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Alec Baldwin",
            [Span(0, 12, "person")],
            '<p><span class="person">Alec Baldwin</span></p>',
        ),
        (
            "Santa Fe court",
            [Span(0, 14, "legal"), Span(0, 8, "place")],
            '<p><span class="legal"><span class="place">Santa Fe</span> court</span></p>',
        ),
        (
            "**Rust** set",
            [Span(2, 6, "org")],
            '<p><strong><span class="org">Rust</span></strong> set</p>',
        ),
        ("## Baldwin", [Span(3, 10, "person")], '<h2><span class="person">Baldwin</span></h2>'),
    ],
)
def test_spans_wrap_the_marked_text(text: str, spans: list[Span], expected: str) -> None:
    assert convert(text, spans) == expected


def test_crossing_spans_are_cut_to_nest() -> None:
    spans = mdx_entities.nest([Span(0, 6, "a"), Span(3, 9, "b")], "abcdefghi")
    assert spans == [Span(0, 6, "a"), Span(3, 6, "b"), Span(6, 9, "b")]


def test_spans_never_cross_a_paragraph_break() -> None:
    html = convert("one\n\ntwo", [Span(0, 8, "person")])
    assert html.count('<span class="person">') == 2


def test_literal_mode_shows_inline_markup_as_typed() -> None:
    html = convert("a *b* [c](http://x) <i>", [], literal=True)
    assert "<em>" not in html
    assert "<a" not in html
    assert "<i>" not in html


@pytest.mark.parametrize(
    ("line", "tag"), [("## Head", "<h2>"), ("> quote", "<blockquote>"), ("- item", "<li>")]
)
def test_literal_mode_keeps_block_syntax(line: str, tag: str) -> None:
    assert tag in convert(line, [], literal=True)


def test_private_use_characters_in_the_source_are_dropped() -> None:
    assert "\U000f0000" not in convert("x\U000f0000y", [])
