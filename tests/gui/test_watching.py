"""The app watches imported folders: a dropped file shows up in the results within seconds."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui import watching
from reader.gui.window_state import WindowState
from tests.gui.conftest import WindowFactory, search

DEADLINE_MS = 5_000


def _article(word: str) -> str:
    return (
        f"Judge rules on the {word} motion\n\n"
        f"The district court in Santa Fe ruled on the {word} motion on Monday, "
        "lawyers for the defence said.\n"
    )


def _library(tmp_path: Path) -> tuple[Library, Path]:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "first.txt").write_text(_article("zephyrine"), "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    return library, folder


def _titles(window: object) -> list[str]:
    result = window.search_panel.result  # type: ignore[attr-defined]
    return [hit.title for hit in result.hits] if result is not None else []


def test_a_file_dropped_into_an_imported_folder_appears_in_the_results(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory
) -> None:
    library, folder = _library(tmp_path)
    window = main_window(library)
    assert window.watching.is_watching()
    assert window.watching.folders() == [folder.resolve()]
    search(qtbot, window, "motion")
    assert len(_titles(window)) == 1
    (folder / "dropped.txt").write_text(_article("marmoset"), "utf-8")
    # The results refresh after the import; nothing has to be typed again.
    qtbot.waitUntil(lambda: len(_titles(window)) == 2, timeout=DEADLINE_MS)
    assert "Judge rules on the marmoset motion" in _titles(window)
    assert window.message.text().startswith("Picked up 1 changed file in cases.")
    (folder / "first.txt").unlink()
    qtbot.waitUntil(lambda: _titles(window) == ["Judge rules on the marmoset motion"])
    assert window.message.text().startswith("Picked up 1 changed file in cases.")


def test_watching_turned_off_imports_nothing_and_on_again_catches_up(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory
) -> None:
    library, folder = _library(tmp_path)
    state = tmp_path / "state.ini"
    window = main_window(library, state)
    menu_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "Watch" in a.text()
    )
    assert menu_action.isChecked()  # on by default
    menu_action.trigger()
    assert not window.watching.is_watching()
    assert window.message.text() == "Imported folders are no longer watched for changes."
    assert not WindowState(state).watch_folders()  # remembered for the next start
    (folder / "late.txt").write_text(_article("ocelot"), "utf-8")
    qtbot.wait(2_500)
    assert library.search("ocelot").total == 0
    assert not window.import_status.is_running()
    menu_action.trigger()  # on again: what changed meanwhile is imported
    qtbot.waitUntil(lambda: library.search("ocelot").total == 1, timeout=DEADLINE_MS)
    assert WindowState(state).watch_folders()


def test_changes_during_another_import_wait_for_it_and_are_not_lost(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory
) -> None:
    library, folder = _library(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    for n in range(30):
        (other / f"o{n:02d}.txt").write_text(_article(f"otherword{n:02d}"), "utf-8")
    window = main_window(library)
    window.import_paths([other])  # the user's own import, running when the folder changes
    assert window.import_status.is_running()
    (folder / "during.txt").write_text(_article("pangolin"), "utf-8")
    # One import at a time: the change waits for the user's files to be searchable, then stops
    # the entity phase, which resumes after it.
    qtbot.waitUntil(lambda: library.search("pangolin").total == 1, timeout=60_000)
    assert library.search("otherword07").total == 1
    qtbot.waitUntil(lambda: not window.import_status.is_running(), timeout=120_000)
    assert library.pending_entities() == 0
    # The user's folder is now watched too.
    assert sorted(window.watching.folders()) == sorted([folder.resolve(), other.resolve()])


def test_closing_the_window_during_an_import_does_not_hang(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory
) -> None:
    library, _ = _library(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    for n in range(30):
        (other / f"o{n:02d}.txt").write_text(_article(f"otherword{n:02d}"), "utf-8")
    window = main_window(library)
    window.import_paths([other])
    started = time.monotonic()
    window.close()  # cancels the import and waits for its thread
    assert time.monotonic() - started < 10  # it waited the full minute when the job's end
    assert not window.watching.is_watching()  # had to pass through the blocked GUI thread


def test_a_folder_that_goes_away_keeps_its_articles_and_is_watched_when_back(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watching, "MISSING_MS", 300)  # 30 s in the app
    library, folder = _library(tmp_path)
    window = main_window(library)
    shutil.rmtree(folder)  # an unplugged drive looks like this
    qtbot.waitUntil(lambda: "cannot be watched" in window.message.text(), timeout=DEADLINE_MS)
    assert str(folder.resolve()) in window.message.text()
    assert library.search("zephyrine").total == 1  # a missing folder removes nothing
    assert window.watching.folders() == []
    folder.mkdir()  # plugged in again, with a file that was added elsewhere
    (folder / "while-away.txt").write_text(_article("axolotl"), "utf-8")
    qtbot.waitUntil(lambda: library.search("axolotl").total == 1, timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: library.search("zephyrine").total == 0)  # its file is gone now
    assert window.watching.folders() == [folder.resolve()]
    (folder / "after.txt").write_text(_article("quokka"), "utf-8")  # and watched again
    qtbot.waitUntil(lambda: library.search("quokka").total == 1, timeout=DEADLINE_MS)
