"""The one place that knows where the bundled resources/ folder is."""

from __future__ import annotations

from pathlib import Path

import reader

_PACKAGE = Path(reader.__file__).resolve().parent
# A wheel carries resources/ inside the package; a source checkout has it beside the package.
_CANDIDATES = (_PACKAGE / "_resources", _PACKAGE.parent / "resources")


def resource(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. resource("articles")."""
    for root in _CANDIDATES:
        if root.is_dir():
            return root.joinpath(*parts)
    raise FileNotFoundError("The reader's bundled resources folder is missing; reinstall the app.")
