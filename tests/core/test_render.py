"""render.to_html: header, entity spans with hover text, query terms, and safety."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.core.articles import Article
from reader.core.mentions import Mention
from reader.core.present import render


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
    assert 'title="Date: July 5, 2024 (2024-07-05)"' in html


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


def _titles(spans: list[tuple[int, int, str]]) -> list[str]:
    mentions = [Mention(s, e, "x" * (e - s), label) for s, e, label in spans]
    return [span.title for span in render._entity_spans(mentions, frozenset())]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # nested: the inner one names the outer one, not the other way round
        (
            [(0, 10, "LEGAL"), (0, 4, "PLACE")],
            ["Legal term: xxxxxxxxxx", "Place: xxxx\nwithin Legal term: xxxxxxxxxx"],
        ),
        # identical spans contain each other, but "within" itself is not shown
        ([(2, 6, "PERSON"), (2, 6, "ORG")], ["Person: xxxx", "Organisation: xxxx"]),
        # touching spans do not contain each other
        ([(0, 4, "PERSON"), (4, 8, "ORG")], ["Person: xxxx", "Organisation: xxxx"]),
        # crossing spans do not contain each other
        ([(0, 5, "PERSON"), (3, 8, "ORG")], ["Person: xxxxx", "Organisation: xxxxx"]),
        # the two shortest enclosing mentions, shortest first
        (
            [(0, 9, "LEGAL"), (1, 7, "ORG"), (2, 5, "PLACE"), (0, 8, "MONEY")],
            [
                "Legal term: xxxxxxxxx",
                "Organisation: xxxxxx\nwithin Money: xxxxxxxx\nwithin Legal term: xxxxxxxxx",
                "Place: xxx\nwithin Organisation: xxxxxx\nwithin Money: xxxxxxxx",
                "Money: xxxxxxxx\nwithin Legal term: xxxxxxxxx",
            ],
        ),
        # an identical span takes one of the two places (so only one "within" is shown)
        (
            [(0, 9, "LEGAL"), (2, 5, "PLACE"), (2, 5, "ORG")],
            [
                "Legal term: xxxxxxxxx",
                "Place: xxx\nwithin Legal term: xxxxxxxxx",
                "Organisation: xxx\nwithin Legal term: xxxxxxxxx",
            ],
        ),
        # enclosing mentions of equal length: the earlier one in the list first
        (
            [(0, 6, "ORG"), (1, 7, "MONEY"), (2, 4, "PLACE")],
            [
                "Organisation: xxxxxx",
                "Money: xxxxxx",
                "Place: xx\nwithin Organisation: xxxxxx\nwithin Money: xxxxxx",
            ],
        ),
        # a mention ending where the next starts still contains an empty one there
        ([(0, 4, "PERSON"), (4, 4, "DATE")], ["Person: xxxx", "Date: \nwithin Person: xxxx"]),
    ],
)
def test_hover_text_names_the_enclosing_mentions(
    spans: list[tuple[int, int, str]], expected: list[str]
) -> None:
    assert _titles(spans) == expected


def test_enclosing_mentions_match_the_all_pairs_definition() -> None:
    rng = random.Random(7)
    for _ in range(500):
        mentions = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 20)
            mentions.append(Mention(start, start + rng.randint(0, 8), "x", "ORG"))
        mentions += rng.sample(mentions, min(2, len(mentions)))  # the same objects twice
        expected = [
            sorted(
                (o for o in mentions if o is not m and o.start <= m.start and m.end <= o.end),
                key=lambda o: o.end - o.start,
            )[:2]
            for m in mentions
        ]
        assert render._enclosing(mentions) == expected


def test_a_body_too_big_for_markdown_is_shown_as_plain_paragraphs_with_its_highlights() -> None:
    import time

    lines = [f"Line {n} of the register <b>&amp;</b> *kept*." for n in range(200_000)]
    body = "Halyna Hutchins filed.\n\n" + "\n\n".join(lines)
    article = Article(id="x", path=Path("big.txt"), title="Big", body=body, format="txt")
    started = time.monotonic()
    html_out = render.to_html(article, [Mention(0, 15, "Halyna Hutchins", "PERSON")])
    assert time.monotonic() - started < 10
    assert '<span class="person"' in html_out
    assert "Halyna Hutchins</span>" in html_out
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt; *kept*." in html_out  # shown as written, nothing run
    assert html_out.count("<p>") >= 200_000
