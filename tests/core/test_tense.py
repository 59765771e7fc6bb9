"""tense.governing: the tense of the verb that governs a date, with the real tagger."""

from __future__ import annotations

import pytest

from reader.core.dates import tense


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("In July, a reporter wrote that the judge dismissed the case.", "July", tense.PAST),
        ("The defense will appeal in July.", "July", tense.FUTURE),
        ("Prosecutors may refile the charges in March.", "March", tense.FUTURE),
        ("The statement released on Christmas Eve was short.", "Christmas Eve", tense.PAST),
        ("The firm has paid the fine on Monday.", "Monday", tense.PAST),
        ("The panel plans to rule on Friday.", "Friday", tense.FUTURE),
        # after a past plan the ruling can fall either side of today: no tense to go by
        ("The panel planned to rule on Friday.", "Friday", None),
        ("The dividend is payable Jan. 2 to holders.", "Jan. 2", tense.PRESENT),
        ("Saturday.", "Saturday", None),
    ],
)
def test_governing_finds_the_tense_of_the_nearest_verb_group(
    text: str, phrase: str, expected: str | None
) -> None:
    start = text.index(phrase)
    assert tense.governing(text, start, start + len(phrase)) == expected
