"""Snippets find exactly the words the analyser finds, without the index's help."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import analysis, snippet

# Letters that fold in every way the analyser folds: case, accents, a typographic
# apostrophe, hidden characters inside words, "İ" (two letters in lower case), dots.
_ALPHABET = "abAB rRsS éÉeE ü ß ẞ K İ i ' \u2019 . - \u200b \u00ad \n\t 1 \u00a0 æ \u0301 Σσς"


def _by_analyser(text: str, words: set[str]) -> list[tuple[str, int, int]]:
    tokens = analysis.analyzer()(text, chars=True, mode="index")
    return [(t.text, t.startchar, t.endchar) for t in tokens if t.text in words]


def _found(text: str, words: set[str], limit: int = snippet.CHAR_LIMIT) -> list:
    return [(t.text, t.startchar, t.endchar) for t in snippet.find(text, words, limit)]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_ALPHABET.replace(" ", "") + " ", max_size=80),
    st.sets(st.text(alphabet="abreisu'.ß\u0301\u03c3\u03c2", min_size=1, max_size=4), max_size=3),
    st.data(),
)
def test_the_same_words_in_the_same_places_as_the_analyser(text, other_words, data):
    present = sorted({t.text for t in analysis.analyzer()(text, mode="index")})
    chosen = data.draw(st.sets(st.sampled_from(present), max_size=3)) if present else set()
    words = chosen | other_words
    assert _found(text, words) == _by_analyser(text, words)


def test_accents_case_possessives_and_hidden_characters_are_found():
    text = "RAÚL Torrez said Raul's office and ra\u200bul\u2019s staff; not raulson."
    assert [t.text for t in snippet.find(text, {"raul"})] == ["raul", "raul", "raul"]


def test_a_word_cut_by_the_limit_is_not_taken_for_a_shorter_one():
    text = "Baldwin spoke. " + "x " * 20 + "Baldwinson"
    limit = len(text) - 3  # cuts "Baldwinson" to "Baldwin"
    assert [t.startchar for t in snippet.find(text, {"baldwin"}, limit)] == [0]


def test_snippet_marks_the_words_and_escapes_the_rest():
    text = "The <court> heard Baldwin's motion. " * 3
    shown = snippet.snippet(text, {"baldwin"}, top=1)
    assert "<b>Baldwin's</b>" in shown
    assert "&lt;court&gt;" in shown
    assert "<court>" not in shown


def test_words_after_a_letter_that_lower_cases_to_two_are_found():
    # Each "İ" would shift every place after it by one if the text were searched as folded.
    text = "İ" * 20 + " court; Baldwin's appeal, and Baldwin again."
    assert [t.startchar for t in snippet.find(text, {"baldwin"})] == [28, 50]


def test_a_searched_name_is_one_mark():
    shown = snippet.snippet("The actor Alec Baldwin spoke.", {"alec", "baldwin"})
    assert "<b>Alec Baldwin</b>" in shown
