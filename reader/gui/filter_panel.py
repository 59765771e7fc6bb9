"""FilterPanel: narrow the results by entity and by publication date, with counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates import query_dates as datequery
from reader.core.dates import timex
from reader.core.index import Filters, SearchResult
from reader.core.index.document import entity_key

GROUPS = (  # the user's own tags and stars first: they are what the user chose to keep
    ("tag", "Tags"),
    ("starred", "Stars"),
    ("person", "People"),
    ("org", "Organisations"),
    ("place", "Places"),
    ("legal", "Legal terms"),
)
_DATE_TIP = "A year, a month or a day: 2021, October 2021, Oct 21, 2021 or 2021-10-21."
SHOWN_PER_GROUP = 12
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the entity's name, without the part shown after it
_WITH_PARTS = ("person", "org")


class FilterPanel(QWidget):
    """Checkable entity facets and a date range; changes are reported as Filters.

    Signals:
        filters_changed(filters): the user changed the filters (a core Filters).
    """

    filters_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checked: dict[str, set[str]] = {key: set() for key, _ in GROUPS}
        self._updating = False
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self._emit)
        # Placeholders that look like dates were read as a filter already set.
        self.date_from = QLineEdit(placeholderText="From date")
        self.date_to = QLineEdit(placeholderText="To date")
        for field, bound in ((self.date_from, "earliest"), (self.date_to, "latest")):
            field.setToolTip(f"The {bound} publication date to keep. {_DATE_TIP}")
            field.setClearButtonEnabled(True)
            field.textChanged.connect(self._timer.start)
        self.exact_dates = QCheckBox("Exact")
        self.exact_dates.setToolTip(
            "Dates in the search match only articles naming a date within them: “October 2, "
            '2017” then leaves out articles that only say 2017 (as exact:"October 2, 2017").'
        )
        self.exact_dates.toggled.connect(self._timer.start)
        dates = QHBoxLayout()
        dates.addWidget(QLabel("Dates"))
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        dates.addWidget(self.exact_dates)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Narrow by", "Hits"])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setToolTip("Tick entities to keep only the articles that mention them.")
        self.tree.itemChanged.connect(self._item_changed)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        # Phase 2 of an import: the counts below do not know these articles' entities yet.
        self.waiting = QLabel("")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(dates)
        layout.addWidget(self.waiting)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)

    def filters(self) -> Filters:
        """Return the filters now chosen."""
        return Filters(
            people=tuple(sorted(self.checked["person"])),
            orgs=tuple(sorted(self.checked["org"])),
            places=tuple(sorted(self.checked["place"])),
            legal=tuple(sorted(self.checked["legal"])),
            tags=tuple(sorted(self.checked["tag"])),
            starred=bool(self.checked["starred"]),
            published_from=_date(self.date_from.text()),
            published_to=_date(self.date_to.text()),
            exact_dates=self.exact_dates.isChecked(),
        )

    def apply(self, filters: Filters | None) -> None:
        """Set the panel to `filters` (a saved search's), without announcing it."""
        filters = filters or Filters()
        self._updating = True
        for key, names in (
            ("person", filters.people),
            ("org", filters.orgs),
            ("place", filters.places),
            ("legal", filters.legal),
            ("tag", filters.tags),
        ):
            self.checked[key] = set(names)
        self.checked["starred"] = {"Starred"} if filters.starred else set()
        self.exact_dates.blockSignals(True)
        self.exact_dates.setChecked(filters.exact_dates)
        self.exact_dates.blockSignals(False)
        for field, value in (
            (self.date_from, filters.published_from),
            (self.date_to, filters.published_to),
        ):
            field.blockSignals(True)
            field.setText(value or "")
            field.blockSignals(False)
        self._updating = False

    def show_waiting(self, count: int, scans: int = 0) -> None:
        """Say how many articles still wait for their entities (hidden at none), and how many
        of them are scanned PDFs whose text waits for OCR."""
        self.waiting.setVisible(count > 0)
        if count:
            said = (
                f"{count:,} {'article waits' if count == 1 else 'articles wait'} for "
                "entities: their words and dates are searchable; their people, organisations "
                "and places are not counted here yet."
            )
            if scans:
                said += (
                    f" {scans:,} of them {'is a scanned PDF' if scans == 1 else 'are scanned PDFs'}"
                    " whose scanned pages are read by OCR first."
                )
            self.waiting.setText(said)

    def show_facets(self, result: SearchResult) -> None:
        """List the entities of the hits with their counts; chosen ones stay ticked."""
        facets = getattr(result, "facets", {}) or {}
        parts = getattr(result, "roles", {}) or {}
        self._updating = True
        self.tree.clear()
        for key, title in GROUPS:
            counts = dict(facets.get(key, [])[:SHOWN_PER_GROUP])
            for name in self.checked[key]:
                counts.setdefault(name, 0)
            if not counts:
                continue
            group = QTreeWidgetItem(self.tree, [title, ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for name, count in counts.items():
                part = parts.get(entity_key(name), ()) if key in _WITH_PARTS else ()
                shown = f"{name} — {', '.join(part)}" if part else name
                item = QTreeWidgetItem(group, [shown, str(count)])
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                item.setData(0, NAME_ROLE, name)
                if part:
                    item.setToolTip(0, f"{name}: {', '.join(part)} in the documents that name it")
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = name in self.checked[key]
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            group.setExpanded(True)
        self._updating = False
        self._describe_dates(self.filters())

    def _describe_dates(self, filters: Filters) -> None:
        """Say which dates `filters` read from the fields, or which entry is not a date."""
        texts = [f.text().strip() for f in (self.date_from, self.date_to)]
        first, last = filters.published_from, filters.published_to
        bad = [text for text, value in zip(texts, (first, last), strict=True) if text and not value]
        if bad:
            self.note.setText(f"“{bad[0]}” is not a date. {_DATE_TIP}")
        elif first and last:
            self.note.setText(f"Published {timex.describe(first)} to {timex.describe(last)}.")
        elif first:
            self.note.setText(f"Published {timex.describe(first)} or later.")
        elif last:
            self.note.setText(f"Published {timex.describe(last)} or earlier.")
        else:
            self.note.setText("")

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if self._updating or not key:
            return
        name = item.data(0, NAME_ROLE) or item.text(0)
        if item.checkState(0) == Qt.CheckState.Checked:
            self.checked[key].add(name)
        else:
            self.checked[key].discard(name)
        self._emit()

    def _emit(self) -> None:
        filters = self.filters()
        self._describe_dates(filters)
        self.filters_changed.emit(filters)


def _date(text: str) -> str | None:
    return datequery.one_date(text, date.today()) if text.strip() else None
