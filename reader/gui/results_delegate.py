"""ResultsDelegate: paints a hit as its title, a meta line and a snippet with highlighted terms."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.gui import palette
from reader.gui.results_model import HIT_ROLE, MARKS_ROLE, META_ROLE, SNIPPET_ROLE

Index = QModelIndex | QPersistentModelIndex
PADDING = 6
SNIPPET_CHARS = 200


class ResultsDelegate(QStyledItemDelegate):
    """Draws each result as a small rich-text card."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        bg, fg = palette.query_colours(palette.is_dark())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = option.palette.color(role).name()
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc.setDefaultStyleSheet(
            f"body {{ color: {text}; }} .meta {{ color: {text if selected else muted}; }}"
            f" b {{ background-color: {bg.name()}; color: {fg.name()}; }}"
            f" .note {{ color: {text if selected else muted}; font-style: italic; }}"
            f" b.tag {{ background-color: transparent; color: {text}; }}"
        )
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        marks = index.data(MARKS_ROLE)
        star = "★ " if marks is not None and marks.starred else ""
        tags = "".join(f" · #{_escape(t)}" for t in (marks.tags if marks is not None else ()))
        doc.setHtml(
            f"<body><div style='font-weight:bold'>{star}{_escape(title)}</div>"
            f"<div class='meta'><small>{_escape(index.data(META_ROLE) or '')}"
            f"<b class='tag'>{tags}</b></small></div>"
            f"<div>{_snippet(index)}</div></body>"
        )
        widget = option.widget
        if isinstance(widget, QAbstractScrollArea):
            width = widget.viewport().width()
        else:
            width = option.rect.width()
        doc.setTextWidth(max(width - 2 * PADDING, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        doc = self._document(option, index)
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        clip = QRectF(0, 0, rect.width() - 2 * PADDING, rect.height() - 2 * PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        painter.setClipRect(clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(50, int(doc.size().height()) + 2 * PADDING)


def _snippet(index: Index) -> str:
    """The snippet, with a weaker date match's note ("mentions 2017") set apart before it."""
    snippet = index.data(SNIPPET_ROLE) or ""
    hit = index.data(HIT_ROLE)
    note = getattr(hit, "date_note", None)
    prefix = f"{_escape(note)} — " if note else ""
    if not note or not snippet.startswith(prefix):
        return _shorten(snippet)
    return f"<span class='note'>{prefix}</span>{_shorten(snippet[len(prefix) :])}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _shorten(snippet: str, limit: int = SNIPPET_CHARS) -> str:
    """Cut a snippet (escaped text with <b> tags) to about `limit` visible characters."""
    visible = 0
    for position, part in enumerate(re.split(r"(</?b>)", snippet)):
        if part in ("<b>", "</b>"):
            continue
        if visible + len(part) > limit:
            head = "".join(re.split(r"(</?b>)", snippet)[:position])
            cut = part[: max(limit - visible, 0)]
            cut = cut.rsplit(" ", 1)[0] if " " in cut else ""  # never half a word
            cut = cut.rstrip(" …")  # the cut may fall just after the passages' own " … "
            closing = "</b>" if head.count("<b>") > head.count("</b>") else ""
            return f"{head}{cut}{closing} …"
        visible += len(part)
    return snippet
