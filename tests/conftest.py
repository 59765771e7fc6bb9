"""Shared fixtures. Qt must be told to draw offscreen before any QApplication exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_bb65d3ab540cb0e3.txt"
SEED_001 = SEEDS / "001_cee5a0d51e26243d.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests under tests/gui as `gui`."""
    for item in items:
        if "tests/gui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The two real seed articles beside the repository."""
    if not SEEDS.is_dir():
        pytest.skip(f"the real seed articles are not here ({SEEDS} is absent)")
    return SEEDS


@pytest.fixture
def sample_dir() -> Path:
    """The bundled sample articles."""
    return REPO / "resources" / "articles"


@pytest.fixture
def reader_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh READER_HOME for code that uses the default paths."""
    home = tmp_path / "home"
    monkeypatch.setenv("READER_HOME", str(home))
    return home
