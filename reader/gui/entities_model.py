"""EntitiesModel: an article's entities grouped by type, with mention counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.core.articles import Party
from reader.core.dates import timex
from reader.core.entities import aliases, party_roles
from reader.core.mentions import CITATION, DATE, DOCKET, MONEY, ORG, PERSON, Mention
from reader.core.present import render
from reader.gui import palette

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
PARTIES = "PARTIES"  # the group of the document's parties, counsel and judges
_WITH_ROLES = (PERSON, ORG)


class EntitiesModel(QStandardItemModel):
    """Two levels: a row per type ("Person (4)"), under it a row per entity with its count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Entity", "Mentions"])

    def set_mentions(self, mentions: list[Mention], parties: Sequence[Party] = ()) -> None:
        """Show the entities of `mentions`, most mentioned first within each type.

        People and organisations that are among the document's `parties` read with their
        part ("Jane Doe — defendant"); a first group lists every party, counsel and judge.
        """
        self.removeRows(0, self.rowCount())
        self._spellings: dict[tuple[str, str], set[str]] = {}
        for mention in mentions:
            key = (render.display_label(mention.label), entity_name(mention))
            self._spellings.setdefault(key, set()).add(aliases.clean(mention.text))
        counts: dict[str, Counter[str]] = {label: Counter() for label in render.SHOWN_LABELS}
        written: dict[str, dict[str, None]] = {}  # a citation's value → its spellings
        for mention in mentions:
            label = render.display_label(mention.label)
            if label in counts:
                counts[label][entity_name(mention)] += 1
            if label in (CITATION, DOCKET) and mention.text != entity_name(mention):
                written.setdefault(entity_name(mention), {})[mention.text] = None
        dark = palette.is_dark()
        for label, names in counts.items():
            if not names:
                continue
            group = QStandardItem(f"{render.LABEL_NAMES[label]} ({len(names)})")
            group.setData(label, LABEL_ROLE)
            group.setBackground(palette.background(label, dark))
            group.setEditable(False)
            group_count = QStandardItem(str(sum(names.values())))
            group_count.setEditable(False)
            for name, count in _ordered(label, names):
                shown = timex.describe(name) if label == DATE else name
                item = QStandardItem(shown)
                item.setData(name, NAME_ROLE)
                item.setData(label, LABEL_ROLE)
                tip = f"{render.LABEL_NAMES[label]}: {shown}"
                item.setToolTip(tip if shown == name else f"{tip} ({name})")
                roles = party_roles.roles_of(name, parties) if label in _WITH_ROLES else []
                if roles:
                    short = party_roles.roles_of(name, parties, short=True)
                    item.setText(f"{shown} — {', '.join(short)}")
                    item.setToolTip(f"{tip}: {'; '.join(roles)}")
                if label in (CITATION, DOCKET) and name in written:
                    shown = f"{name}  (as {'; '.join(written[name])})"
                    item.setText(shown)
                    item.setToolTip(f"{tip}, written {'; '.join(written[name])}")
                item.setEditable(False)
                number = QStandardItem(str(count))
                number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                number.setEditable(False)
                number.setData(name, NAME_ROLE)
                number.setData(label, LABEL_ROLE)
                group.appendRow([item, number])
            self.appendRow([group, group_count])
        if parties:
            self.insertRow(0, _party_rows(parties, counts))

    def spellings(self, name: str, label: str) -> list[str]:
        """The other ways the article writes the entity (what can be split off it)."""
        return sorted(self._spellings.get((label, name), set()) - {name})

    def names(self, label: str) -> list[str]:
        """Return the entity names listed under `label`."""
        for row in range(self.rowCount()):
            group = self.item(row)
            if group.data(LABEL_ROLE) == label:
                return [group.child(r).data(NAME_ROLE) for r in range(group.rowCount())]
        return []


def _party_rows(parties: Sequence[Party], counts: dict[str, Counter[str]]) -> list[QStandardItem]:
    """The "Parties and counsel" group, as a docket lists them: each party with its part, its
    counsel under it with their firm; the judges and opinion authors with theirs.

    A party found in the text selects its mentions when clicked, as its entity row does; one
    the text never names as an entity (a name only the party table holds) has no count.
    """
    group = QStandardItem(f"Parties and counsel ({len(parties)})")
    group.setData(PARTIES, LABEL_ROLE)
    group.setEditable(False)
    rows: dict[str, QStandardItem] = {}
    total = 0
    for party in parties:
        item, number, count = _party_row(party, counts)
        total += count
        under = rows.get(party.represents or "") if party.role == "attorney" else None
        (under or group).appendRow([item, number])
        rows.setdefault(party.name, item)
    group_count = QStandardItem(str(total) if total else "")
    group_count.setEditable(False)
    return [group, group_count]


def _party_row(
    party: Party, counts: dict[str, Counter[str]]
) -> tuple[QStandardItem, QStandardItem, int]:
    entity = next(
        (
            (name, label)
            for label in _WITH_ROLES
            for name in counts.get(label, {})
            if party_roles.parties_of(name, [party])
        ),
        None,
    )
    part = party.part() if party.role != "attorney" else "attorney"
    shown = f"{party.name} — {part}{', ' + party.firm if party.firm else ''}"
    item = QStandardItem(shown)
    item.setToolTip(f"{party.name}: {party.describe()}, as the document states it")
    item.setEditable(False)
    number = QStandardItem("")
    number.setEditable(False)
    number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if entity is None:
        item.setToolTip(f"{item.toolTip()}; not named as an entity in the text")
        return item, number, 0
    count = counts[entity[1]][entity[0]]
    number.setText(str(count))
    for cell in (item, number):
        cell.setData(entity[0], NAME_ROLE)
        cell.setData(entity[1], LABEL_ROLE)
    return item, number, count


def _ordered(label: str, names: Counter[str]) -> list[tuple[str, int]]:
    """Dates in time order (undated values last); other entities most mentioned first."""
    if label != DATE:
        return sorted(names.items(), key=lambda kv: (-kv[1], kv[0].lower()))

    def when(kv: tuple[str, int]) -> tuple[bool, date, date, str]:
        span = timex.interval(kv[0])
        return (span is None, *(span or (date.max, date.max)), kv[0])

    return sorted(names.items(), key=when)


class EntityFilter(QSortFilterProxyModel):
    """Keeps the entities whose name contains the filter text, and their type rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        if not source_parent.isValid():
            return False  # a type row stays only while one of its entities matches
        return super().filterAcceptsRow(source_row, source_parent)


def entity_name(mention: Mention) -> str:
    """Return the name an entity is listed under: its canonical name, value or text."""
    if render.display_label(mention.label) in (DATE, MONEY):
        return mention.value or mention.text
    return mention.canonical or mention.text
