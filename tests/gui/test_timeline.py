"""The timeline: the chronology of the results on an axis and in a list; events open articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.dates import timex
from reader.core.library import Library
from reader.core.mentions import DATE, Mention
from reader.core.present.chronology import Event, EventGroup
from reader.gui.chronology_model import EVENT_ROLE, group_tooltip
from reader.gui.entities_model import NAME_ROLE, EntitiesModel
from reader.gui.main_window import MainWindow
from reader.gui.timeline_axis import TimelineAxis
from tests.conftest import SEED_001
from tests.gui.conftest import WindowFactory, search, wait_for_article


@pytest.fixture
def seeded(tmp_path: Path, seeds_dir: Path) -> Library:
    """A library holding only the two seed articles."""
    library = Library.open(tmp_path / "library", samples=False)
    for _ in library.import_paths([seeds_dir]):
        pass
    return library


def open_timeline(qtbot: QtBot, window: MainWindow) -> None:
    """Show the timeline (View → Timeline) and wait for its chronology."""
    window.timeline_dock.toggleViewAction().trigger()
    qtbot.waitUntil(
        lambda: not window.timeline.is_busy() and window.timeline.model.rowCount() > 0,
        timeout=30_000,
    )


@pytest.mark.seeds
def test_timeline_lists_the_seed_events_in_date_order(
    qtbot: QtBot, main_window: WindowFactory, seeded: Library
) -> None:
    window = main_window(seeded)
    assert not window.timeline_dock.isVisible()  # nothing is worked out until it is opened
    open_timeline(qtbot, window)

    dates = [timex.describe(g.value) for g in window.timeline.model.groups]
    wanted = ["October 21, 2021", "July 2024", "December 24, 2024"]
    assert all(d in dates for d in wanted), dates
    assert [dates.index(d) for d in wanted] == sorted(dates.index(d) for d in wanted)
    heading = window.timeline.model.item(dates.index("July 2024")).text()
    assert heading.startswith("July 2024 — dismissal")


@pytest.mark.seeds
def test_activating_the_2021_event_opens_its_sentence(
    qtbot: QtBot, main_window: WindowFactory, seeded: Library
) -> None:
    window = main_window(seeded)
    open_timeline(qtbot, window)
    seed = seeded.find_by_path(SEED_001)
    model = window.timeline.model
    row = next(r for r, g in enumerate(model.groups) if g.value == "2021-10-21")
    heading = model.group_index(row)
    child = next(
        model.index(r, 0, heading)
        for r in range(model.rowCount(heading))
        if model.index(r, 0, heading).data(EVENT_ROLE).article_id == seed.id
    )

    window.timeline.tree.setCurrentIndex(child)
    assert window.timeline.axis.selected == row  # the list and the axis agree
    window.timeline.tree.setFocus()
    qtbot.keyClick(window.timeline.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article_view.textCursor().hasSelection(), timeout=10_000)
    wait_for_article(qtbot, window)

    assert window.article_view.article is not None
    assert window.article_view.article.id == seed.id
    selected = window.article_view.textCursor().selectedText()
    assert "October 21, 2021" in selected
    assert selected.startswith("Hutchins was fatally shot")


@pytest.mark.seeds
def test_timeline_follows_the_search(
    qtbot: QtBot, main_window: WindowFactory, seeded: Library
) -> None:
    window = main_window(seeded)
    open_timeline(qtbot, window)
    search(qtbot, window, "Allred")
    qtbot.waitUntil(lambda: not window.timeline.is_busy(), timeout=30_000)
    ids = {e.article_id for g in window.timeline.model.groups for e in g.events}
    assert ids == {h.article_id for h in window.search_panel.result.hits}  # type: ignore[union-attr]
    assert "search results" in window.timeline.status.text()


def event(value: str, article: str) -> Event:
    span = timex.interval(value)
    assert span is not None
    return Event(value, span[0], span[1], f"It happened ({value}).", article, article, 0, 4)


def test_axis_marks_select_and_conflicts_say_so(qtbot: QtBot) -> None:
    groups = [
        EventGroup((event("2021-10-21", "a"),), ("Alec Baldwin",), "shooting"),
        EventGroup(
            (event("2024-07", "a"), event("2024-08-02", "b")), ("Alec Baldwin",), "dismissal", True
        ),
        EventGroup((event("2024-12-24", "b"),), ("Gloria Allred",), "appeal"),
    ]
    axis = TimelineAxis()
    qtbot.addWidget(axis)
    axis.resize(700, 180)
    axis.set_groups(groups)
    axis.show()
    qtbot.waitExposed(axis)
    axis.grab()  # paints without warnings

    with qtbot.waitSignal(axis.group_clicked) as clicked:
        qtbot.mouseClick(axis, Qt.MouseButton.LeftButton, pos=axis.mark_position(1).toPoint())
    assert clicked.args == [1]
    assert axis.selected == 1
    assert axis.row_at(5, 5) == -1
    assert "Conflict" in group_tooltip(groups[1])
    assert "Conflict" not in group_tooltip(groups[0])
    assert "People: Alec Baldwin" in group_tooltip(groups[0])
    # Labels never overlap, whatever lane they land in.
    rects = [p.label_rect for p in axis._placed if p.label_rect is not None]
    assert rects
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert all(axis.rect().contains(r.topLeft()) and r.right() <= axis.width() for r in rects)


def test_entity_panel_lists_dates_described_in_time_order(qtbot: QtBot) -> None:
    model = EntitiesModel()
    values = ["2024-12-24", "2024-W52", "2021-10-21", "2024-07", "PRESENT_REF"]
    mentions = [Mention(i, i + 1, v, DATE, value=v) for i, v in enumerate(values)]
    model.set_mentions(mentions)
    group = model.item(0)
    shown = [group.child(r).text() for r in range(group.rowCount())]
    assert shown == [
        "October 21, 2021",
        "July 2024",
        "week 52 of 2024",
        "December 24, 2024",
        "the present",
    ]
    assert group.child(1).data(NAME_ROLE) == "2024-07"  # selection still uses the value
    assert model.names(DATE)[1] == "2024-07"
