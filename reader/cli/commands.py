"""The list of subcommands; each module has register(subparsers) and run(args)."""

from __future__ import annotations

from types import ModuleType

from reader.cli import (
    cmd_batch,
    cmd_check,
    cmd_chronology,
    cmd_entities,
    cmd_export,
    cmd_index,
    cmd_note,
    cmd_rebuild,
    cmd_saved,
    cmd_search,
    cmd_show,
    cmd_tag,
    cmd_watch,
    cmd_workspace_file,
)

ALL: tuple[ModuleType, ...] = (
    cmd_index,
    cmd_watch,
    cmd_search,
    cmd_show,
    cmd_entities,
    cmd_chronology,
    cmd_export,
    cmd_check,
    cmd_rebuild,
    cmd_tag,
    cmd_note,
    cmd_saved,
    cmd_batch,
    cmd_workspace_file,
)
