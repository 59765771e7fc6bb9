"""Entity colours and underline styles, for light and dark palettes, and the article CSS.

Highlights never rely on colour alone: each type also has its own underline style, applied
with QTextCharFormat because QTextBrowser's CSS knows only solid underlines. Qt has six line
styles, so citations and docket numbers also change the letters: italic and monospace.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat

from reader.core.mentions import CITATION, DATE, DOCKET, LEGAL, MONEY, ORG, PERSON, PLACE
from reader.core.present import render

Underline = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class Style:
    """How one entity type looks: background per palette, underline colour and style."""

    light: str
    dark: str
    line: str
    underline: Underline
    pattern: str  # the underline in words, for the legend's tooltip
    shape: str = ""  # "italic" or "monospace": the letters, where the line style repeats


STYLES = {
    PERSON: Style("#ffd6e4", "#6b2340", "#c2185b", Underline.SingleUnderline, "solid"),
    ORG: Style("#d7e6ff", "#24406e", "#1f5fbf", Underline.DashUnderline, "dashed"),
    PLACE: Style("#d4f5dc", "#1f5230", "#2e7d32", Underline.DotLine, "dotted"),
    DATE: Style("#fff0c2", "#5c4a12", "#b07d00", Underline.DashDotLine, "dash-dot"),
    MONEY: Style("#e6dcff", "#45306e", "#6a3fc8", Underline.DashDotDotLine, "dash-dot-dot"),
    LEGAL: Style("#ffe0cc", "#6b3414", "#d35400", Underline.WaveUnderline, "wavy"),
    CITATION: Style("#c8eef0", "#15494d", "#00838f", Underline.SingleUnderline, "solid", "italic"),
    DOCKET: Style("#e9e2d4", "#4a3f2e", "#795548", Underline.DotLine, "dotted", "monospace"),
}
_SHAPE_CSS = {"italic": "font-style: italic;", "monospace": "font-family: monospace;"}
LIGHTER_ON_DARK = 190  # percent, for underlines on dark highlights
QUERY_LIGHT = ("#ffe94d", "#7a3b00")  # background, text colour of query terms
QUERY_DARK = ("#8a7a00", "#fff3b0")


def is_dark() -> bool:
    """Return whether the application's palette is dark."""
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def background(label: str, dark: bool) -> QColor:
    """Return the highlight background of an entity type."""
    style = STYLES[label]
    return QColor(style.dark if dark else style.light)


def line(label: str, dark: bool) -> QColor:
    """Return the underline colour of an entity type; lighter on a dark palette.

    The underline styles carry the type without colour, so they must stand out from the
    highlight: the light palette's line colours all but vanished on the dark backgrounds.
    """
    colour = QColor(STYLES[label].line)
    return colour.lighter(LIGHTER_ON_DARK) if dark else colour


def query_colours(dark: bool) -> tuple[QColor, QColor]:
    """Return the background and text colour of query-term highlights."""
    bg, fg = QUERY_DARK if dark else QUERY_LIGHT
    return QColor(bg), QColor(fg)


def article_css(dark: bool) -> str:
    """Return the default stylesheet of the article document."""
    rules = [
        f"span.{label.lower()} {{ background-color: {background(label, dark).name()}; "
        f"{_SHAPE_CSS.get(style.shape, '')}}}"
        for label, style in STYLES.items()
    ]
    _, fg = query_colours(dark)
    rules.append(f"span.{render.QUERY_CLASS} {{ font-weight: bold; color: {fg.name()}; }}")
    muted = "#a0a0a0" if dark else "#5f5f5f"
    rules.append(f"p.meta {{ color: {muted}; }} p.path {{ color: {muted}; font-size: small; }}")
    rules.append("h1 { font-size: x-large; }")
    rules.append(f"p.page {{ color: {muted}; font-size: small; text-align: center; }}")
    return "\n".join(rules)


def described(label: str) -> str:
    """How a type's highlight looks, in words: "dotted underline, monospace"."""
    style = STYLES[label]
    return f"{style.pattern} underline" + (f", {style.shape}" if style.shape else "")


def label_for_background(colour: QColor, dark: bool) -> str | None:
    """Return the entity type whose highlight has this background, if any."""
    for label in STYLES:
        if background(label, dark).rgb() == colour.rgb():
            return label
    return None


MARKS = {  # the user's passage marks: light, dark
    "yellow": ("#fff176", "#6d6200"),
    "green": ("#b9f6ca", "#1b5e20"),
    "blue": ("#b3e5fc", "#0d47a1"),
    "pink": ("#f8bbd0", "#880e4f"),
}


def mark_colour(name: str, dark: bool) -> str:
    """The background of a passage the user marked in colour `name`."""
    light, dark_colour = MARKS.get(name, MARKS["yellow"])
    return dark_colour if dark else light
