"""Phase 1 searches only the text near a date word: it must find what searching it all finds."""

from __future__ import annotations

import random
from datetime import date

import pytest

from reader.core.dates import finding

# One sentence per kind of date our patterns read, in our own words.
DATED = [
    "The hearing was set for Monday, March 4, 2024, in the annex.",
    "Filed 2023-11-02T09:30 by the clerk.",
    "The budget covers 2019-07 only.",
    "A notice dated 10.11.1999 was attached, and another on 7/4/21.",
    "Counsel met on June 3 to discuss it.",
    "The lease ran from August 2012 to the spring of 2015.",
    "Last May the office moved to the old courthouse.",
    "In fiscal 2021 the firm grew; in the late 1990s it had not.",
    "The twentieth century saw the first such suit.",
    "Sales fell in the third quarter and again in Q4.",
    "The office closes on Christmas Eve and on Labor Day.",
    "Yesterday morning the jury asked a question; tomorrow it may rule.",
    "Last week the parties filed, and next month they argue.",
    "Earlier this year the court stayed the case.",
    "Two days ago the motion was denied; three weeks later it was renewed.",
    "On Friday at 3 P.M. the judge spoke, and at 9:30 a.m. again.",
    "The trial lasted six weeks and a half.",
    "The notice gave the fifteen daYs the rules allow.",
    "He reported twice a year, and the board met monthly.",
    "For the time being, and at present, nothing changes; in the future it might.",
    "The first half was slow.",
    "The judgment of 12th June 2001 stands; see the '90s cases.",
]
# Date-free filler, with numbers that are not dates: citations, sections, sums, pages.
FILLER = [
    "The appellant argued that the contract was void for want of consideration.",
    "See 512 U.S. 218, 221 (the Court's reasoning), and section 2017(b) of the code.",
    "The sum of $2,017 was paid into the registry under Rule 67.",
    "Id. at 2017. The respondent did not answer the second ground of appeal.",
    "Counsel for the respondent relied on paragraphs 14 to 19 of the affidavit.",
    "The trial court held that the evidence was admissible and the objection failed.",
]


def _document(rng: random.Random, dated: int) -> str:
    paragraphs = []
    for _ in range(dated):
        filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(0, 12)))
        sentence = rng.choice(DATED)
        paragraphs.append(f"{filler} {sentence}" if rng.random() < 0.5 else f"{sentence} {filler}")
    joiner = rng.choice(["\n\n", "\n", " "])
    return joiner.join(paragraphs)


def _everywhere(text: str) -> list[tuple[int, int, str, str | None]]:
    mentions, _ = finding.match(
        text, date(2024, 3, 1), (), False, tense_of=lambda s, e: None, regions=[(0, len(text))]
    )
    return sorted((m.start, m.end, m.label, m.value) for m in mentions)


def _near_anchors(text: str) -> list[tuple[int, int, str, str | None]]:
    mentions, _ = finding.match(
        text, date(2024, 3, 1), (), False, tense_of=lambda s, e: None, all_blocks=False
    )
    return sorted((m.start, m.end, m.label, m.value) for m in mentions)


@pytest.mark.parametrize("seed", range(40))
def test_searching_near_date_words_finds_what_searching_everything_finds(seed: int) -> None:
    text = _document(random.Random(seed), dated=random.Random(seed).randint(1, 30))
    found = _near_anchors(text)
    assert found == _everywhere(text)
    assert found, "each document holds dates"


def test_every_kind_of_date_is_found_far_from_any_other() -> None:
    filler = " ".join(FILLER * 8)
    for sentence in DATED:
        text = f"{filler}\n{sentence}\n{filler}"
        assert _near_anchors(text) == _everywhere(text), sentence
        assert _near_anchors(text), sentence


def test_a_long_text_without_dates_is_not_searched() -> None:
    plain = [FILLER[0], FILLER[4], FILLER[5]]  # no date word, no number shaped like a date
    text = "\n\n".join(plain * 50)
    assert finding.temporal_regions(text) == []
    assert finding.find_without_model(text, None) == []


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def test_the_taken_spans_answer_as_a_scan_of_them_all_would() -> None:
    rng = random.Random(7)
    for _ in range(200):
        held: list[tuple[int, int]] = []
        spans = finding._Spans()
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 300)
            end = start + rng.randint(1, 20)
            if not any(s < end and start < e for s, e in held):
                held.append((start, end))
                spans.add(start, end)
        merged = finding._Spans([*held, (5, 50), (40, 60)])  # overlapping ones are merged
        for _ in range(50):
            start = rng.randint(0, 330)
            end = start + rng.randint(0, 25)
            assert spans.overlaps(start, end) == _overlaps(start, end, held)
            expected = _overlaps(start, end, [*held, (5, 50), (40, 60)])
            assert merged.overlaps(start, end) == expected
