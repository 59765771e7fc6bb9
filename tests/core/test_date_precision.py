"""Date search precision (issue 14): exact dates first, coarser ones after and marked, no citations.

A small library of our own articles, imported for real (spaCy model, on-disk Whoosh index).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.index import Filters
from reader.core.library import Library

ARTICLES = {
    "names-the-day.md": (
        "Hearing held on the motion",
        "2018-01-10",
        "The judge heard the motion to dismiss on October 2, 2017, and ruled "
        "from the bench after an hour.",
    ),
    "names-the-day-too.md": (
        "Lawyers recall the October hearing",
        "2018-02-01",
        "Lawyers for both sides said the hearing of Oct. 2, 2017 changed the course of the case.",
    ),
    "only-the-year.md": (
        "Firm looks back on a hard year",
        "2018-03-05",
        "The firm said that 2017 was its hardest year, with three trials and no settlements.",
    ),
    "a-year-of-hearings.md": (
        "Hearing after hearing: a year of hearings",
        "2018-04-02",
        "Hearing followed hearing in 2017; the hearing calendar was full and every hearing "
        "ran long.",
    ),
    "only-a-citation.md": (
        "Brief cites an old ruling",
        "2019-05-06",
        "The brief relies on Smith v. Jones, 2017 WL 1234567, at *3, and on "
        "nothing else from that period.",
    ),
    "only-other-numbers.md": (
        "Fees in the Ohio matter",
        "2019-06-07",
        "Case 1:17-cv-2017 was brought under § 2017 of the code; the fee was $2,017, and the "
        "ruling is reported as 2017-Ohio-123.",
    ),
    "published-that-month.md": (
        "Court calendar for the autumn",
        "2017-10",
        "The court published its calendar of hearings for the autumn term.",
    ),
    "another-day.md": (
        "Hearing on a different day",
        "2018-01-12",
        "The judge heard a second motion on October 9, 2017, in the same courtroom.",
    ),
}


def write_articles(folder: Path) -> Path:
    """Write the test articles as Markdown files with front matter into `folder`."""
    for name, (title, published, body) in ARTICLES.items():
        text = f"---\ntitle: {title}\ndate: {published}\nsource: Test desk\n---\n\n{body}\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = write_articles(tmp_path_factory.mktemp("articles"))
    opened = Library.open(tmp_path_factory.mktemp("lib") / "lib", samples=False)
    steps = list(opened.import_paths([folder]))
    assert all(step.problem is None for step in steps)
    return opened


def _names(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [hit.path.name for hit in hits]


def test_a_day_query_lists_articles_naming_the_day_before_those_naming_only_its_year(
    library: Library,
) -> None:
    hits = library.search("October 2, 2017").hits
    names = _names(hits)
    assert set(names[:2]) == {"names-the-day.md", "names-the-day-too.md"}
    assert set(names[2:]) == {
        "only-the-year.md",
        "a-year-of-hearings.md",
        "published-that-month.md",
    }
    weaker = {hit.path.name: hit for hit in hits[2:]}
    assert weaker["only-the-year.md"].date_note == "mentions 2017"
    assert weaker["only-the-year.md"].snippet.startswith("mentions 2017 — ")
    assert "<b>2017</b>" in weaker["only-the-year.md"].snippet
    assert weaker["published-that-month.md"].date_note == "published October 2017"
    assert all(hit.date_note is None for hit in hits[:2])


@pytest.mark.parametrize("name", ["only-a-citation.md", "only-other-numbers.md"])
def test_citations_dockets_sections_and_sums_are_not_dates(library: Library, name: str) -> None:
    assert name not in _names(library.search("2017").hits)
    assert name not in _names(library.search("October 2, 2017").hits)
    assert name not in _names(library.search("mentioned:2017").hits)


def test_a_citation_is_still_found_by_its_words(library: Library) -> None:
    assert _names(library.search("2017 WL 1234567").hits) == ["only-a-citation.md"]


@pytest.mark.parametrize("exact", ['exact:"October 2, 2017"', "exact:2017-10-02"])
def test_exact_dates_leave_out_coarser_mentions(library: Library, exact: str) -> None:
    assert sorted(_names(library.search(exact).hits)) == ["names-the-day-too.md",
                                                           "names-the-day.md"]  # fmt: skip


def test_the_exact_dates_filter_leaves_out_coarser_mentions(library: Library) -> None:
    found = library.search("October 2, 2017", filters=Filters(exact_dates=True))
    assert sorted(_names(found.hits)) == ["names-the-day-too.md", "names-the-day.md"]


def test_a_year_query_finds_every_date_inside_it_as_exact(library: Library) -> None:
    hits = library.search("2017").hits
    assert set(_names(hits)) == {"names-the-day.md", "names-the-day-too.md", "only-the-year.md",
                                 "a-year-of-hearings.md", "published-that-month.md",
                                 "another-day.md"}  # fmt: skip
    assert all(hit.date_note is None for hit in hits)


def test_a_month_query_ranks_the_days_in_it_with_the_month(library: Library) -> None:
    hits = library.search("October 2017").hits
    names = _names(hits)
    assert set(names[:4]) == {"names-the-day.md", "names-the-day-too.md", "another-day.md",
                              "published-that-month.md"}  # fmt: skip
    assert set(names[4:]) == {"only-the-year.md", "a-year-of-hearings.md"}
    assert {hit.date_note for hit in hits[4:]} == {"mentions 2017"}


def test_exact_dates_rank_first_even_when_a_weaker_match_has_more_of_the_words(
    library: Library,
) -> None:
    hits = library.search("hearing October 2, 2017").hits
    assert {hit.path.name for hit in hits[:2]} == {"names-the-day.md", "names-the-day-too.md"}
    assert [hit.path.name for hit in hits[2:]] == ["a-year-of-hearings.md"]
    assert hits[2].date_note == "mentions 2017"
