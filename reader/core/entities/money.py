"""Sums of money and their values: "$1.2 million" → "1200000 USD".

A regular expression and not the model: spaCy's MONEY spans carry words such as "more than",
split "£3m" inconsistently and have no value, while written sums follow a few fixed shapes.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal, InvalidOperation

from reader.core.mentions import MONEY, Mention

log = logging.getLogger(__name__)

_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
}
_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlr": "USD",
    "dlrs": "USD",
    "usd": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "stg": "GBP",
    "gbp": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yen": "JPY",
}
_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# One-letter scales only straight after the number ("£3m"), never "5 m".
_SCALE = r"\s?(?:thousand|million|billion|trillion|mln|bln|mn|bn|tn)|[kmb]"
_SYMBOL = r"(?:US|U\.S\.|AU?|CA?|NZ|HK)?\$|£|€|¥"
_CODE = r"USD|GBP|EUR"
_WORD = r"(?:US\s)?dollars?|dlrs?|pounds?(?:\ssterling)?|sterling|stg|euros?|yen|USD|GBP|EUR"

_MONEY = re.compile(
    rf"(?<![\w$£€¥])(?:(?P<sym>{_SYMBOL})\s?|(?P<code>{_CODE})\s)"
    rf"(?P<num>{_NUMBER})(?:(?P<scale>{_SCALE})\b)?"
    rf"|(?<![\w.,])(?P<num2>{_NUMBER})(?P<scale2>{_SCALE})?\s(?P<word>{_WORD})\b",
    re.IGNORECASE,
)


def value(number: str, scale: str | None, currency: str) -> str | None:
    """Return the TimeML-style value "<amount> <ISO 4217 code>", or None for a bad number."""
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    amount *= _SCALES.get((scale or "").strip().lower(), 1)
    text = format(amount.normalize(), "f") if amount != amount.to_integral() else str(int(amount))
    return f"{text} {currency}"


def _currency(match: re.Match[str]) -> str:
    if match["sym"]:
        return _SYMBOLS.get(match["sym"].lower(), "USD")
    if match["code"]:
        return match["code"].upper()
    word = re.sub(r"^us\s", "", match["word"].lower())
    return _WORDS.get(" ".join(word.split()), "USD")


def find(text: str) -> list[Mention]:
    """Return the sums of money written in `text`, each with its value."""
    found = []
    for match in _MONEY.finditer(text):
        number = match["num"] or match["num2"]
        scale = match["scale"] or match["scale2"]
        amount = value(number, scale, _currency(match))
        start, end = match.span()
        found.append(Mention(start, end, text[start:end], MONEY, value=amount))
    return found
