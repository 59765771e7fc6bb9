"""dates.find: spans and TimeML values, on our own sentences, with the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.dates import finding as dates
from reader.core.dates import timex
from reader.core.mentions import DATE, DURATION, SET, TIME, Mention

PUBLISHED = date(2024, 12, 26)  # a Thursday


def _one(text: str, phrase: str, anchor: date | None = PUBLISHED, **kw: bool) -> Mention:
    found = [m for m in dates.find(text, anchor, **kw) if phrase in m.text or m.text in phrase]
    assert found, f"{phrase!r} not found in {dates.find(text, anchor, **kw)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "phrase", "label", "value"),
    [
        ("In July, a county judge threw out the case.", "July", DATE, "2024-07"),
        ("The family spoke out on Christmas Eve about the ruling.", "Christmas Eve", DATE,
         "2024-12-24"),
        ("Officials said this week that no appeal would follow.", "this week", DATE, "2024-W52"),
        ("Posted December 26, 2024 by the desk.", "December 26, 2024", DATE, "2024-12-26"),
        ("The court will hear the motion in July.", "July", DATE, "2025-07"),
        ("The jury met on Friday to deliberate.", "Friday", DATE, "2024-12-20"),
        ("The jury will meet on Friday to deliberate.", "Friday", DATE, "2024-12-27"),
        ("The company settled last month.", "last month", DATE, "2024-11"),
        ("The suit was filed two years ago.", "two years ago", DATE, "2022"),
        ("He was arrested yesterday.", "yesterday", DATE, "2024-12-25"),
        ("The firm grew fast in the 1990s.", "1990s", DATE, "199X"),
        ("A rule of the 20th century still binds.", "20th century", DATE, "19"),
        ("The church dates from the 11th century.", "11th century", DATE, "10"),
        ("It is a 19th-century statute.", "19th-century", DATE, "18"),
        ("Courts of the twenty-first century differ.", "twenty-first century", DATE, "20"),
        ("The trial starts this summer.", "this summer", DATE, "2024-SU"),
        ("Profits fell in the third quarter of 2023.", "third quarter", DATE, "2023-Q3"),
        ("The party was on New Year's Eve 2019.", "New Year's Eve 2019", DATE, "2019-12-31"),
        ("Stores open on Thanksgiving next year.", "Thanksgiving", DATE, "2025-11-27"),
        ("Nothing has changed for now.", "now", DATE, "PRESENT_REF"),
        ("The hearing was held Friday at 3 p.m. downtown.", "Friday at 3 p.m.", TIME,
         "2024-12-20T15:00"),
        ("She is serving a 1.5-year prison sentence.", "1.5-year", DURATION, "P1.5Y"),
        ("He spent three months in jail.", "three months", DURATION, "P3M"),
        ("The board meets every Monday.", "every Monday", SET, "XXXX-WXX-1"),
    ],
)  # fmt: skip
def test_find_normalises_against_the_publication_date(
    text: str, phrase: str, label: str, value: str
) -> None:
    mention = _one(text, phrase)
    assert (mention.label, mention.value) == (label, value)
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The shooting happened on October 21, 2021, on a film set.", "October 21, 2021",
         "2021-10-21"),
        ("Filed 10/21/2021 in state court.", "10/21/2021", "2021-10-21"),
        ("It closed in March 2020.", "March 2020", "2020-03"),
        ("The case was dismissed in July.", "July", None),
        ("The ruling came last month.", "last month", None),
    ],
)  # fmt: skip
def test_find_without_anchor_keeps_only_what_the_text_fixes(
    text: str, phrase: str, value: str | None
) -> None:
    assert _one(text, phrase, anchor=None).value == value


def test_numeric_dates_are_month_first_unless_day_first() -> None:
    text = "Signed on 03/04/2021 by both parties."
    assert _one(text, "03/04/2021").value == "2021-03-04"
    assert _one(text, "03/04/2021", day_first=True).value == "2021-04-03"


@pytest.mark.parametrize(
    "text",
    [
        "The lawyer called the attorney general the Grinch who stole Christmas.",
        "A 62-year-old witness testified.",
        "The court will weigh future appeals with care.",  # an adjective, not the future
    ],
)
def test_find_ignores_non_temporal_uses(text: str) -> None:
    assert dates.find(text, PUBLISHED) == []


def test_a_sentence_counted_from_an_event_has_no_value() -> None:
    mention = _one("Two years after the shooting, the suit went on.", "Two years after")
    assert (mention.label, mention.value) == (DATE, None)


def test_the_year_counted_from_an_event_is_not_the_anchors() -> None:
    assert _one("Rain fell for the year before the flood.", "the year").value is None


def test_find_uses_given_ner_spans_instead_of_running_the_model() -> None:
    text = "The verdict came in the spring of 2023."
    start = text.index("the spring")
    found = dates.find(text, PUBLISHED, [(start, start + len("the spring of 2023"))])
    assert [m.value for m in found] == ["2023-SP"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("20", "the 21st century"), ("10", "the 11th century"), ("01", "the 2nd century")],
)
def test_a_century_is_described_with_its_ordinal(value: str, shown: str) -> None:
    assert timex.describe(value) == shown


@pytest.mark.parametrize(
    ("text", "phrase", "label", "value"),
    [
        # a colon after the day ends a heading; it makes a clock only before digits
        ("The paper wrote in its column on Saturday, December 21: the judge erred.",
         "Saturday, December 21", DATE, "2024-12-21"),
        # a weekday's event ("Monday's price") has happened, whatever the tense around it
        ("The offer is 20% above Monday's closing price.", "Monday", DATE, "2024-12-23"),
        # "recent weeks" is a stretch of some weeks up to now
        ("Filings have slowed in recent weeks.", "recent weeks", DURATION, "PXW"),
        # a year and a quarter after it are one date
        ("The merger may close in next year's second quarter.", "next year's second quarter",
         DATE, "2025-Q2"),
        ("A charge hit the 2023 third quarter.", "the 2023 third quarter", DATE, "2023-Q3"),
        # "the latest quarter" is the last one ended; "the latest period" is the one discussed
        ("The fund lost money in the latest quarter.", "the latest quarter", DATE, "2024-Q3"),
        ("Sales fell in the second quarter, and margins in the latest period were thin.",
         "the latest period", DATE, "2024-Q2"),
        ("Sales rose in the third quarter from $5 million in the 2023 quarter.",
         "the 2023 quarter", DATE, "2023-Q3"),
        ("The insurer expects a loss for the full year.", "the full year", DATE, "2024"),
        # "that year", "the following day": counted from the last date named, not the anchor
        ("The firm opened in 2019. Later that year it merged.", "Later that year", DATE, "2019"),
        ("The plant shut on March 3, 2020, and reopened the following day.",
         "the following day", DATE, "2020-03-04"),
        ("The stock set a high for the year, then fell.", "the year", DATE, "2024"),
        ("Net income rose in the fiscal year ended June 30.", "the fiscal year", DURATION, "P1Y"),
    ],
)  # fmt: skip
def test_the_words_around_a_date_decide_its_reading(
    text: str, phrase: str, label: str, value: str | None
) -> None:
    mention = _one(text, phrase)
    assert (mention.text, mention.label, mention.value) == (phrase, label, value)
