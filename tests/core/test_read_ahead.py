"""The import reads files ahead of the one it writes: every file still counts, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.library.progress import ADDED, DUPLICATE, FAILED


@pytest.mark.parametrize("entities", [False, True])
def test_a_new_file_before_many_copies_is_imported(tmp_path: Path, entities: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-new.md").write_text("# Ruling\n\nThe motion to dismiss is denied.\n")
    for n in range(40):  # more than the files prepared ahead, all the same bytes
        (folder / f"b-copy-{n:02}.md").write_text("# Notice\n\nThe hearing is moved.\n")
    held = tmp_path / "held"
    held.mkdir()
    (held / "notice.md").write_text("# Notice\n\nThe hearing is moved.\n")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([held], entities=entities))
    steps = list(library.import_paths([folder], entities=entities))
    statuses = {step.path.name: step.status for step in steps}
    assert len(steps) == 41
    assert statuses["a-new.md"] == ADDED
    assert sorted(statuses.values()).count(DUPLICATE) == 40  # the library holds their text
    assert [step.path.name for step in steps] == sorted(statuses)  # reported in order
    assert library.search("dismiss").total == 1
    assert library.search("hearing").total == 1


def test_copies_of_a_refused_file_are_each_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"scan-{n}.pdf").write_bytes(b"%PDF-1.4\n" + b"\0" * 100)
    library = Library.open(tmp_path / "lib", samples=False)
    steps = list(library.import_paths([folder], entities=False))
    assert [step.status for step in steps] == [FAILED, FAILED, FAILED]
    assert all("not a PDF file that can be read" in (step.problem or "") for step in steps)
