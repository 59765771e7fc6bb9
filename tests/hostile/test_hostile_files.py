"""Every hostile file is imported (searchable, with a sane title) or refused with a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.ingest import reading as ingest
from reader.core.library import Library
from reader.core.library.progress import ADDED, FAILED, Progress
from tests.hostile import corpus

_SMALL = [case for case in corpus.files() if not case.big]
_BIG = [case for case in corpus.files() if case.big]
_INVISIBLE = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _import_one(tmp_path: Path, case: corpus.HostileFile, library: Library) -> Progress:
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    path = folder / case.name
    path.write_bytes(case.make())
    steps = list(library.import_paths([path]))
    assert len(steps) == 1
    return steps[0]


def _check(library: Library, case: corpus.HostileFile, step: Progress) -> None:
    if case.expect == corpus.REJECTED:
        assert step.status == FAILED, f"{case.name} was {step.status}"
        assert step.problem is not None
        assert case.name in step.problem
        assert case.reason in step.problem
        assert "Traceback" not in step.problem
        assert step.problem.endswith(".")
        return
    assert step.status == ADDED, f"{case.name}: {step.problem}"
    hits = library.search(case.find).hits
    assert len(hits) == 1, f"{case.name} is not found by {case.find!r}"
    title = hits[0].title
    assert title.strip()
    assert len(title) <= ingest.MAX_TITLE_CHARS
    assert not _INVISIBLE.search(title), repr(title)


@pytest.mark.parametrize("case", _SMALL, ids=[c.name for c in _SMALL])
def test_hostile_file_is_imported_or_refused_with_a_reason(
    tmp_path: Path, case: corpus.HostileFile
) -> None:
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    _check(library, case, _import_one(tmp_path, case, library))


def test_whole_corpus_imports_together(tmp_path: Path) -> None:
    written = corpus.write_files(tmp_path / "files")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    steps = {step.path.name: step for step in library.import_paths([tmp_path / "files"])}
    assert set(steps) == {case.name for case, _ in written}
    for case, _ in written:
        assert (steps[case.name].status == FAILED) == (case.expect == corpus.REJECTED), case.name


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:  # sparse: 50 MB on paper, nothing on disk
        file.truncate(50 * 1024 * 1024)
    with pytest.raises(ingest.ArticleFormatError, match="larger than 5 MB"):
        ingest.read_bytes(path)


@pytest.mark.slow
@pytest.mark.parametrize("case", _SMALL + _BIG, ids=[c.name for c in _SMALL + _BIG])
def test_hostile_file_with_the_entity_model(tmp_path: Path, case: corpus.HostileFile) -> None:
    library = Library.open(tmp_path / "lib", samples=False)
    _check(library, case, _import_one(tmp_path, case, library))
