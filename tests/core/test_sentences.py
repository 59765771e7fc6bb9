"""sentences.sentence_span: a rule-based splitter that knows common abbreviations."""

from __future__ import annotations

import pytest

from reader.core.text import sentences

TEXT = (
    'Mr. Ortiz filed on Oct. 3, 2022. The U.S. Attorney declined. "We disagree." '
    "Judge A. B. Lee ruled.\n\nA new paragraph starts here"
)


@pytest.mark.parametrize(
    ("phrase", "sentence"),
    [
        ("Ortiz", "Mr. Ortiz filed on Oct. 3, 2022."),
        ("Attorney", "The U.S. Attorney declined."),
        ("disagree", '"We disagree."'),
        ("Lee", "Judge A. B. Lee ruled."),
        ("paragraph", "A new paragraph starts here"),
    ],
)
def test_sentence_span_keeps_abbreviations_inside_the_sentence(phrase: str, sentence: str) -> None:
    start, end = sentences.sentence_span(TEXT, TEXT.index(phrase))
    assert TEXT[start:end] == sentence


def test_sentence_span_of_text_without_a_stop_is_the_whole_text() -> None:
    assert sentences.sentence_span("  no stop here ", 5) == (2, 14)
