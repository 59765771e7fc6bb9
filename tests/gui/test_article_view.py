"""ArticleView: hover text, underline styles, no resource loading, links only after asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.articles import Article
from reader.core.mentions import Mention
from reader.gui import article_view, messages, palette
from reader.gui.article_view import ArticleView

BODY = "Alec Baldwin spoke in Santa Fe District Court. [site](https://example.org)"


def shown(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    court = BODY.index("Santa Fe District Court")
    mentions = [
        Mention(0, 12, "Alec Baldwin", "PERSON", canonical="Alec Baldwin"),
        Mention(court, court + 23, "Santa Fe District Court", "LEGAL", subtype="COURT"),
        Mention(court, court + 8, "Santa Fe", "PLACE"),
    ]
    view.show_article(Article("a", Path("/x/a.md"), "Title", BODY, "md"), mentions, ("spoke",))
    return view


def formats(view: ArticleView) -> dict[str, tuple[str, object]]:
    """Fragment text → (tooltip, underline style) for the body's fragments."""
    found = {}
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            found[it.fragment().text()] = (fmt.toolTip(), fmt.underlineStyle())
            it += 1
        block = block.next()
    return found


def test_entities_carry_hover_text_and_their_own_underline(qtbot: QtBot) -> None:
    found = formats(shown(qtbot))
    tip, underline = found["Alec Baldwin"]
    assert tip == "Person: Alec Baldwin"
    assert underline == palette.STYLES["PERSON"].underline
    tip, underline = found["Santa Fe"]
    assert tip.startswith("Place: Santa Fe")
    assert "within Legal term (court)" in tip
    assert underline == palette.STYLES["PLACE"].underline
    assert found[" District Court"][1] == palette.STYLES["LEGAL"].underline


def test_resources_are_never_loaded(qtbot: QtBot) -> None:
    view = shown(qtbot)
    resource = QTextDocument.ResourceType.ImageResource.value
    assert view.loadResource(resource, QUrl("file:///etc/passwd")) is None


@pytest.mark.parametrize(
    ("url", "agreed", "opened"),
    [
        ("https://example.org", True, True),
        ("https://example.org", False, False),
        ("file:///etc/passwd", True, False),
        ("javascript:alert(1)", True, False),
    ],
)
def test_links_open_only_when_safe_and_confirmed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, url: str, agreed: bool, opened: bool
) -> None:
    view = shown(qtbot)
    calls: list[str] = []
    monkeypatch.setattr(messages, "confirm_link", lambda parent, link: agreed)
    monkeypatch.setattr(
        article_view.QDesktopServices, "openUrl", lambda u: calls.append(u.toString())
    )
    view.open_link(QUrl(url))
    assert bool(calls) is opened


def test_hiding_a_type_keeps_the_others(qtbot: QtBot) -> None:
    view = shown(qtbot)
    view.set_hidden_labels(frozenset({"PERSON"}))
    found = formats(view)
    assert all(not tip.startswith("Person") for tip, _ in found.values())
    assert any(tip.startswith("Place") for tip, _ in found.values())


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("label", sorted(palette.STYLES))
def test_underlines_stand_out_from_their_highlight(label: str, dark: bool) -> None:
    """The underline style tells the type without colour, so it must be visible."""
    line = palette.line(label, dark).lightness()
    background = palette.background(label, dark).lightness()
    assert abs(line - background) >= 60, (label, dark, line, background)
