import pytest

from reader.core.entities import money


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("paid more than $750,000 already", "$750,000", "750000 USD"),
        ("a $1.2 million award", "$1.2 million", "1200000 USD"),
        ("some 5 million dollars in fees", "5 million dollars", "5000000 USD"),
        ("a £3m settlement", "£3m", "3000000 GBP"),
        ("fined €10bn by the commission", "€10bn", "10000000000 EUR"),
        ("costs of £12,500 were awarded", "£12,500", "12500 GBP"),
        ("a fee of $1.25 each", "$1.25", "1.25 USD"),
        ("bail of US$40,000", "US$40,000", "40000 USD"),
        ("a claim for 2.5 mln dlrs", "2.5 mln dlrs", "2500000 USD"),
        ("worth 300,000 pounds", "300,000 pounds", "300000 GBP"),
    ],
)
def test_money_finds_sum_and_value(text: str, span: str, value: str) -> None:
    (found,) = money.find(text)
    assert (text[found.start : found.end], found.text, found.value) == (span, span, value)


@pytest.mark.parametrize("text", ["he served 10 years", "room 5 m wide", "Section 12 of the Act"])
def test_money_ignores_numbers_without_currency(text: str) -> None:
    assert money.find(text) == []
