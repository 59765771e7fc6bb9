"""timex: the day interval a TimeML value covers, and its readable form."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.dates import timex


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-21", (date(2021, 10, 21), date(2021, 10, 21))),
        ("2024-12-24T15:00", (date(2024, 12, 24), date(2024, 12, 24))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-W52", (date(2024, 12, 23), date(2024, 12, 29))),
        ("2024-W52-WE", (date(2024, 12, 28), date(2024, 12, 29))),
        ("2024-Q3", (date(2024, 7, 1), date(2024, 9, 30))),
        ("2024-H1", (date(2024, 1, 1), date(2024, 6, 30))),
        ("2024-SU", (date(2024, 6, 1), date(2024, 8, 31))),
        ("2024-WI", (date(2024, 12, 1), date(2025, 2, 28))),
        ("199X", (date(1990, 1, 1), date(1999, 12, 31))),
        ("19", (date(1900, 1, 1), date(1999, 12, 31))),
        ("PRESENT_REF", None),
        ("P1.5Y", None),
        ("2021-13-01", None),
        (None, None),
    ],
)
def test_interval_covers_the_days_of_the_value(
    value: str | None, expected: tuple[date, date] | None
) -> None:
    assert timex.interval(value) == expected


@pytest.mark.parametrize(
    ("anchor", "amount", "unit", "expected"),
    [
        (date(2024, 12, 26), -1, "month", "2024-11"),
        (date(2024, 1, 15), -1, "month", "2023-12"),
        (date(2024, 12, 26), 0, "week", "2024-W52"),
        (date(2024, 12, 30), 0, "week", "2025-W01"),
        (date(2024, 12, 26), -2, "year", "2022"),
        (date(2024, 2, 10), -1, "quarter", "2023-Q4"),
        (date(2024, 12, 26), -1, "day", "2024-12-25"),
    ],
)
def test_shift_moves_by_calendar_units(anchor: date, amount: int, unit: str, expected: str) -> None:
    assert timex.shift(anchor, amount, unit) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [("2024-07", "July 2024"), ("2021-10-21", "October 21, 2021"), ("2024", "2024"),
     ("2024-Q3", "third quarter of 2024"), ("199X", "the 1990s"), ("PAST_REF", "the past"),
     ("PRESENT_REF", "the present"), ("P1.5Y", "1.5 years"), ("PT1H", "1 hour"),
     ("PXY", "some years"), ("P2CE", "2 centuries"), ("XXXX-WXX-1", "XXXX-WXX-1")],
)  # fmt: skip
def test_describe_writes_values_as_people_do(value: str, text: str) -> None:
    assert timex.describe(value) == text
