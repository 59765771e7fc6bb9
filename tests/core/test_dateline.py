import pytest

from reader.core.ingest import dateline


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
