"""Hostile queries are answered, never raised, and every change to them is explained."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.index import SearchResult, query_repair
from reader.core.library import Library
from tests.hostile import corpus

_SYLLABLES = ("ab", "ac", "ad", "al", "an", "ar", "ba", "be", "bo", "ca", "ce", "co", "da")
_SPECIAL = '()"*?~^:[]{}<>+-/\\ \u201c\u201d\u202e\u200b\x00'


def _words(rng: random.Random, count: int) -> list[str]:
    return sorted(
        {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)}
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library of 300 generated articles whose words share many prefixes."""
    root = tmp_path_factory.mktemp("hostile_queries")
    folder = root / "articles"
    folder.mkdir()
    rng = random.Random(7)
    words = _words(rng, 3000)
    for i in range(300):
        body = " ".join(rng.choice(words) for _ in range(150))
        (folder / f"a{i:03}.md").write_text(f"# Verdict {i} {rng.choice(words)}\n\n{body}.\n")
    lib = Library.open(root / "lib", samples=False, extractor=lambda article: [])
    for _ in lib.import_paths([folder]):
        pass
    return lib


def _normal(text: str) -> str:
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').split())


@pytest.mark.parametrize(("case", "text"), corpus.QUERIES, ids=[c for c, _ in corpus.QUERIES])
def test_hostile_query_is_answered_and_changes_are_explained(
    library: Library, case: str, text: str
) -> None:
    result = library.search(text)
    assert isinstance(result, SearchResult)
    if _normal(text) != result.searched:
        assert result.notes, f"{case}: searched {result.searched!r} without saying why"
    for note in result.notes:
        assert len(note.split()) >= 4, note
        assert note.endswith("."), note


def test_a_plain_query_still_finds_articles(library: Library) -> None:
    result = library.search("verdict")
    assert result.total == 300
    assert result.notes == []


def test_the_first_expanding_words_keep_their_wildcards(library: Library) -> None:
    result = library.search("ab* ba* ca* da* fa*")
    assert result.searched == "ab* ba* ca* da* fa"
    assert any("first 4 words" in note for note in result.notes)


@pytest.mark.parametrize(
    ("text", "note"),
    [("ab~1/5", "3 to 40 letters"), ("abcdefghijkl~7/1", "at most 2 differences")],
)
def test_fuzzy_with_a_prefix_length_is_bounded_like_any_fuzzy_word(
    library: Library, text: str, note: str
) -> None:
    result = library.search(text)
    assert any(note in n for n in result.notes), result.notes


def test_deep_brackets_are_flattened_with_a_note() -> None:
    repaired = query_repair.repair("(" * 400 + "verdict" + ")" * 400)
    assert repaired.text.count("(") == query_repair.MAX_DEPTH
    assert any("nested deeper" in note for note in repaired.notes)


def _balanced(text: str) -> bool:
    depth = 0
    for token in query_repair._TOKEN.findall(text):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            return False
    return depth == 0


_QUERY_TEXT = st.text(alphabet=st.characters() | st.sampled_from(_SPECIAL), max_size=300) | (
    st.lists(
        st.sampled_from(["(", ")", '"', "AND", "OR", "NOT", "ab*", "x~", "title:", "a^9", "ba"]),
        max_size=40,
    ).map(" ".join)
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=_QUERY_TEXT)
def test_repair_never_raises_and_is_stable(text: str) -> None:
    once = query_repair.repair(text)
    assert query_repair.repair(once.text).text == once.text
    assert once.text.count('"') % 2 == 0
    assert _balanced(once.text)
    assert len(once.text) <= query_repair.MAX_QUERY_CHARS + 1


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=_QUERY_TEXT)
def test_search_never_raises(library: Library, text: str) -> None:
    assert isinstance(library.search(text), SearchResult)
