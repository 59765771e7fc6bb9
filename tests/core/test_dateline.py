from pathlib import Path

import pytest

from reader.core.ingest import dateline, reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 26, 2024", "2024-12-26"),
        ("\u00a0Dec. 26, 2024", "2024-12-26"),
        ("26 December 2024", "2024-12-26"),
        ("Thursday, December 26, 2024 at 3:15 PM EST", "2024-12-26"),
        ("Updated: Sept 3, 2023", "2023-09-03"),
        ("2024-12-26T10:00:00Z", "2024-12-26"),
        ("2024-07", "2024-07"),
        ("July 2024", "2024-07"),
        ("2024", "2024"),
        ("February 30, 2024", None),
        ("December 26, 2024, a judge ruled", None),
        ("Criminal case against the actor dismissed in July", None),
    ],
)
def test_parse_reads_whole_line_dates_only(text: str, expected: str | None) -> None:
    assert dateline.parse(text) == expected


def test_a_bare_year_line_is_not_a_dateline() -> None:
    assert not dateline.is_dateline("2024")
    assert dateline.is_dateline("December 26, 2024")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("SANTA FE, N.M. (Dec. 7, 2026) \u2014 The state's top court ruled", "2026-12-07"),
        ("WASHINGTON, March 3, 2025 \u2014 The justices heard", "2025-03-03"),
        ("LAS CRUCES (June 2, 2024) -- Deputies said", "2024-06-02"),
        ("SANTA FE, N.M. (AP) \u2014 The state's top court ruled", None),
        ("The court (Dec. 7, 2026) \u2014 ruled", None),
    ],
)
def test_a_news_dateline_opening_the_story_gives_its_day(
    paragraph: str, expected: str | None
) -> None:
    assert dateline.leading(paragraph) == expected


def test_copied_news_and_a_saved_page_are_dated_by_their_dateline(tmp_path: Path) -> None:
    story = (
        "SANTA FE, N.M. (Dec. 7, 2026) \u2014 The state supreme court ruled on Monday that the "
        "acequia keeps its water rights."
    )
    text = tmp_path / "acequia.txt"
    text.write_text(f"Court rules for the acequia\n\n{story}\n\nThe ruling ends a long dispute.\n")
    article = reading.load_article(text)
    assert (article.title, article.published) == ("Court rules for the acequia", "2026-12-07")
    assert article.body.startswith("SANTA FE, N.M. (Dec. 7, 2026)")  # the story as written
    page = tmp_path / "acequia.html"
    page.write_text(f"<html><body><h1>Court rules</h1><p>{story}</p></body></html>")
    assert reading.load_article(page).published == "2026-12-07"
