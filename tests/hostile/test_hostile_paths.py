"""Every path a user takes with a hostile file ends within a time limit, as a user accepts.

The paths: import, `legal-reader show`, `entities`, `export`, and opening the article in the
app (tests/hostile/paths.py runs each in its own process). The default run takes the worst
cases on the paths where they are slowest (bench/hostile_paths.py, docs/RELIABILITY.md), to
stay near a minute; `-m slow` runs the whole corpus on every path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import corpus, paths

# Issue 13 asks for 10 s on each path; the tests allow 30 s so that a loaded machine (two
# cores, shared) does not fail them; the bench keeps the 10 s figures honest.
LIMIT = 30.0
_BY_NAME = {case.name: case for case in corpus.files()}
# The worst cases, each on the paths that cost it most (bench/hostile_paths.py).
_QUICK: dict[str, tuple[str, ...]] = {
    "giant_table_3000x10.html": ("import", "export", "open"),
    "ten_thousand_pages.pdf": ("show",),
    "bomb.docx": ("import", "show", "entities", "export"),
    "deep_divs_unclosed.html": ("entities", "open"),
}


def _check(case: corpus.HostileFile, found: dict[str, paths.Outcome]) -> None:
    for name, outcome in found.items():
        assert outcome.ok, f"{case.name} {name}: {outcome.says}"
        assert outcome.seconds < LIMIT, f"{case.name} {name}: {outcome.seconds:.1f} s"
        refused = outcome.says.startswith("refused")
        if name != "open":  # a refusal names the file and ends as a sentence
            assert refused == (case.expect == corpus.REJECTED), f"{case.name} {name}"
        if refused:
            assert case.name in outcome.says, outcome.says
            assert outcome.says.endswith("."), outcome.says
            if case.reason:
                assert case.reason in outcome.says, outcome.says


@pytest.mark.parametrize("name", list(_QUICK), ids=list(_QUICK))
def test_worst_hostile_files_end_in_time_on_their_slowest_paths(tmp_path: Path, name: str) -> None:
    case = _BY_NAME[name]
    found = paths.run_all(case, tmp_path, timeout=LIMIT + 30, names=_QUICK[name])
    assert set(_QUICK[name]) <= set(found)
    _check(case, found)


# Every file, on every path: the 2 MB paragraph too, since render.to_html shows a body too big
# for Markdown as plain paragraphs (it took about a minute before, 2026-12-07).
_ALL = corpus.files()


@pytest.mark.slow
@pytest.mark.parametrize("case", _ALL, ids=[case.name for case in corpus.files()])
def test_every_hostile_file_ends_in_time_on_every_path(
    tmp_path: Path, case: corpus.HostileFile
) -> None:
    found = paths.run_all(case, tmp_path, timeout=LIMIT + 30)
    _check(case, found)
    assert ("open" in found) == (case.expect == corpus.IMPORTED), case.name
