"""Article: one news story or legal document, as read from a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """A parsed article. `body` is markdown; `published` is ISO, possibly partial ("2024-07")."""

    id: str
    path: Path
    title: str
    body: str
    format: str  # "md", "txt" or "html"
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    summary: str | None = None
