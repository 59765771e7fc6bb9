"""holidays.day_of: fixed, weekday-counted and Easter-based holidays."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.dates import holidays


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Christmas Eve", 2024, date(2024, 12, 24)),
        ("Christmas Day", 2024, date(2024, 12, 25)),
        ("Boxing Day", 2024, date(2024, 12, 26)),
        ("New Year\u2019s Day", 2025, date(2025, 1, 1)),
        ("Independence Day", 2024, date(2024, 7, 4)),
        ("Thanksgiving", 2024, date(2024, 11, 28)),
        ("Thanksgiving", 2025, date(2025, 11, 27)),
        ("Memorial Day", 2024, date(2024, 5, 27)),
        ("Labor Day", 2024, date(2024, 9, 2)),
        ("Easter", 2024, date(2024, 3, 31)),
        ("Easter Sunday", 2025, date(2025, 4, 20)),
        ("Good Friday", 2025, date(2025, 4, 18)),
        ("Black Friday", 2024, date(2024, 11, 29)),
        ("Bastille Day", 2024, None),
    ],
)
def test_day_of_gives_the_holiday_in_that_year(name: str, year: int, expected: date) -> None:
    assert holidays.day_of(name, year) == expected
