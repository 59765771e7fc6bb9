"""Snippets find exactly the words the analyser finds, without the index's help."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.index import analysis, snippet

# Letters that fold in every way the analyser folds: case, accents, a typographic
# apostrophe, hidden characters inside words, "İ" (two letters in lower case), dots.
_ALPHABET = (
    "abAB rRsS éÉeE ü ß ẞ K İ i ' \u2019 . : … - \u200b \u00ad \n\t 1 \u00a0 \u2028 æ \u0301 ΣΝΟ"
)


def _by_analyser(
    text: str, words: set[str], limit: int = snippet.CHAR_LIMIT
) -> list[tuple[str, int, int]]:
    tokens = analysis.analyzer()(text, chars=True, mode="index")
    return [
        (t.text, t.startchar, t.endchar) for t in tokens if t.text in words and t.endchar <= limit
    ]


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
    limit = data.draw(st.integers(0, len(text)))
    assert _found(text, words, limit) == _by_analyser(text, words, limit)


def test_greek_words_are_found_whatever_sigma_the_text_lower_cases_to():
    # lower() of a whole text picks final or medial sigma from the letters around a word.
    assert _found(
        "\u039d\u039f\u039c\u039f\u03a3:\u0391\u0398", {"\u03bd\u03bf\u03bc\u03bf\u03c2"}
    ) == [("\u03bd\u03bf\u03bc\u03bf\u03c2", 0, 5)]


def test_accents_case_possessives_and_hidden_characters_are_found():
    text = "RAÚL Torrez said Raul's office and ra\u200bul\u2019s staff; not raulson."
    assert [t.text for t in snippet.find(text, {"raul"})] == ["raul", "raul", "raul"]


def test_words_up_to_the_limit_are_found_whatever_white_space_separates_them():
    text = "Baldwin\u00a0said\u00a0" * 3000
    found = snippet.find(text, {"baldwin"})
    assert len(found) == len([t for t in found if t.endchar <= snippet.CHAR_LIMIT]) > 2500
    assert found[-1].endchar <= snippet.CHAR_LIMIT


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
