"""Numbers that are not dates (citations, dockets, sections, pages, sums) are never dates."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.dates import finding as dates
from reader.core.dates import non_dates, query_dates

ANCHOR = date(2018, 1, 15)


@pytest.mark.parametrize(
    "text",
    [
        "See Smith v. Jones, 2017 WL 1234567, at *3.",
        "The appeal in State v. Doe, 2017-Ohio-123, failed.",
        "The appeal, No. 17-1234, was argued.",
        "The clerk docketed the case as 1:17-cv-2017 that week.",
        "Under § 2017 the court may act.",
        "He paid $2,017 in fines.",
        "Id. at 2017.",
        "Smith, 512 U.S. 2017, settles it.",
        "Reported at 2017 U.S. Dist. LEXIS 12345 by the clerk.",
        "Congress passed H.R. 2017 quickly.",
    ],
)
def test_numbers_in_citations_are_not_dates(text: str) -> None:
    assert [m for m in dates.find(text, ANCHOR) if "2017" in m.text or "1234" in m.text] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The hearing was on October 2, 2017 before the judge.", "2017-10-02"),
        ("In 2017 the company grew.", "2017"),
        ("The order of 3 March 2017 stands.", "2017-03-03"),
        ("(S.D.N.Y. Oct. 2, 2017)", "2017-10-02"),
        ("Prices stayed at 2017 levels.", "2017"),
    ],
)
def test_real_dates_beside_citation_words_are_kept(text: str, value: str) -> None:
    assert value in [m.value for m in dates.find(text, ANCHOR)]


def test_a_citation_in_a_query_is_searched_as_words() -> None:
    assert query_dates.find("2017 WL 1234567", ANCHOR) == []
    assert non_dates.spans("2017 WL 1234567") == [(0, 15)]


def test_digits_the_model_calls_a_date_but_no_pattern_reads_are_not_dates() -> None:
    from reader.core.dates import finding

    text = (
        "Docket Text:\n\nNOTICE re: Notice re: Regarding Resolution of Conflict with Proposed "
        "Argument dates by Bozzuto Management Company. [1001214590] [21-1919] Lynn Calkins\n\n"
        "The following transaction was entered on 08/18/2022."
    )
    assert "1001214590" in [text[s:e] for s, e, _ in finding.ner_spans(text)]
    found = [(m.text, m.value) for m in finding.find(text, None)]
    assert found == [("08/18/2022", "2022-08-18")]
