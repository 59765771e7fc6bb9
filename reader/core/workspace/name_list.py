"""A list of names to search at once: one a line, aliases after `|`, `#` comments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import WorkspaceInputError
from reader.core.ingest import decoding

# A name longer than this is almost surely a pasted paragraph, not a name.
MAX_NAME = 200


@dataclass(frozen=True)
class BatchName:
    """One line of the list: the name, its other spellings, and where it was written."""

    name: str
    aliases: tuple[str, ...]
    line: int

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


def parse(text: str) -> list[BatchName]:
    """The names in `text`, in order; a line that is not a name raises with its number.

    A name given twice (in any case) is refused too: its two rows would count the same
    mentions, which reads as if the articles said it twice as often.
    """
    names: list[BatchName] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        if not parts[0]:
            raise _bad(number, "it has aliases after a “|” but no name before it")
        if any(not part for part in parts[1:]):
            raise _bad(number, "it has an empty alias (two “|” together, or one at the end)")
        if any(len(part) > MAX_NAME for part in parts):
            raise _bad(number, f"a name is longer than {MAX_NAME} characters")
        key = parts[0].casefold()
        if key in seen:
            raise _bad(number, f"“{parts[0]}” is already on line {seen[key]}")
        seen[key] = number
        aliases = tuple(dict.fromkeys(p for p in parts[1:] if p.casefold() != key))
        names.append(BatchName(parts[0], aliases, number))
    return names


def read(path: Path) -> list[BatchName]:
    """The names in the file at `path` (any encoding the importer reads)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WorkspaceInputError(
            f"The list of names {path.name} could not be read: {error.strerror or error}."
        ) from error
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, source: str) -> list[BatchName]:
    """The names in `data`, read from `source` (a file name, or "the standard input")."""
    try:
        return parse(decoding.decode(data))
    except decoding.NotTextError as error:
        raise WorkspaceInputError(
            f"The list of names {source} is not a text file: {error}."
        ) from error


def parse_lines(lines: list[str]) -> list[BatchName]:
    """Names given one per argument (`--names "Baldwin|Alec Baldwin"`), numbered from 1."""
    return parse("\n".join(line.replace("\n", " ") for line in lines))


def _bad(number: int, reason: str) -> WorkspaceInputError:
    return WorkspaceInputError(f"Line {number} of the list of names cannot be read: {reason}.")
