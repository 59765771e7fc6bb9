"""Issue 13's first Must-show on the real court documents of ../shared/legal-docs-dev:
at least 95 % imported, and the right title and date for at least 85 % of them, as a user
finds them in the library after importing the folder (bench/quality_legal_facts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import quality_legal_facts

FILES = quality_legal_facts.DEFAULT_FILES


@pytest.mark.slow
@pytest.mark.skipif(not FILES.is_dir(), reason="the real court documents are not here")
def test_real_court_documents_are_imported_with_their_title_and_date(tmp_path: Path) -> None:
    counts, wrong = quality_legal_facts.score(FILES.resolve(), tmp_path / "library")
    every = counts["all"]
    assert every["imported"] >= 0.95 * every["docs"]
    assert every["both"] >= 0.85 * every["docs"], "\n".join(wrong)
    # The scans are among them, and they are imported too.
    assert counts["pdf-scan"]["imported"] == counts["pdf-scan"]["docs"]


def test_the_title_rule_folds_case_spaces_and_punctuation_and_nothing_more() -> None:
    row: dict[str, object] = {"title": "Mimi's Cafe, LLC v. Pan Fried Omaha, LLC", "title_ok": []}
    assert quality_legal_facts.title_right("MIMI\u2019S CAFE LLC v.  Pan Fried Omaha, LLC", row, [])
    assert not quality_legal_facts.title_right("Mimi's Cafe, LLC v. Pan Fried Omaha", row, [])
    assert not quality_legal_facts.title_right(
        "Docket: Mimi's Cafe, LLC v. Pan Fried Omaha, LLC", row, []
    )
    untitled: dict[str, object] = {"title": None}
    assert quality_legal_facts.title_right("fee-objection-p8", untitled, ["fee-objection-p8"])
    assert not quality_legal_facts.title_right("UNITED", untitled, ["fee-objection-p8"])
