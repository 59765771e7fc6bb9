"""Placeholder until the desktop app lands."""

from __future__ import annotations

from pathlib import Path


def main(library: Path | None = None) -> int:
    """Start the desktop app."""
    raise SystemExit("legal-reader: the desktop app is not built yet.")
