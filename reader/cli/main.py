"""`legal-reader`: the desktop app with no arguments, or a command for scripts and terminals."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli import commands
from reader.core.errors import ReaderError
from reader.core.library import AppPaths

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="legal-reader",
        description="Read and search news articles and documents about court cases.",
        epilog="With no command, the desktop app opens.",
    )
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="library folder (default: $READER_HOME/library or the per-user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands.ALL:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    # In a frozen app, a spawned worker (file reader, entity extractor) starts here too.
    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from reader.gui import app

        return app.main(library=args.library)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args.library = args.library or AppPaths.default().library
    try:
        result: int = args.run(args)
        return result
    except ReaderError as error:
        print(f"legal-reader: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Imports commit as they go: what was committed is kept, and the next run goes on.
        stopped = "stopped."
        if args.command in ("index", "watch"):
            stopped = (
                "stopped; what was imported is kept, and the next `legal-reader index` (or "
                "`index --wait`, or the app) goes on from there."
            )
        print(f"legal-reader: {stopped}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
