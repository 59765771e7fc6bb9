"""The workspace store: tags, stars, notes, saved searches, re-anchoring and a damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import WorkspaceError, WorkspaceInputError
from reader.core.workspace import anchoring, exchange, query_terms, searches
from reader.core.workspace.store import Workspace

BODY = "The witness Ann Carter said the car was red. Later Ann Carter said it was blue."


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "workspace.sqlite")


def test_tags_and_stars_are_kept_and_counted(tmp_path: Path, workspace: Workspace) -> None:
    workspace.tag("a1", "/x/a.md", "witness")
    workspace.tag("a1", "/x/a.md", "witness")  # twice is once
    workspace.tag_many([("a2", "/x/b.md"), ("a3", "/x/c.md")], "witness")
    workspace.tag("a2", "/x/b.md", "appeal")
    workspace.star("a3", "/x/c.md")
    workspace.close()
    again = Workspace(tmp_path / "workspace.sqlite")
    assert again.tag_counts() == {"appeal": 1, "witness": 3}
    assert again.tagged("WITNESS") == {"a1", "a2", "a3"}
    assert again.tags("a2") == ["appeal", "witness"]
    assert again.starred() == {"a3"}
    again.tag("a1", "/x/a.md", "witness", remove=True)
    again.star("a3", "/x/c.md", on=False)
    assert again.tagged("witness") == {"a2", "a3"}
    assert again.starred() == set()


def test_a_tag_without_a_name_is_refused_with_a_sentence(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceInputError, match="needs a name"):
        workspace.tag("a1", "/x/a.md", "  ")


def test_a_marked_passage_keeps_its_words_offsets_and_context(workspace: Workspace) -> None:
    start = BODY.index("Ann Carter")
    note = workspace.add_note("a1", "/x/a.md", BODY, "first account", start=start, end=start + 10)
    assert (note.text, note.start, note.end, note.state) == ("Ann Carter", start, start + 10, "ok")
    assert note.before.endswith("The witness ")
    assert note.after.startswith(" said the car")
    edited = workspace.edit_note(note.id, "first account, contradicted", "pink")
    assert (edited.note, edited.colour) == ("first account, contradicted", "pink")
    assert workspace.noted("contradicted") == {"a1"}
    assert workspace.noted("carter") == {"a1"}  # the marked words count too
    workspace.delete_note(note.id)
    assert workspace.notes("a1") == []


def test_a_passage_outside_the_text_is_refused(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceInputError, match="not inside"):
        workspace.add_note("a1", "/x/a.md", BODY, "x", start=5, end=len(BODY) + 1)


def test_locate_prefers_the_copy_with_the_same_context() -> None:
    second = BODY.rindex("Ann Carter")
    before, after = anchoring.context(BODY, second, second + 10)
    changed = "Added first. " + BODY
    found = anchoring.locate(changed, "Ann Carter", second, before, after)
    assert found.state == "moved"
    assert changed[found.start - 6 : found.start] == "Later "
    gone = anchoring.locate("Nothing like it.", "Ann Carter", second, before, after)
    assert gone.state == "stale"
    assert gone.start == second


def test_reanchor_moves_everything_to_the_new_id(workspace: Workspace) -> None:
    start = BODY.rindex("blue")
    workspace.add_note("old", "/x/a.md", BODY, "colour", start=start, end=start + 4)
    workspace.add_note(
        "old", "/x/a.md", BODY, "car", start=BODY.index("car"), end=BODY.index("car") + 3
    )
    workspace.tag("old", "/x/a.md", "witness")
    workspace.star("old", "/x/a.md")
    new_body = "Corrected: " + BODY.replace("car was red", "vehicle was red")
    notes = workspace.reanchor("/x/a.md", "new", new_body)
    states = {note.note: note.state for note in notes}
    assert states == {"colour": "moved", "car": "stale"}
    moved = next(note for note in notes if note.note == "colour")
    assert new_body[moved.start : moved.end] == "blue"
    assert workspace.tagged("witness") == {"new"}
    assert workspace.starred() == {"new"}
    assert workspace.notes("old") == []


def test_saved_search_reports_what_is_new_since_last_opened(workspace: Workspace) -> None:
    searches.save_search(workspace, "Carter", "Ann Carter", {"people": ["Ann Carter"]})
    assert searches.opened(workspace, "Carter", {"a1", "a2"}) == {"a1", "a2"}
    assert searches.opened(workspace, "Carter", {"a1", "a2", "a3"}) == {"a3"}
    saved = searches.saved_search(workspace, "Carter")
    assert saved.seen == {"a1", "a2", "a3"}
    assert saved.last_opened is not None
    searches.remember_query(workspace, "first")
    searches.remember_query(workspace, "second")
    assert searches.history(workspace) == ["second", "first"]


def test_query_terms_are_split_and_resolved(workspace: Workspace) -> None:
    workspace.tag("a1", "/x/a.md", "key witness")
    workspace.tag("a2", "/x/b.md", "key witness")
    workspace.star("a2", "/x/b.md")
    rest, terms = query_terms.split('Carter tag:"key witness" starred:yes')
    assert rest == "Carter"
    assert [t.field for t in terms] == ["tag", "starred"]
    assert query_terms.resolve(workspace, terms) == {"a2"}
    assert query_terms.resolve(workspace, []) is None
    with pytest.raises(WorkspaceInputError, match="starred"):
        query_terms.resolve(workspace, query_terms.split("starred:maybe")[1])


def test_export_and_restore_for_the_same_articles(tmp_path: Path, workspace: Workspace) -> None:
    workspace.tag("a1", "/x/a.md", "witness")
    workspace.tag("gone", "/x/g.md", "witness")
    workspace.star("a1", "/x/a.md")
    workspace.add_note("a1", "/x/a.md", BODY, "whole article")
    searches.save_search(workspace, "s", "Carter")
    data = exchange.dump(workspace)
    other = Workspace(tmp_path / "other.sqlite")
    restored = exchange.restore(other, data, {"a1"})
    assert (restored.tags, restored.stars, restored.notes, restored.missing) == (1, 1, 1, 1)
    exchange.restore(other, data, {"a1"})  # twice is once
    assert len(other.notes("a1")) == 1
    assert other.tagged("witness") == {"a1"}
    with pytest.raises(WorkspaceInputError, match="not a workspace"):
        exchange.restore(other, {"tags": []}, {"a1"})


def test_a_damaged_file_gives_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(WorkspaceError, match=r"is damaged .* A copy was kept as"):
        Workspace(path)


def test_every_write_is_durable_in_wal_mode(workspace: Workspace) -> None:
    db = sqlite3.connect(workspace.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
