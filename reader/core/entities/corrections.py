"""The user's corrections to extracted entities: hide, relabel, merge, split.

Corrections are keyed by the folded canonical name (reader.core.text.folding.fold), not by offsets,
so they survive a re-import of the library.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from reader.core import durable
from reader.core.entities import aliases
from reader.core.mentions import LABELS, Mention
from reader.core.text.folding import fold

log = logging.getLogger(__name__)


def _empty() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Corrections:
    """Hidden entity keys, label changes, merges (key → target name) and split-off names."""

    hidden: frozenset[str] = frozenset()
    relabels: Mapping[str, str] = field(default_factory=_empty)
    merges: Mapping[str, str] = field(default_factory=_empty)
    splits: frozenset[str] = frozenset()


def key(mention: Mention) -> str:
    """Return the key of the entity a mention belongs to: its folded canonical name."""
    return fold(mention.canonical or mention.text)


def hide(corrections: Corrections, name: str) -> Corrections:
    """Return corrections that also hide the entity `name`."""
    return dataclasses.replace(corrections, hidden=corrections.hidden | {fold(name)})


def relabel(corrections: Corrections, name: str, label: str) -> Corrections:
    """Return corrections that give the entity `name` the type `label`."""
    if label not in LABELS:
        raise ValueError(f"unknown entity type {label!r}")
    relabels = {**corrections.relabels, fold(name): label}
    return dataclasses.replace(corrections, relabels=MappingProxyType(relabels))


def merge(corrections: Corrections, source: str, target: str) -> Corrections:
    """Return corrections that fold the entity `source` into the entity `target`."""
    if fold(source) == fold(target):
        return corrections
    merges = {**corrections.merges, fold(source): target}
    return dataclasses.replace(corrections, merges=MappingProxyType(merges))


def split(corrections: Corrections, name: str) -> Corrections:
    """Return corrections where `name` is its own entity again (undoes a merge or an alias link)."""
    folded = fold(name)
    if folded in corrections.merges:
        merges = {k: v for k, v in corrections.merges.items() if k != folded}
        return dataclasses.replace(corrections, merges=MappingProxyType(merges))
    return dataclasses.replace(corrections, splits=corrections.splits | {folded})


def apply(corrections: Corrections, mentions: Iterable[Mention]) -> list[Mention]:
    """Return `mentions` with the corrections applied; hidden entities are left out."""
    if not (corrections.splits or corrections.merges or corrections.relabels or corrections.hidden):
        return list(mentions)  # most libraries have none; folding every mention costs time
    out = []
    for m in mentions:
        surface = aliases.clean(m.text)
        if fold(surface) in corrections.splits:
            m = dataclasses.replace(m, canonical=surface)
        seen = {key(m)}
        while (target := corrections.merges.get(key(m))) is not None and fold(target) not in seen:
            seen.add(fold(target))  # a merge cycle (a→b, b→a) stops instead of looping
            m = dataclasses.replace(m, canonical=target)
        if (label := corrections.relabels.get(key(m))) is not None:
            m = dataclasses.replace(m, label=label, subtype=None if label != m.label else m.subtype)
        if key(m) not in corrections.hidden:
            out.append(m)
    return out


def load(path: Path) -> Corrections:
    """Read corrections from a JSON file; a missing or unreadable file gives no corrections."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Corrections(
            hidden=frozenset(str(k) for k in data.get("hidden", [])),
            relabels=MappingProxyType(
                {str(k): str(v) for k, v in data.get("relabels", {}).items() if v in LABELS}
            ),
            merges=MappingProxyType({str(k): str(v) for k, v in data.get("merges", {}).items()}),
            splits=frozenset(str(k) for k in data.get("splits", [])),
        )
    except FileNotFoundError:
        return Corrections()
    except (OSError, ValueError, AttributeError, TypeError) as error:
        log.warning(
            "The entity corrections in %s cannot be read (%s); they are ignored, and the file "
            "is kept as %s when corrections are next saved.",
            path,
            error,
            damaged_copy(path).name,
        )
        return Corrections()


def damaged_copy(path: Path) -> Path:
    """Where an unreadable corrections file is kept before a new one replaces it."""
    return path.with_name(path.name + ".damaged")


def save(corrections: Corrections, path: Path) -> None:
    """Write corrections as JSON, replacing the file only once the new one is complete."""
    data = {
        "hidden": sorted(corrections.hidden),
        "relabels": dict(sorted(corrections.relabels.items())),
        "merges": dict(sorted(corrections.merges.items())),
        "splits": sorted(corrections.splits),
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if not _readable(path):
        # The user's earlier corrections may still be recovered from it by hand.
        with contextlib.suppress(OSError):
            path.replace(damaged_copy(path))
    durable.write_atomically(path, text.encode("utf-8"))


def _readable(path: Path) -> bool:
    """False for a file that exists but is not a JSON object (damaged)."""
    try:
        return isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
