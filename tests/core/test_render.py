"""render.to_html: header, entity spans with hover text, query terms, and safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import render
from reader.core.articles import Article
from reader.core.mentions import Mention


def article(body: str, fmt: str = "md") -> Article:
    return Article("id1", Path("/cases/a.md"), "Judge rules", body, fmt, "2024-07", "Ann Lee", "AP")


def mention(body: str, text: str, label: str, **extra: str) -> Mention:
    start = body.index(text)
    return Mention(start, start + len(text), text, label, **extra)


def test_header_shows_title_date_byline_source_and_path() -> None:
    html = render.to_html(article("Body."), [])
    for text in ("Judge rules", "2024-07", "Ann Lee", "AP", "/cases/a.md"):
        assert text in html


def test_entities_get_their_type_class_and_hover_value() -> None:
    body = "Baldwin paid on 5 July."
    mentions = [
        mention(body, "Baldwin", "PERSON", canonical="Alec Baldwin"),
        mention(body, "5 July", "DATE", value="2024-07-05"),
    ]
    html = render.to_html(article(body), mentions)
    assert '<span class="person" title="Person: Alec Baldwin">Baldwin</span>' in html
    assert 'title="Date: 2024-07-05"' in html


def test_hidden_types_are_not_highlighted() -> None:
    body = "Baldwin in Santa Fe."
    mentions = [mention(body, "Baldwin", "PERSON"), mention(body, "Santa Fe", "PLACE")]
    html = render.to_html(article(body), mentions, hidden_labels=frozenset({"PERSON"}))
    assert 'class="person"' not in html
    assert 'class="place"' in html


def test_nested_place_in_court_names_both() -> None:
    body = "the Santa Fe District Court ruled"
    mentions = [
        mention(body, "Santa Fe District Court", "LEGAL", subtype="COURT"),
        mention(body, "Santa Fe", "PLACE"),
    ]
    html = render.to_html(article(body), mentions)
    assert '<span class="legal"' in html
    assert "within Legal term (court)" in html
    assert html.index('class="legal"') < html.index('class="place"')


def test_query_terms_are_marked_as_whole_words() -> None:
    html = render.to_html(article("Allred and Allredson"), [], query_terms=("allred",))
    assert html.count('class="query"') == 1


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<img src="file:///etc/passwd">',
        "[x](javascript:alert(1))",
        '<a href="smb://host/share">x</a>',
        '<div onclick="evil()">x</div>',
    ],
)
def test_unsafe_markup_does_not_survive(body: str) -> None:
    html = render.to_html(article(body), [])
    for bad in ("<script", "<img", 'href="javascript:', '<a href="smb', "<div"):
        assert bad not in html


def test_only_web_and_mail_links_survive() -> None:
    html = render.to_html(article("[a](https://x.org) [b](mailto:a@b.c) [c](file:///etc)"), [])
    assert 'href="https://x.org"' in html
    assert 'href="mailto:a@b.c"' in html
    assert "file:" not in html


def test_text_bodies_show_inline_markup_literally() -> None:
    html = render.to_html(article("**not bold** and _this_", "txt"), [])
    assert "<strong>" not in html
    assert "**not bold**" in html


def test_deep_nesting_is_capped() -> None:
    html = render.to_html(article("> " * 200 + "deep"), [])
    assert html.count("<blockquote>") <= 10


def test_many_brackets_render_quickly() -> None:
    html = render.to_html(article("[" * 20_000), [])
    assert "[[[" in html
