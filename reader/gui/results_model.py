"""ResultsModel: a list model over the hits of a search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.index import Hit
from reader.core.library.casework import Marks

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


def meta_line(hit: Hit) -> str:
    """Return the date, source and author of a hit as one line."""
    parts = [hit.published or "undated", hit.source or "", hit.author or ""]
    return " · ".join(p for p in parts if p)


class ResultsModel(QAbstractListModel):
    """One row per hit: title (display), the hit itself, its meta line and HTML snippet."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._marks: dict[str, Marks] = {}

    def set_hits(self, hits: list[Hit], marks: dict[str, Marks] | None = None) -> None:
        """Replace the hits shown, with the user's star and tags on each."""
        self.beginResetModel()
        self._hits = list(hits)
        self._marks = dict(marks or {})
        self.endResetModel()

    def set_marks(self, marks: dict[str, Marks]) -> None:
        """Show new stars and tags on the same hits."""
        self._marks = dict(marks)
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, 0))

    def hits(self) -> list[Hit]:
        """Every hit shown."""
        return list(self._hits)

    def hit(self, row: int) -> Hit:
        """Return the hit in `row`."""
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(hit.path)
        if role == HIT_ROLE:
            return hit
        if role == META_ROLE:
            return meta_line(hit)
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == MARKS_ROLE:
            return self._marks.get(hit.article_id, Marks())
        return None
