"""ArticleView: the rendered article with entity highlights, hover text and mention selection."""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QHelpEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.core.articles import Article
from reader.core.mentions import DATE, Mention
from reader.core.present import render
from reader.core.text import sentences
from reader.gui import highlighting, messages, palette
from reader.gui.entities_model import entity_name

log = logging.getLogger(__name__)

SAFE_SCHEMES = {"http", "https", "mailto"}


class ArticleView(QTextBrowser):
    """Shows one article; loads no resources and opens links only after the user agrees.

    Signals:
        mention_shown(index, total): a mention of the chosen entity was selected (1-based).
        mark_requested(): the user chose "Mark passage…" in the context menu.
        entity_page_requested(name, label): "Open entity page" on a highlighted name.
    """

    mention_shown = Signal(int, int)
    mark_requested = Signal()
    entity_page_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.open_link)
        self.setPlaceholderText("Search, then open a result to read it here.")
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.query_terms: tuple[str, ...] = ()
        self.hidden_labels: frozenset[str] = frozenset()
        self._dark = palette.is_dark()
        self._ranges: dict[int, tuple[int, int]] = {}  # mention index → document range
        self._chosen: list[int] = []
        self._current = -1
        self.marks: list[Any] = []  # the user's marked passages (core Notes)
        self.document().setDefaultStyleSheet(palette.article_css(self._dark))

    def show_article(
        self, article: Article, mentions: list[Mention], query_terms: tuple[str, ...] = ()
    ) -> None:
        """Show `article` with its mentions highlighted and scroll to the first query hit."""
        self.article, self.mentions, self.query_terms = article, mentions, query_terms
        self._chosen, self._current = [], -1
        self._render()
        self.scroll_to_first_hit()

    def set_hidden_labels(self, labels: frozenset[str]) -> None:
        """Hide the highlights of the entity types in `labels`, keeping the scroll position."""
        self.hidden_labels = labels
        if self.article is not None:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(scroll)

    def _render(self) -> None:
        assert self.article is not None
        html = render.to_html(
            self.article,
            self.mentions,
            hidden_labels=self.hidden_labels,
            query_terms=self.query_terms,
        )
        self.setHtml(html)
        highlighting.apply_underlines(self.document(), self._dark)
        self._ranges = self._locate_mentions()
        self._apply_marks()

    def set_marks(self, marks: list[Any]) -> None:
        """Show the user's marked passages (core Notes) in their colours, keeping the scroll."""
        before, self.marks = self.marks, list(marks)
        if self.article is None or self.marks == before:
            return  # opening an article with no marks renders it once, not twice
        if not before:  # colouring over a fresh render needs no new one
            self._apply_marks()
            return
        scroll = self.verticalScrollBar().value()
        cursor = self.textCursor()
        self._render()
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def _apply_marks(self) -> None:
        """Colour each marked passage, leaving the entity highlights inside it as they are."""
        doc = self.document()
        edits: list[tuple[int, int, QTextCharFormat]] = []
        for note in self.marks:
            found = self._find_body_span(note.start, note.end) if note.text else None
            if found is None or note.state == "stale":
                continue
            change = QTextCharFormat()
            change.setBackground(QColor(palette.mark_colour(note.colour, self._dark)))
            change.setToolTip(note.note or "Marked passage")
            block = doc.findBlock(found[0])
            while block.isValid() and block.position() < found[1]:
                it = block.begin()
                while not it.atEnd():
                    fragment = it.fragment()
                    start = max(fragment.position(), found[0])
                    end = min(fragment.position() + fragment.length(), found[1])
                    brush = fragment.charFormat().background().style()
                    if start < end and brush == Qt.BrushStyle.NoBrush:
                        edits.append((start, end, change))
                    it += 1
                block = block.next()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout for all the merges (highlighting.py)
        for start, end, change in edits:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(change)
        cursor.endEditBlock()

    def selection_span(self) -> tuple[int, int] | None:
        """Body offsets of the words selected in the view (None when nothing is selected)."""
        if self.article is None:
            return None
        cursor = self.textCursor()
        words = re.findall(r"\w+", cursor.selectedText())
        if not words:
            return None
        body = self.article.body
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words))
        found = list(pattern.finditer(body))
        if not found:
            return None
        text = self.document().toPlainText()
        header = text.find(str(self.article.path))
        after = header + len(str(self.article.path)) if header >= 0 else 0
        share = (cursor.selectionStart() - after) / max(len(text) - after, 1)
        match = min(found, key=lambda m: abs(m.start() - share * len(body)))
        start, end = match.start(), match.end()
        # A selection that begins or ends inside a word marks the whole word.
        while start > 0 and body[start - 1].isalnum():
            start -= 1
        while end < len(body) and body[end].isalnum():
            end += 1
        return start, end

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        at = self.cursorForPosition(event.pos()).position()
        under = [i for i, (start, end) in self._ranges.items() if start <= at < end]
        if under and render.display_label(self.mentions[under[0]].label) != DATE:
            mention = self.mentions[under[0]]
            menu.addSeparator()
            menu.addAction(
                f"Open entity page: {entity_name(mention)}",
                functools.partial(
                    self.entity_page_requested.emit,
                    entity_name(mention),
                    render.display_label(mention.label),
                ),
            )
        menu.addSeparator()
        mark = menu.addAction("Mark passage…", self.mark_requested.emit)
        mark.setEnabled(self.textCursor().hasSelection())
        menu.exec(event.globalPos())

    def _locate_mentions(self) -> dict[int, tuple[int, int]]:
        """Find each mention's range in the document, in order, after the header."""
        assert self.article is not None
        text = self.document().toPlainText()
        header_end = text.find(str(self.article.path))
        position = header_end + len(str(self.article.path)) if header_end >= 0 else 0
        found: dict[int, tuple[int, int]] = {}
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        for i in order:
            words = self.mentions[i].text.split()
            if not words:
                continue
            pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
            match = pattern.search(text, position)
            if match is None or match.start() - position > 2000:
                continue  # not found nearby (markup inside the name): leave it out
            found[i] = (match.start(), match.end())
            position = match.start()
        return found

    def scroll_to_first_hit(self) -> None:
        """Scroll to the first query-term highlight in the body, or to the top."""
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if self.article is None:
            return
        positions = render.query_spans_positions(self.article.body, self.query_terms)
        if positions:
            start, end = positions[0]
            words = self.article.body[start:end]
            text = self.document().toPlainText()
            after = text.find(str(self.article.path))
            index = text.lower().find(words.lower(), max(after, 0))
            if index >= 0:
                cursor = QTextCursor(self.document())
                cursor.setPosition(index)
                self.setTextCursor(cursor)
                self.ensureCursorVisible()

    def select_entity(self, name: str, label: str) -> None:
        """Select the first mention of the entity `name`; next_mention() moves on."""
        self._chosen = [
            i
            for i, m in enumerate(self.mentions)
            if i in self._ranges
            and render.display_label(m.label) == label
            and entity_name(m) == name
        ]
        self._chosen.sort(key=lambda i: self._ranges[i][0])
        self._current = -1
        self.step_mention(1)

    def step_mention(self, step: int) -> None:
        """Select the next (step 1) or previous (step -1) mention of the chosen entity."""
        if not self._chosen:
            self.mention_shown.emit(0, 0)
            return
        self._current = (self._current + step) % len(self._chosen)
        start, end = self._ranges[self._chosen[self._current]]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.mention_shown.emit(self._current + 1, len(self._chosen))

    def select_span(self, start: int, end: int) -> bool:
        """Select the text at body offsets start:end and scroll to it; False if not found."""
        found = self._find_body_span(start, end)
        if found is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _find_body_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range showing body offsets start:end, or None."""
        if self.article is None:
            return None
        body = self.article.body
        words = re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "", body[start:end]))
        if not words:
            return None
        text = self.document().toPlainText()
        header = text.find(str(self.article.path))
        after = header + len(str(self.article.path)) if header >= 0 else 0
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words))
        found = list(pattern.finditer(text, after))
        if not found:
            return None
        # The same words may occur twice: take the match nearest where the body puts them.
        estimate = after + (len(text) - after) * start / max(len(body), 1)
        match = min(found, key=lambda m: abs(m.start() - estimate))
        return match.start(), match.end()

    def select_sentence(self, offset: int) -> bool:
        """Select the sentence holding body offset `offset` (a dated event) and scroll to it."""
        if self.article is None:
            return False
        return self.select_span(*sentences.sentence_span(self.article.body, offset))

    def open_link(self, url: QUrl) -> None:
        """Open an http(s) or mailto link outside the reader, after the user agrees."""
        if url.scheme().lower() in SAFE_SCHEMES and messages.confirm_link(self, url.toString()):
            QDesktopServices.openUrl(url)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        return None  # never read files or the network for <img> or stylesheets

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.cursorForPosition(event.pos())
            tip = cursor.charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
