"""The core imports without Qt, so it runs where no display or Qt library exists."""

import subprocess
import sys

CORE_MODULES = [
    "reader.core.library.library",
    "reader.core.index.query",
    "reader.core.ingest.reading",
    "reader.cli.main",
]


def test_core_and_cli_import_without_pyside6() -> None:
    code = (
        f"import sys, {', '.join(CORE_MODULES)}; "
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'spacy'))); "
        "print(leaked); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"core imported Qt or spaCy at import time: {result.stdout}"
