"""The two-phase import: words and dates searchable first, the model's entities behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.mentions import DATE, PERSON

ROOT = Path(__file__).resolve().parents[2]


FIRST = ("Jonas", "Miriam", "Tobias", "Helena", "Walter", "Agnes", "Rufus", "Clara")
LAST = ("Whitfield", "Okafor", "Brandt", "Lindqvist", "Moreau", "Castellano", "Pryce", "Harrington")


def person(n: int) -> str:
    """The attorney of article `n`: a different full name for each of 64 articles."""
    return f"{FIRST[n % 8]} {LAST[n // 8 % 8]}"


def write_articles(folder: Path, count: int) -> list[Path]:
    """Short articles of our own, each naming a different person and a dated hearing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"hearing-{n:04}.txt"
        path.write_text(
            f"Hearing {n} set in the Quarry case\n\n"
            f"The court scheduled a hearing for March {n % 27 + 1}, 2022, in matter QX{n:04}. "
            f"Attorney {person(n)} said the company would ask for more time.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_phase_one_makes_words_and_dates_searchable_before_any_entity(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    library = Library.open(tmp_path / "lib", samples=False)

    steps = list(library.import_paths([tmp_path / "in"], entities=False))

    assert [s.status for s in steps] == ["added"] * 3
    assert library.pending_entities() == 3
    assert len(library.search("QX0001").hits) == 1
    assert len(library.search("March 2, 2022").hits) == 1  # a date mention, no model needed
    assert library.search(f'person:"{person(1)}"').hits == []  # not yet a person
    article = library.article(library.search("QX0001").hits[0].article_id)
    assert library.is_pending(article.id)
    assert {m.label for m in library.mentions(article, wait=False)} == {DATE}

    filled = list(library.fill_entities())

    assert len(filled) == 3
    assert filled[-1].committed == 3
    assert library.pending_entities() == 0
    assert not library.is_pending(article.id)
    assert [h.article_id for h in library.search(f'person:"{person(1)}"').hits] == [article.id]
    assert PERSON in {m.label for m in library.mentions(article, wait=False)}
    # The queue is empty: a second run does nothing.
    assert list(library.fill_entities()) == []


def test_an_import_with_entities_leaves_nothing_waiting(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([tmp_path / "in"]))
    assert library.pending_entities() == 0
    assert library.search(f'person:"{person(0)}"').hits


def test_a_rebuild_keeps_waiting_articles_waiting(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([tmp_path / "in"], entities=False))
    list(library.rebuild("test"))
    assert library.pending_entities() == 2
    list(library.fill_entities())
    assert library.pending_entities() == 0
    assert library.search(f'person:"{person(1)}"').hits


_FILL_SCRIPT = """
import sys
from pathlib import Path
from reader.core.library import Library, entity_queue

entity_queue.BATCH_ARTICLES = 8  # commit often, so that the kill falls between commits
library = Library.open(Path(sys.argv[1]), samples=False)
for step in library.fill_entities():
    print(step.done, step.committed, flush=True)
"""


def start_filling(library: Path) -> subprocess.Popen[str]:
    """Phase 2 in a process of its own, printing "done committed" after each article."""
    script = library.parent / "fill.py"
    script.write_text(_FILL_SCRIPT, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), str(library)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # killed together with its model workers
    )
    assert child.stdout is not None
    return child


def test_kill_during_phase_two_resumes_and_loses_nothing(tmp_path: Path) -> None:
    """kill -9 once the first batch is committed; a second run finishes the rest."""
    count = 40
    write_articles(tmp_path / "in", count)
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([tmp_path / "in"], entities=False))
    child = start_filling(tmp_path / "lib")
    for line in child.stdout:
        done, committed = map(int, line.split())
        if committed and done < count:
            break
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()

    reopened = Library.open(tmp_path / "lib", samples=False)
    waiting = reopened.pending_entities()
    assert 0 < waiting < count
    assert reopened.article_count() == count
    assert len(list(reopened.fill_entities())) == waiting
    assert reopened.pending_entities() == 0
    for n in range(count):
        assert reopened.search(f'person:"{person(n)}"').hits, n
        assert len(reopened.search(f"QX{n:04}").hits) == 1


_UNGUARDED = """
import sys
from pathlib import Path
from reader.core.library import Library

library = Library.open(Path(sys.argv[2]), samples=False)
steps = list(library.import_paths([Path(sys.argv[1])]))
print("imported", sum(s.status == "added" for s in steps), library.pending_entities(), flush=True)
"""


def run_unguarded(tmp_path: Path, count: int) -> subprocess.CompletedProcess[str]:
    write_articles(tmp_path / "in", count)
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(_UNGUARDED), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def test_a_script_without_a_main_guard_imports_once_with_one_warning(tmp_path: Path) -> None:
    # 60 new articles: enough for the worker processes of the model and of the file reader.
    done = run_unguarded(tmp_path, 60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["imported 60 0"]  # the script ran once, not per worker
    assert done.stderr.count("outside an `if __name__") == 1
    assert "BrokenProcessPool" not in done.stderr


@pytest.mark.slow
def test_a_script_without_a_main_guard_imports_two_thousand_files(tmp_path: Path) -> None:
    done = run_unguarded(tmp_path, 2000)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["imported 2000 0"]


def test_cli_index_returns_after_phase_one_and_wait_finishes(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READER_HOME": str(tmp_path / "home")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib"), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)

    first = cli("index", str(tmp_path / "in"), "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["added"] == 3
    assert report["waiting_for_entities"] == 3
    found = cli("search", "QX0002")
    assert "Hearing 2 set in the Quarry case" in found.stdout
    assert "3 articles wait for entities" in found.stderr

    finished = cli("index", "--wait")
    assert finished.returncode == 0, finished.stderr
    assert "Entities found in 3 articles." in finished.stdout
    people = json.loads(cli("entities", "--all", "--type", "person", "--json").stdout)
    assert person(2) in {row["name"] for row in people}


@pytest.mark.slow
def test_twenty_kills_during_phase_two_lose_nothing(tmp_path: Path) -> None:
    """The slow crash suite's version: kill -9 at random points until phase 2 is done."""
    import random

    count = 64
    write_articles(tmp_path / "in", count)
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([tmp_path / "in"], entities=False))
    chance = random.Random(7)
    waiting = [count]
    for _ in range(20):
        child = start_filling(tmp_path / "lib")
        stop_after = chance.randint(1, 12)
        for n, _line in enumerate(child.stdout, 1):
            if n >= stop_after:
                break
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        reopened = Library.open(tmp_path / "lib", samples=False)
        assert reopened.article_count() == count  # phase 2 never loses an article
        waiting.append(reopened.pending_entities())
        assert waiting[-1] <= waiting[-2]  # and never goes back
        if not waiting[-1]:
            break
    reopened = Library.open(tmp_path / "lib", samples=False)
    list(reopened.fill_entities())
    assert reopened.pending_entities() == 0
    for n in range(count):
        assert reopened.search(f'person:"{person(n)}"').hits, n
