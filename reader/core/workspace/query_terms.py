"""`tag:witness`, `starred:yes`, `note:word`: query terms answered by the workspace, not the index.

The workspace is not in the Whoosh index (it must survive a rebuild), so these terms are taken
out of the query text and turned into the set of article ids the hits must be among.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.errors import WorkspaceInputError
from reader.core.workspace.store import Workspace

TERM = re.compile(r'(?<!\S)(tag|starred|note):("[^"]*"|\S+)', re.IGNORECASE)
YES = {"yes", "true", "1", "y"}
NO = {"no", "false", "0", "n"}


@dataclass(frozen=True)
class WorkspaceTerm:
    """One term: `field` is "tag", "starred" or "note"."""

    field: str
    value: str


def split(text: str) -> tuple[str, list[WorkspaceTerm]]:
    """The query without its workspace terms, and those terms in order."""
    terms = [
        WorkspaceTerm(match.group(1).lower(), match.group(2).strip('"'))
        for match in TERM.finditer(text)
    ]
    rest = " ".join(TERM.sub(" ", text).split())
    return rest, terms


def resolve(workspace: Workspace, terms: list[WorkspaceTerm]) -> frozenset[str] | None:
    """Ids of the articles matching every term (None when there are no terms).

    `starred:no` cannot be answered as a set of ids without the whole library, so it is
    refused with a sentence rather than read as "starred".
    """
    found: set[str] | None = None
    for term in terms:
        if term.field == "tag":
            ids = workspace.tagged(term.value)
        elif term.field == "note":
            ids = workspace.noted(term.value)
        elif term.value.lower() in YES:
            ids = workspace.starred()
        elif term.value.lower() in NO:
            raise WorkspaceInputError(
                "Only starred:yes can be searched for; starred:no is not supported."
            )
        else:
            raise WorkspaceInputError(f"starred: takes yes or no, not {term.value!r}.")
        found = ids if found is None else found & ids
    return None if found is None else frozenset(found)
