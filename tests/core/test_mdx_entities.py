"""mdx_entities: markers become properly nested spans; escaping keeps offsets honest."""

from __future__ import annotations

import markdown
import pytest

from reader.core.present import mdx_entities
from reader.core.present.mdx_entities import Span


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


def _cut(spans: list[Span], text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.classes) for s in mdx_entities.nest(spans, text)]


TEN = "abcdefghij"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # nested: the outer one opens first
        (TEN, [Span(2, 4, "b"), Span(0, 6, "a")], [(0, 6, "a"), (2, 4, "b")]),
        # identical spans: both kept, in the given order
        (TEN, [Span(1, 3, "a"), Span(1, 3, "b")], [(1, 3, "a"), (1, 3, "b")]),
        # touching spans: neither is cut
        (TEN, [Span(3, 6, "b"), Span(0, 3, "a")], [(0, 3, "a"), (3, 6, "b")]),
        # one span crossing two nested ones is cut at each end it passes
        (
            TEN,
            [Span(0, 4, "a"), Span(1, 3, "b"), Span(2, 8, "c")],
            [(0, 4, "a"), (1, 3, "b"), (2, 3, "c"), (3, 4, "c"), (4, 8, "c")],
        ),
        # a cut-off rest goes after a span that already starts there with the same end
        (
            TEN,
            [Span(0, 4, "a"), Span(2, 6, "b"), Span(4, 6, "c")],
            [(0, 4, "a"), (2, 4, "b"), (4, 6, "c"), (4, 6, "b")],
        ),
        # empty and out-of-text spans are dropped; spans are clipped to the text
        (TEN, [Span(3, 3, "a"), Span(12, 20, "b"), Span(-2, 2, "c")], [(0, 2, "c")]),
        # line breaks cut a span
        ("abc\ndefghi", [Span(0, 9, "a")], [(0, 3, "a"), (4, 9, "a")]),
    ],
)
def test_nest_orders_and_cuts_spans(
    text: str, spans: list[Span], expected: list[tuple[int, int, str]]
) -> None:
    assert _cut(spans, text) == expected


@pytest.mark.parametrize(
    ("text", "spans", "literal", "expected"),
    [
        # markers around a span; closing markers in reverse order of opening
        (
            "ab",
            [Span(0, 2, "x"), Span(0, 1, "y")],
            False,
            "\U000f0000\U000f0001a\U00100001b\U00100000",
        ),
        (
            "ab",
            [Span(0, 2, "x"), Span(1, 2, "y")],
            False,
            "\U000f0000a\U000f0001b\U00100001\U00100000",
        ),
        # a span at a quoted line's start opens after the kept "> " markup
        (
            "> ab\n> cd",
            [Span(2, 4, "x"), Span(7, 9, "y")],
            False,
            "> \U000f0000ab\U00100000\n> \U000f0001cd\U00100001",
        ),
        # indentation is capped, raw HTML escaped
        (" " * 12 + "<b>", [], False, " " * 8 + "&lt;b>"),
        # literal mode: markup characters become entities, block syntax is kept
        ("## a*b", [Span(3, 6, "x")], True, "## \U000f0000a&#42;b\U00100000"),
        ("  x_y", [], True, "x&#95;y"),
        # private-use characters of the source are dropped
        ("a\U000f0005b", [], False, "ab"),
        # a span ending at the end of the text is closed
        ("ab\n", [Span(1, 2, "x")], False, "a\U000f0000b\U00100000\n"),
    ],
)
def test_mark_inserts_markers_and_escapes(
    text: str, spans: list[Span], literal: bool, expected: str
) -> None:
    assert mdx_entities.mark(text, spans, literal=literal) == expected


LITERAL = (
    "## Order of the Court\n\n"
    "1986. The *motion* of [Acme](http://x) & <b>Co</b> `re` \\ _filed_ #3 is **denied**  \n"
    "a line with two trailing spaces, &amp; an entity, ~strike~ a|b {attr} !image\n\n"
    "- first item\n- second item\n\n> quoted ruling\n\n---\n\n* * *\n\n"
    "Heading\n=======\n\n+ plus 2) paren\n\n"
    "<http://auto.link> and mail <a@b.c>"
)


def test_a_literal_source_renders_the_same_with_only_the_patterns_it_can_match() -> None:
    spans = [Span(4, 9, "legal"), Span(28, 32, "org"), Span(60, 74, "date")]
    nested = mdx_entities.nest(spans, LITERAL)
    source = mdx_entities.mark(LITERAL, nested, literal=True)
    full = markdown.Markdown(extensions=[mdx_entities.makeExtension(nested)])
    slim = markdown.Markdown(extensions=[mdx_entities.makeExtension(nested)])
    mdx_entities.literal_inline(slim)

    assert slim.convert(source) == full.convert(source)
    assert len(slim.inlinePatterns) < len(full.inlinePatterns)
