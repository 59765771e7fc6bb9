"""Phase 1's fast path indexes exactly the words and positions the analyser gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.formats import Positions

from reader.core.index.analysis import (
    FoldedPositions,
    analyzer,
    word_positions,
)
from reader.core.library import Library
from tests.conftest import SEED_000

TEXTS = [
    "The jury found for Ms. O'Brien\u2019s client on Oct. 21, 2021.",
    "Raúl's lawyer cited U.S. v. Müller; the STRASSE case; ﬁled pro se.",
    "ju\u200bry \u200b said\u00ad so; ΟΔΟΣ ΣΟΦΟΣ; İstanbul\u2019s court",
    "",
    "   \n\n  ",
    "x's's and 'quoted' words, e-mail and co-counsel",
]


def _slow(text: str) -> dict[str, list[int]]:
    held: dict[str, list[int]] = {}
    for token in analyzer()(text, positions=True):
        held.setdefault(token.text, []).append(token.pos)
    return held


def _texts() -> list[str]:
    rng = random.Random(7)
    alphabet = "aAzZ éÉßİıΣσς'\u2019.\u200b\u00ad\ufeff-_0123 \n"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(500)]
    return [*TEXTS, SEED_000.read_text(encoding="utf-8"), *noise]


@pytest.mark.parametrize("text", _texts())
def test_the_fast_path_gives_the_analysers_words_and_positions(text: str) -> None:
    assert word_positions(text) == _slow(text)
    analysed = list(Positions(field_boost=2.5).word_values(text, analyzer(), mode="index"))
    fast = list(FoldedPositions(field_boost=2.5).word_values(text, analyzer(), mode="index"))
    assert sorted(fast) == sorted(analysed)


def test_a_phrase_and_a_possessive_are_found_after_a_text_phase_import(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Hearing on the motion\n\n"
        "The clerk\u2019s notice said the hearing moves to Río Grande.\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder], entities=False))
    assert library.search('"hearing moves to rio grande"').total == 1
    assert library.search("clerk").total == 1
    assert library.search("title:motion").total == 1
    hit = library.search("clerk").hits[0]
    assert hit.title == "Hearing on the motion"  # the stored text, not the folded words
    assert "clerk\u2019s notice" in library.article(hit.article_id).body
