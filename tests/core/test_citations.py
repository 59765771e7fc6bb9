"""Citations and docket numbers found in small texts of our own."""

from __future__ import annotations

import pytest

from reader.core.text.citations import CASE, ID, SHORT, STATUTE, SUPRA, find_citations
from reader.core.text.docket_numbers import find_docket_numbers

OPINION = (
    "The panel relied on Alder v. Birch, 512 U.S. 301, 305 (1994). Alder, 512 U.S., at 309. "
    "Id. at 310. The claim arises under 42 U.S.C. § 1983. See Cedar v. Dunn, 88 F.4th 12 "
    "(2d Cir. 2023); Cedar, supra, at 15."
)


def test_full_short_id_and_supra_resolve_to_the_full_citation() -> None:
    found = [(c.text, c.kind, c.value) for c in find_citations(OPINION)]
    assert found == [
        ("512 U.S. 301", CASE, "512 U.S. 301"),
        ("512 U.S., at 309", SHORT, "512 U.S. 301"),
        ("Id. at 310", ID, "512 U.S. 301"),
        ("42 U.S.C. § 1983", STATUTE, "42 U.S.C. § 1983"),
        ("88 F.4th 12", CASE, "88 F.4th 12"),
        ("supra, at 15", SUPRA, "88 F.4th 12"),
    ]


def test_offsets_point_at_the_citation_text() -> None:
    for citation in find_citations(OPINION):
        assert OPINION[citation.start : citation.end] == citation.text


def test_reporter_spelt_without_stops_is_normalised() -> None:
    (citation,) = find_citations("from the court of appeals (04-21-00100-CV, 650 SW3d 77, 1-2-22)")
    assert citation.value == "650 S.W.3d 77"


def test_id_with_nothing_before_it_is_left_out() -> None:
    assert find_citations("She said she had not. Id. The hearing resumed at 3.") == []


def test_text_without_citations_gives_none() -> None:
    assert find_citations("The jury returned after lunch on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Case 1:17-cv-01234-ABC Document 12", "1:17-cv-01234-ABC"),
        ("Case 3:05-CV-0440 was filed", "3:05-cv-0440"),
        ("The petition, No. 14-981, was argued", "14-981"),
        ("appeal (01-18-00277-CR) from Harris County", "01-18-00277-CR"),
        ("In re Oak Farms, Case No. 10-12345 (Bankr.)", "10-12345"),
        ("Nos. 21-1397 and others", "21-1397"),
        ("Application 25A561 to the Justice", "25A561"),
        ("State v. Reyes, No. D-101-CR-2023-00040, in Santa Fe", "D-101-CR-2023-00040"),
        ("Case No. 2022-CV-0413 is set for trial", "2022-CV-0413"),
        ("filed as 2022CV0413 in Eldora County", "2022CV0413"),
        ("Index CV-2022-04131 (Sup. Ct.)", "CV-2022-04131"),
        ("see Ames v. Burke, 22-cv-00413 (D. Colo.)", "22-cv-00413"),
    ],
)
def test_docket_numbers_of_common_formats(text: str, expected: str) -> None:
    assert [d.value for d in find_docket_numbers(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The seasons 2014-15 and 2015-16 were cut short.",
        "It was filed 03-07-24 and heard on 11-22-23.",
        "Call 505-827-6000 or 24-7 support.",
        "Of the 21-1397 figure nothing was said.",
        "From 2019-2022 CV numbers rose; the CVS-2022 report and ACV-2022-1234 code.",
    ],
)
def test_numbers_that_are_not_dockets_are_left_alone(text: str) -> None:
    assert find_docket_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("summary judgment under Fed. R. Civ. P. 56(a) is proper", "Fed. R. Civ. P. 56(a)"),
        ("a motion under Fed. R. Civ. P. 12(b)(6) was filed", "Fed. R. Civ. P. 12(b)(6)"),
        ("Complaints under Fed R Bank P 5009 (docket text)", "Fed. R. Bankr. P. 5009"),
        ("expert testimony (Fed. R. Evid. 702) was excluded", "Fed. R. Evid. 702"),
        ("as Tex. R. App. P. 47.1 requires", "Tex. R. App. P. 47.1"),
    ],
)
def test_a_court_rule_is_a_citation_not_a_place_or_a_person(text: str, value: str) -> None:
    from reader.core.entities import recognition
    from reader.core.mentions import CITATION

    assert [c.value for c in find_citations(text)] == [value]
    mentions = recognition.extract(text)
    assert [m.canonical for m in mentions if m.label == CITATION] == [value]
    assert not [m for m in mentions if m.label in ("PERSON", "ORG", "PLACE")]
