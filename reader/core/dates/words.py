"""Word tables shared by the temporal patterns: months, weekdays, numbers, units, seasons."""

from __future__ import annotations

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?!\w)"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)(?!\w)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)"
# A colon after the day ends a heading ("Saturday, April 25:"); before a digit it makes a clock.
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a couple of": 2, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:a\s+couple\s+of|half\s+a|"
    + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + r")(?:[\s-](?:and\s+a\s+half|one|two|three|four|five|six|seven|eight|nine))?)"
)
VAGUE = r"(?:several|a\s+few|few|some|many|a\s+number\s+of)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}  # fmt: skip
# ISO 8601 duration designators per unit: (multiplier, letter, is a time unit).
UNIT_CODES = {
    "second": (1, "S", True), "minute": (1, "M", True), "hour": (1, "H", True),
    "day": (1, "D", False), "week": (1, "W", False), "fortnight": (2, "W", False),
    "month": (1, "M", False), "quarter": (3, "M", False), "year": (1, "Y", False),
    "decade": (10, "Y", False), "century": (100, "Y", False),
}  # fmt: skip
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_number(word: str) -> int:
    """Return 1-12 for a month name or abbreviation."""
    return MONTH_NAMES.index(word.lower()[:3]) + 1


def weekday_number(word: str) -> int:
    """Return 0-6 (Monday = 0) for a weekday name or abbreviation."""
    return WEEKDAY_NAMES.index(word.lower()[:3])


def number(word: str) -> float | None:
    """Return the value of a number written in digits or words; None for vague amounts."""
    clean = " ".join(word.lower().replace("-", " ").split())
    try:
        return float(clean)
    except ValueError:
        pass
    if clean in NUMBER_WORDS:
        return float(NUMBER_WORDS[clean])
    head, _, tail = clean.partition(" ")
    if clean.endswith("and a half") and number(clean[: -len(" and a half")]) is not None:
        return float(number(clean[: -len(" and a half")]) or 0) + 0.5
    if head in NUMBER_WORDS and tail in NUMBER_WORDS and NUMBER_WORDS[head] >= 20:
        return float(NUMBER_WORDS[head] + NUMBER_WORDS[tail])
    return None


def duration(amount: float | None, unit: str) -> str:
    """Return the ISO 8601 duration for `amount` units ("X" when the amount is vague)."""
    multiplier, letter, is_time = UNIT_CODES[
        unit.lower().rstrip("s").replace("centurie", "century")
    ]
    if amount is None:
        text = "X"
    else:
        total = amount * multiplier
        text = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{text}{letter}" if is_time else f"P{text}{letter}"
