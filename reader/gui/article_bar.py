"""ArticleBar: above the open article, its star and tags, and the buttons to tag it and mark it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

STAR_OFF = "☆ Star"
STAR_ON = "★ Starred"


class ArticleBar(QWidget):
    """Star, tags and marking for the article shown; hidden until one is open.

    Signals:
        star_toggled(on): the user starred (True) or unstarred the article.
        tag_requested(): the user asked to tag the article.
        untag_requested(name): the user took the tag `name` off.
        mark_requested(): the user asked to mark the selected passage.
    """

    star_toggled = Signal(bool)
    tag_requested = Signal()
    untag_requested = Signal(str)
    mark_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.star = QToolButton()
        self.star.setText(STAR_OFF)
        self.star.setCheckable(True)
        self.star.setToolTip("Star this article (find starred ones with starred:yes)")
        self.star.setAccessibleName("Star")
        self.star.toggled.connect(self._star_toggled)
        self.tags = QLabel("")
        self.tags.setToolTip("Click a tag to take it off this article")
        self.tags.linkActivated.connect(self.untag_requested.emit)
        self.tag = QPushButton("Tag…")
        self.tag.setToolTip("Put a tag on this article (find it again with tag:NAME)")
        self.tag.clicked.connect(self.tag_requested.emit)
        self.mark = QPushButton("Mark passage…")
        self.mark.setToolTip("Mark the selected words with a colour and a note (Ctrl+M)")
        self.mark.clicked.connect(self.mark_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.star)
        layout.addWidget(self.tags, 1)
        layout.addWidget(self.tag)
        layout.addWidget(self.mark)
        self._showing = False
        self.setEnabled(False)

    def show_marks(self, starred: bool, tags: list[str]) -> None:
        """Show the article's star and tags (without emitting star_toggled)."""
        self._showing = True
        self.star.setChecked(starred)
        self.star.setText(STAR_ON if starred else STAR_OFF)
        self._showing = False
        links = " ".join(
            f'<a href="{_escape(name)}" style="text-decoration:none">#{_escape(name)} ✕</a>'
            for name in tags
        )
        self.tags.setText(links or "<i>no tags</i>")
        self.setEnabled(True)

    def _star_toggled(self, on: bool) -> None:
        self.star.setText(STAR_ON if on else STAR_OFF)
        if not self._showing:
            self.star_toggled.emit(on)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
