"""ResultsModel: a list model over the hits of a search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.index import Hit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

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

    def set_hits(self, hits: list[Hit]) -> None:
        """Replace the hits shown."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

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
        return None
