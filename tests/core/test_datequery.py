"""datequery.find: dates in a search query, in any common form, as day intervals."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.dates import query_dates as datequery

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("query", "first", "last", "label"),
    [
        ("October 21, 2021", date(2021, 10, 21), date(2021, 10, 21), "October 21, 2021"),
        ("Oct. 21, 2021", date(2021, 10, 21), date(2021, 10, 21), "October 21, 2021"),
        ("21 October 2021", date(2021, 10, 21), date(2021, 10, 21), "October 21, 2021"),
        ("2021-10-21", date(2021, 10, 21), date(2021, 10, 21), "October 21, 2021"),
        ("10/21/2021", date(2021, 10, 21), date(2021, 10, 21), "October 21, 2021"),
        ("July 2024", date(2024, 7, 1), date(2024, 7, 31), "July 2024"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("2024-07", date(2024, 7, 1), date(2024, 7, 31), "July 2024"),
        ("Christmas Eve 2024", date(2024, 12, 24), date(2024, 12, 24), "December 24, 2024"),
        ("between July and December 2024", date(2024, 7, 1), date(2024, 12, 31),
         "July 2024 to December 2024"),
        ("2021..2022", date(2021, 1, 1), date(2022, 12, 31), "2021 to 2022"),
        ("from 2019 to 2021", date(2019, 1, 1), date(2021, 12, 31), "2019 to 2021"),
        ("before 2022", None, date(2021, 12, 31), "before 2022"),
        ("after 2020", date(2021, 1, 1), None, "after 2020"),
        ("since March", date(2025, 3, 1), None, "since March 2025"),
        ("since September", date(2024, 9, 1), None, "since September 2024"),
    ],
)  # fmt: skip
def test_find_turns_a_date_query_into_a_day_interval(
    query: str, first: date | None, last: date | None, label: str
) -> None:
    (found,) = datequery.find(query, TODAY)
    assert (found.first, found.last, found.label) == (first, last, label)
    assert (found.start, found.end) == (0, len(query))


def test_find_reports_where_the_date_is_in_a_longer_query() -> None:
    query = "Baldwin dismissal July 2024"
    (found,) = datequery.find(query, TODAY)
    assert query[found.start : found.end] == "July 2024"


def test_find_reads_numeric_dates_day_first_when_asked() -> None:
    (found,) = datequery.find("03/04/2021", TODAY, day_first=True)
    assert found.first == date(2021, 4, 3)


@pytest.mark.parametrize("query", ["Baldwin appeal", "Rust set shooting", "$2,000 fine"])
def test_find_returns_nothing_for_a_query_without_a_date(query: str) -> None:
    assert datequery.find(query, TODAY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2021", "2021"),
        ("2021-10", "2021-10"),
        ("October 2021", "2021-10"),
        (" Oct 21, 2021 ", "2021-10-21"),
        ("21 October 2021", "2021-10-21"),
        ("Christmas Eve 2024", "2024-12-24"),
        ("last March", "2024-03"),
    ],
)
def test_one_date_reads_a_field_that_holds_a_date(text: str, value: str) -> None:
    assert datequery.one_date(text, date(2024, 12, 26)) == value


@pytest.mark.parametrize(
    "text", ["", "nonsense", "2021-13", "21", "October 2021 to December 2021", "Baldwin 2021"]
)
def test_one_date_refuses_what_is_not_one_date(text: str) -> None:
    assert datequery.one_date(text, date(2024, 12, 26)) is None


def test_a_date_inside_a_quoted_phrase_stays_in_the_phrase(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.core.index.date_terms import split_dates
    from reader.core.library import Library

    today = date(2026, 12, 7)
    words, search, _ = split_dates('"Acme May 2019 Fund" report', today)
    assert words == '"Acme May 2019 Fund" report'
    assert search.dates == ()
    words, search, _ = split_dates("Acme report May 2019", today)  # unquoted: a date search
    assert [d.start for d in search.dates] == [12]

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(
        "Report on City Policing During Summer 2020 Demonstrations\n\n"
        "The inspector's report on City Policing During Summer 2020 Demonstrations came out.\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    assert len(library.search('"Policing During Summer 2020 Demonstrations"').hits) == 1
