"""Run one text-only import and print each file the moment it is acknowledged as imported.

Used by the crash trials: the parent kills this process with SIGKILL at a random moment and
then checks that everything printed here is still in the library.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.library import Library


def main(root: str, folder: str) -> None:
    """Import `folder` into the library at `root`."""
    library = Library.open(Path(root), samples=False, extractor=lambda article: [])
    processed: list[Path] = []
    acknowledged = 0
    for step in library.import_paths([Path(folder)]):
        if step.status == "added":
            processed.append(step.path)
        for path in processed[acknowledged : step.committed]:
            print(f"ACK {path.parent.name}/{path.name}", flush=True)
        acknowledged = max(acknowledged, step.committed)
    # The last batch is committed when the generator finishes.
    for path in processed[acknowledged:]:
        print(f"ACK {path.parent.name}/{path.name}", flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
