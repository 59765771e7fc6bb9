"""ChronologyModel: the chronology's event groups in date order, each article's sentence beneath."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from reader.core.dates import timex
from reader.core.present.chronology import Event, EventGroup
from reader.core.workspace.items import Note

EventNotes = dict[tuple[str, int], list[Note]]  # (article id, date start) → the user's notes
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # the group's row, on group and event rows
EVENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Event, on event rows only
CONFLICT_MARK = "⚠"


def group_text(group: EventGroup) -> str:
    """Return a group's heading: "October 21, 2021 — shooting: Alec Baldwin, Joel Souza"."""
    what = group.event_word or ""
    if group.people:
        what = f"{what}: {', '.join(group.people)}" if what else ", ".join(group.people)
    text = timex.describe(group.value)
    if what:
        text += f" — {what}"
    if group.conflict:
        text += f"  {CONFLICT_MARK} conflicting dates"
    return text


def group_tooltip(group: EventGroup) -> str:
    """Return a group's hover text: date, event word, people, and each article's date."""
    lines = [timex.describe(group.value)]
    if group.event_word:
        lines.append(f"Event: {group.event_word}")
    if group.people:
        lines.append(f"People: {', '.join(group.people)}")
    articles = {e.article_id for e in group.events}
    lines.append(f"{len(articles)} article{'' if len(articles) == 1 else 's'}")
    if group.conflict:
        lines.append("Conflict: the articles give different dates:")
        lines.extend(f"  {timex.describe(e.value)} in “{e.article_title}”" for e in group.events)
    return "\n".join(lines)


class ChronologyModel(QStandardItemModel):
    """Two levels: a row per event group in date order; under it a row per article's event."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[EventGroup] = []
        self.setHorizontalHeaderLabels(["Event", "Article"])

    def set_groups(self, groups: Sequence[EventGroup], notes: EventNotes | None = None) -> None:
        """Show `groups` (in date order, as chronology.build returns them) with their notes."""
        notes = notes or {}
        self.removeRows(0, self.rowCount())
        self.groups = list(groups)
        for row, group in enumerate(self.groups):
            heading = _item(group_text(group), group_tooltip(group), row)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            count = len({e.article_id for e in group.events})
            articles = _item(f"{count} article{'' if count == 1 else 's'}", "", row)
            for event in group.events:
                sentence = " ".join(event.sentence.split())
                if group.conflict:
                    sentence = f"[{timex.describe(event.value)}] {sentence}"
                tip = f"{sentence}\n\n— {event.article_title}\nDouble-click or Enter to open it."
                on = notes.get((event.article_id, event.start), [])
                if on:
                    said = "; ".join(n.note or "marked" for n in on)
                    sentence = f"✎ {sentence}  [{said}]"
                    tip = f"Your note: {said}\n\n{tip}"
                cells = [_item(sentence, tip, row), _item(event.article_title, tip, row)]
                for cell in cells:
                    cell.setData(event, EVENT_ROLE)
                heading.appendRow(cells)
            self.appendRow([heading, articles])

    def group_index(self, row: int) -> QModelIndex:
        """Return the index of group `row`'s heading."""
        return self.index(row, 0)

    def event_at(self, index: QModelIndex | QPersistentModelIndex) -> Event | None:
        """Return the event of an event row; for a group row, its first event."""
        event = index.data(EVENT_ROLE)
        if isinstance(event, Event):
            return event
        row = index.data(GROUP_ROLE)
        if isinstance(row, int) and 0 <= row < len(self.groups):
            return self.groups[row].events[0]
        return None


def _item(text: str, tip: str, row: int) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if tip:
        item.setToolTip(tip)
    item.setData(row, GROUP_ROLE)
    return item
