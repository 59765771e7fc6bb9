"""Writes to a workspace until killed, printing each write's number once it is committed."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.workspace.store import Workspace

BODY = "The clerk read the docket aloud before the hearing began."


def main(path: str, first: int) -> None:
    workspace = Workspace(Path(path))
    n = first
    while True:
        workspace.tag(f"a{n}", f"/cases/{n}.txt", f"t{n}")
        workspace.add_note(f"a{n}", f"/cases/{n}.txt", BODY, f"note {n}", start=4, end=9)
        print(n, flush=True)  # acknowledged: both writes are committed
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
